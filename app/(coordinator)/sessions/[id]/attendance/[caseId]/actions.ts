"use server";

import { formAction, type FormReader } from "@/server/actions/form-action";
import { recordAttendance } from "@/server/services/attendance/record-attendance";
import {
  recordAttendanceInput,
  type RecordAttendanceResult,
} from "@/server/services/attendance/record-attendance.types";
import type { FormState } from "@/ui/form/form-state";

const fromForm = (form: FormReader) => {
  const outcome = form.text("outcome");
  const attended = outcome?.startsWith("ATTENDED") ?? false;
  return {
    sessionId: form.text("sessionId") ?? "",
    caseId: form.text("caseId") ?? "",
    outcome,
    arrivedAt: attended ? (form.text("arrivedAt") ?? null) : null,
    leftAt: attended ? (form.text("leftAt") ?? null) : null,
    penaltyMinutes: attended ? (form.number("penaltyMinutes") ?? null) : null,
    workQuality: attended ? (form.text("workQuality") ?? null) : null,
    behaviour: attended ? (form.text("behaviour") ?? null) : null,
    reasonCategory: outcome === "ACCEPTABLE_ABSENCE" ? (form.text("reasonCategory") ?? null) : null,
    // Left empty, a correction keeps the note already recorded (it may be sensitive and not shown here).
    note: form.text("note"),
    version: form.number("version"),
  };
};

const messages = {
  outcome: "Choose what happened",
  arrivedAt: "Enter the time they arrived, for example 09:05",
  leftAt: "Enter the time they left, for example 15:30",
  penaltyMinutes: "Enter the minutes taken off as a whole number",
};

const savedNotice = (result: RecordAttendanceResult) =>
  "Attendance record saved. The case's hours, absences and enforcement were worked out again." +
  (result.enforcementDue ? ` A ${result.enforcementDue === "BREACH" ? "breach" : "warning"} is now due.` : "") +
  (result.approval ? " This accepted absence needs a manager's approval." : "");

const revalidate = (result: RecordAttendanceResult) => [
  `/sessions/${result.attendance.sessionId}`,
  `/cases/${result.attendance.caseId}`,
  "/work-queue",
];

const submitCorrection = formAction({
  permission: "attendance.record",
  schema: recordAttendanceInput,
  fromForm,
  messages,
  run: (user, input) => recordAttendance(user, input),
  onSuccess: (result) => ({
    redirectTo: `/sessions/${result.attendance.sessionId}`,
    notice: savedNotice(result),
    revalidate: revalidate(result),
  }),
});

// The same correction started from the case page (issue 13) returns there.
const submitCorrectionFromCase = formAction({
  permission: "attendance.record",
  schema: recordAttendanceInput,
  fromForm,
  messages,
  run: (user, input) => recordAttendance(user, input),
  onSuccess: (result) => ({
    redirectTo: `/cases/${result.attendance.caseId}`,
    notice: savedNotice(result),
    revalidate: revalidate(result),
  }),
});

export async function correctAttendanceAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitCorrection(previous, form);
}

export async function correctAttendanceFromCaseAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitCorrectionFromCase(previous, form);
}

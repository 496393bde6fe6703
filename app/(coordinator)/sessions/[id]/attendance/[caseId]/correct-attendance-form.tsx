"use client";

import { useActionState } from "react";
import { ABSENCE_REASON_LABELS, ATTENDANCE_OUTCOMES, OUTCOME_INFO } from "@/domain/attendance-outcomes";
import { OUTCOME_DESCRIPTIONS } from "@/domain/attendance-outcome-descriptions";
import { WORK_RATINGS } from "@/domain/vocabulary";
import {
  FormProblems,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  TimeField,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { RATING_LABEL } from "@/ui/rating-labels";
import { correctAttendanceAction, correctAttendanceFromCaseAction } from "./actions";

export type AttendanceRecord = {
  outcome: string;
  arrivedAt: string | null;
  leftAt: string | null;
  penaltyMinutes: number;
  workQuality: string | null;
  behaviour: string | null;
  reasonCategory: string | null;
  note: string | null;
  version: number;
};

/** `from`: the page the correction started on (the session's or the case's), where it returns. */
export function CorrectAttendanceForm({
  sessionId,
  caseId,
  record,
  from = "session",
}: {
  sessionId: string;
  caseId: string;
  record: AttendanceRecord | null;
  from?: "session" | "case";
}) {
  const [state, action] = useActionState(
    from === "case" ? correctAttendanceFromCaseAction : correctAttendanceAction,
    initialFormState,
  );
  const ratings = WORK_RATINGS.map((value) => ({ value, label: RATING_LABEL[value] }));
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="caseId" value={caseId} />
      {record && <input type="hidden" name="version" value={record.version} />}
      <RadioGroup
        name="outcome"
        legend="What happened?"
        error={errorFor(state, "outcome")}
        defaultValue={valueFor(state, "outcome", record?.outcome)}
        choices={ATTENDANCE_OUTCOMES.map((value) => ({
          value,
          label: OUTCOME_DESCRIPTIONS[value].ndeliusCode
            ? `${OUTCOME_INFO[value].label} (${OUTCOME_DESCRIPTIONS[value].ndeliusCode})`
            : OUTCOME_INFO[value].label,
        }))}
      />
      <h2 className="text-2xl">If they attended</h2>
      <TimeField
        name="arrivedAt"
        label="Arrived at"
        hint="Leave empty for the session's start time"
        error={errorFor(state, "arrivedAt")}
        defaultValue={valueFor(state, "arrivedAt", record?.arrivedAt ?? "")}
      />
      <TimeField
        name="leftAt"
        label="Left at"
        hint="Needed when they were sent home"
        error={errorFor(state, "leftAt")}
        defaultValue={valueFor(state, "leftAt", record?.leftAt ?? "")}
      />
      <TextField
        name="penaltyMinutes"
        label="Minutes taken off (optional)"
        inputMode="numeric"
        width="3"
        error={errorFor(state, "penaltyMinutes")}
        defaultValue={valueFor(state, "penaltyMinutes", record?.penaltyMinutes ? String(record.penaltyMinutes) : "")}
      />
      <SelectField
        name="workQuality"
        label="Work quality"
        placeholder="Choose"
        options={ratings}
        error={errorFor(state, "workQuality")}
        defaultValue={valueFor(state, "workQuality", record?.workQuality ?? "")}
      />
      <SelectField
        name="behaviour"
        label="Behaviour"
        placeholder="Choose"
        options={ratings}
        error={errorFor(state, "behaviour")}
        defaultValue={valueFor(state, "behaviour", record?.behaviour ?? "")}
      />
      <h2 className="text-2xl">If it was an acceptable absence</h2>
      <SelectField
        name="reasonCategory"
        label="Reason"
        placeholder="Choose a reason"
        options={Object.entries(ABSENCE_REASON_LABELS).map(([value, label]) => ({ value, label }))}
        error={errorFor(state, "reasonCategory")}
        defaultValue={valueFor(state, "reasonCategory", record?.reasonCategory ?? "")}
      />
      <TextArea
        name="note"
        label="Note"
        hint={
          record
            ? "Say what evidence you have, for example a sick note dated 12 June. Left empty, the note already recorded stays."
            : "Say what evidence you have, for example a sick note dated 12 June"
        }
        rows={3}
        error={errorFor(state, "note")}
        defaultValue={valueFor(state, "note", record?.note ?? "")}
      />
      <SubmitButton pendingText="Saving…">Save the attendance record</SubmitButton>
    </form>
  );
}

"use server";

import { formAction } from "@/server/actions/form-action";
import {
  updateSessionInput,
  standDownInput,
  cancelSessionInput,
} from "@/server/services/sessions/change-session.types";
import { cancelSession, standDownSession } from "@/server/services/sessions/stand-down-session";
import { updateSession } from "@/server/services/sessions/update-session";
import type { FormState } from "@/ui/form/form-state";

const submitChange = formAction({
  permission: "session.change",
  schema: updateSessionInput,
  fromForm: (form) => ({
    sessionId: form.text("sessionId") ?? "",
    version: form.number("version"),
    startTime: form.text("startTime"),
    endTime: form.text("endTime"),
    supervisorId: form.text("supervisorId") ?? null,
    capacity: form.number("capacity"),
    consentRecorded: form.boolean("consentRecorded"),
  }),
  messages: {
    startTime: "Enter the start time, for example 09:00",
    endTime: "Enter the end time, for example 16:00",
    capacity: "Enter the number of places as a whole number",
  },
  run: (user, input) => updateSession(user, input),
  onSuccess: (session) => ({
    redirectTo: `/sessions/${session.id}`,
    notice: "Session changed. Everyone booked was checked again.",
    revalidate: [`/sessions/${session.id}`, "/sessions"],
  }),
});

const submitStandDown = formAction({
  permission: "session.change",
  schema: standDownInput,
  fromForm: (form) => ({
    sessionId: form.text("sessionId") ?? "",
    reason: form.text("reason"),
    note: form.text("note") ?? null,
    version: form.number("version"),
  }),
  messages: { reason: "Choose why the session is stood down" },
  run: (user, input) => standDownSession(user, input),
  onSuccess: (session) => ({
    redirectTo: `/sessions/${session.id}`,
    notice: `Session stood down. ${session.booked} ${session.booked === 1 ? "person has" : "people have"} an acceptable absence and ${session.booked === 1 ? "is" : "are"} on the work queue to be re-booked.`,
    revalidate: [`/sessions/${session.id}`, "/sessions", "/work-queue"],
  }),
});

const submitCancel = formAction({
  permission: "session.change",
  schema: cancelSessionInput,
  fromForm: (form) => ({
    sessionId: form.text("sessionId") ?? "",
    reason: form.text("cancelReason") ?? "",
    version: form.number("version"),
  }),
  fieldNames: { reason: "cancelReason" },
  messages: { reason: "Say why the session is cancelled" },
  run: (user, input) => cancelSession(user, input),
  onSuccess: (session) => ({
    redirectTo: `/sessions/${session.id}`,
    notice: "Session cancelled, with every booking on it.",
    revalidate: [`/sessions/${session.id}`, "/sessions", "/work-queue"],
  }),
});

export async function changeSessionAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitChange(previous, form);
}
export async function standDownSessionAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitStandDown(previous, form);
}
export async function cancelSessionAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitCancel(previous, form);
}

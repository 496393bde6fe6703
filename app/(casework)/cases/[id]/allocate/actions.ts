"use server";

import { formatDate } from "@/domain";
import { formAction, type FormReader } from "@/server/actions/form-action";
import { allocate } from "@/server/services/allocations/allocate";
import { allocateInput } from "@/server/services/allocations/allocate.types";
import { allocateSeries } from "@/server/services/allocations/allocate-series";
import { allocateSeriesInput } from "@/server/services/allocations/allocate-series.types";
import { requestBookingOverride } from "@/server/services/allocations/request-booking-override";
import { requestBookingOverrideInput } from "@/server/services/allocations/request-booking-override.types";
import type { FormState } from "@/ui/form/form-state";

// Booking a person on a session (R10). The page has already explained every reason; the
// service decides again under locks, and any refusal comes back as a field error.

const bookingFields = (form: FormReader) => ({
  caseId: form.text("caseId") ?? "",
  lateStartReason:
    form.text("lateStartCategory") || form.text("lateStartNote")
      ? { category: form.text("lateStartCategory") ?? "", note: form.text("lateStartNote") ?? "" }
      : undefined,
  overrideReason: form.text("overrideReason"),
  consentRecorded: form.boolean("consentRecorded"),
});

const fieldNames = {
  lateStartReason: "lateStartCategory",
  "lateStartReason.category": "lateStartCategory",
  "lateStartReason.note": "lateStartNote",
  // Reasons about the session or the person themselves have no field: they go to the summary.
  sessionId: "",
  caseId: "",
  seriesId: "",
  retrospective: "",
};

const messages = {
  lateStartCategory: "Choose why the start is late",
  lateStartNote: "Say why the start is late",
};

const permission = "allocation.create" as const;

function bookSession(redirectTo: (caseId: string, sessionId: string) => string) {
  return formAction({
    permission,
    schema: allocateInput,
    fromForm: (form) => ({
      ...bookingFields(form),
      sessionId: form.text("sessionId") ?? "",
      retrospective: form.boolean("retrospective"),
    }),
    fieldNames,
    messages,
    run: (user, input) => allocate(user, input),
    onSuccess: (booking) => ({
      redirectTo: redirectTo(booking.caseId, booking.sessionId),
      notice: `Booked on the session on ${formatDate(booking.sessionDate)}${booking.retrospective ? " (entered from a paper register)" : ""}. The work instruction and the schedule of all booked sessions are ready to print from the case page.`,
      revalidate: [`/cases/${booking.caseId}`, `/sessions/${booking.sessionId}`, "/work-queue"],
    }),
  });
}

const submitFromCase = bookSession((caseId) => `/cases/${caseId}`);
const submitFromSession = bookSession((_caseId, sessionId) => `/sessions/${sessionId}`);

const submitSeries = formAction({
  permission,
  schema: allocateSeriesInput,
  fromForm: (form) => ({ ...bookingFields(form), seriesId: form.text("seriesId") ?? "" }),
  fieldNames,
  messages,
  run: (user, input) => allocateSeries(user, input),
  onSuccess: (result) => {
    const refused = result.refused.map((r) => `Not booked on ${formatDate(r.date)}: ${r.reasons.join(" ")}`).join(" ");
    return {
      redirectTo: `/cases/${result.caseId}`,
      notice: `Booked on ${result.booked.length} ${result.booked.length === 1 ? "session" : "sessions"} of the weekly series.${refused ? ` ${refused}` : ""}`,
      revalidate: [`/cases/${result.caseId}`, "/work-queue"],
    };
  },
});

export async function allocateFromCaseAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitFromCase(previous, form);
}

export async function allocateFromSessionAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitFromSession(previous, form);
}

export async function allocateSeriesAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitSeries(previous, form);
}

// R10: refused by a risk or capacity rule, the coordinator asks a regional manager to book anyway.
const submitOverrideRequest = formAction({
  permission: "allocation.overrideRequest",
  schema: requestBookingOverrideInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    sessionId: form.text("sessionId") ?? "",
    reason: form.text("reason") ?? "",
  }),
  fieldNames: { sessionId: "", caseId: "" },
  messages: { reason: "Say why the booking should be made anyway" },
  run: (user, input) => requestBookingOverride(user, input),
  onSuccess: (approval) => ({
    redirectTo: `/cases/${approval.caseId}/allocate?session=${approval.sessionId ?? ""}`,
    revalidate: [`/cases/${approval.caseId}`, "/approvals"],
  }),
});

export async function requestOverrideAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitOverrideRequest(previous, form);
}

"use server";

import { formAction } from "@/server/actions/form-action";
import { requestExplanation, requestExplanationInput } from "@/server/services/enforcement/request-explanation";
import type { FormState } from "@/ui/form/form-state";
import { formatDate } from "@/ui/format";

const submitRequest = formAction({
  permission: "enforcement.explain",
  schema: requestExplanationInput,
  fromForm: (form) => ({
    attendanceId: form.text("attendanceId") ?? "",
    requestedOn: form.text("requestedOn") ?? "",
    respondBy: form.text("respondBy") ?? "",
    note: form.text("note") ?? null,
  }),
  messages: {
    attendanceId: "Choose the failure to comply",
    requestedOn: "Enter the date you asked as a real date",
    respondBy: "Enter the date they must reply by as a real date",
  },
  run: (user, input) => requestExplanation(user, input),
  onSuccess: (result) => ({
    redirectTo: `/cases/${result.caseId}`,
    notice: `Explanation asked for, by ${formatDate(result.respondBy)}.`,
    revalidate: [`/cases/${result.caseId}`, "/work-queue"],
  }),
});

export async function requestExplanationAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitRequest(previous, form);
}

"use server";

import { formAction } from "@/server/actions/form-action";
import { terminateRequirement } from "@/server/services/cases/terminate-requirement";
import { terminateRequirementInput } from "@/server/services/cases/terminate-requirement.types";
import type { FormState } from "@/ui/form/form-state";

const submitTermination = formAction({
  permission: "case.terminate",
  schema: terminateRequirementInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    reason: form.text("reason"),
    date: form.text("date"),
    note: form.text("note") ?? null,
  }),
  messages: { reason: "Choose why the requirement is ending", date: "Enter the date the requirement ended" },
  run: (user, input) => terminateRequirement(user, input),
  onSuccess: (result) => ({
    redirectTo: `/cases/${result.caseId}`,
    notice:
      `Requirement terminated.` +
      (result.cancelledAllocations > 0
        ? ` ${result.cancelledAllocations} future ${result.cancelledAllocations === 1 ? "session booking was" : "session bookings were"} cancelled.`
        : ""),
    revalidate: [`/cases/${result.caseId}`, "/cases", "/work-queue"],
  }),
});

export async function terminateRequirementAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitTermination(previous, form);
}

"use server";

import { formAction } from "@/server/actions/form-action";
import { withdrawEnforcement } from "@/server/services/enforcement/withdraw-enforcement";
import { withdrawEnforcementInput } from "@/server/services/enforcement/enforcement.types";
import type { FormState } from "@/ui/form/form-state";

const submitWithdrawal = formAction({
  permission: "enforcement.withdraw",
  schema: withdrawEnforcementInput,
  fromForm: (form) => ({
    actionId: form.text("actionId") ?? "",
    reason: form.text("reason") ?? "",
    version: form.number("version"),
  }),
  fieldNames: { version: "main-content" },
  messages: { reason: "Give the reason for withdrawing" },
  run: (user, input) => withdrawEnforcement(user, input),
  onSuccess: (action) => ({
    redirectTo: `/cases/${action.caseId}`,
    notice: `${action.type === "WARNING" ? "Warning" : "Breach"} withdrawn. It no longer counts${action.type === "WARNING" ? " and its letter is void" : ""}.`,
    revalidate: [`/cases/${action.caseId}`, "/cases", "/work-queue", "/dashboard"],
  }),
});

export async function withdrawEnforcementAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitWithdrawal(previous, form);
}

"use server";

import { formAction } from "@/server/actions/form-action";
import { correctEteCredit, removeEteCredit } from "@/server/services/ete/correct-ete-credit";
import { correctEteCreditInput, removeEteCreditInput } from "@/server/services/ete/correct-ete-credit.types";
import type { FormState } from "@/ui/form/form-state";
import { formatHoursAndMinutes } from "@/ui/format";

const submitCorrection = formAction({
  permission: "ete.correct",
  schema: correctEteCreditInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    creditId: form.text("creditId") ?? "",
    version: form.number("version"),
    date: form.text("date") ?? "",
    minutes: form.number("minutes"),
    activity: form.text("activity") ?? "",
    provider: form.text("provider") ?? null,
    evidence: form.text("evidence") ?? null,
    reason: form.text("reason") ?? "",
  }),
  messages: {
    date: "Enter the date of the activity",
    minutes: "Enter the time as a whole number of minutes, for example 90",
    activity: "Enter the activity, for example the course name",
    reason: "Enter the reason for the correction",
  },
  run: (user, input) => correctEteCredit(user, input),
  onSuccess: (credit) => ({
    redirectTo: `/cases/${credit.caseId}`,
    notice: `ETE credit corrected to ${formatHoursAndMinutes(credit.minutes)}. Hours done were worked out again; ${formatHoursAndMinutes(credit.eteRemainingMinutes)} of the ETE allowance remain.`,
    revalidate: [`/cases/${credit.caseId}`],
  }),
});

const submitRemoval = formAction({
  permission: "ete.correct",
  schema: removeEteCreditInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    creditId: form.text("creditId") ?? "",
    version: form.number("version"),
    reason: form.text("removalReason") ?? "",
  }),
  fieldNames: { reason: "removalReason" },
  messages: { reason: "Enter the reason for removing the credit" },
  run: (user, input) => removeEteCredit(user, input),
  onSuccess: (removed) => ({
    redirectTo: `/cases/${removed.caseId}`,
    notice: `ETE credit removed. Hours done were worked out again; ${formatHoursAndMinutes(removed.eteRemainingMinutes)} of the ETE allowance remain.`,
    revalidate: [`/cases/${removed.caseId}`],
  }),
});

export async function correctEteCreditAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitCorrection(previous, form);
}

export async function removeEteCreditAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitRemoval(previous, form);
}

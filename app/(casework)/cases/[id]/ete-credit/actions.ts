"use server";

import { formAction } from "@/server/actions/form-action";
import { creditEte } from "@/server/services/ete/credit-ete";
import { creditEteInput } from "@/server/services/ete/credit-ete.types";
import type { FormState } from "@/ui/form/form-state";
import { formatHoursAndMinutes } from "@/ui/format";

const submitEteCredit = formAction({
  permission: "ete.credit",
  schema: creditEteInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    date: form.text("date") ?? "",
    minutes: form.number("minutes"),
    activity: form.text("activity") ?? "",
    provider: form.text("provider") ?? null,
    evidence: form.text("evidence") ?? null,
  }),
  messages: {
    date: "Enter the date of the activity",
    minutes: "Enter the time as a whole number of minutes, for example 90",
    activity: "Enter the activity, for example the course name",
  },
  run: (user, input) => creditEte(user, input),
  onSuccess: (credit) => ({
    redirectTo: `/cases/${credit.caseId}`,
    notice: `${formatHoursAndMinutes(credit.minutes)} of ETE credited. ${formatHoursAndMinutes(credit.eteRemainingMinutes)} of the ETE allowance remain.`,
    revalidate: [`/cases/${credit.caseId}`],
  }),
});

export async function creditEteAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitEteCredit(previous, form);
}

"use server";

import { formAction } from "@/server/actions/form-action";
import { setRuleCommencements } from "@/server/services/rule-commencements/set-rule-commencements";
import { ruleCommencementsBody } from "@/server/services/rule-commencements/set-rule-commencements.types";
import type { FormState } from "@/ui/form/form-state";

const submitRuleDates = formAction({
  permission: "admin.reference",
  schema: ruleCommencementsBody,
  // Empty dates mean "not in force", so only the previewed form (which says so) can record them.
  fromForm: (form) =>
    form.text("previewed") === "yes"
      ? {
          twelveMonthPeriodAbolishedFrom: form.text("twelveMonthPeriodAbolishedFrom") ?? null,
          earnedReductionFrom: form.text("earnedReductionFrom") ?? null,
        }
      : {},
  messages: {
    twelveMonthPeriodAbolishedFrom: "Preview the change first, then record it",
    earnedReductionFrom: "Preview the change first, then record it",
  },
  run: (user, input) => setRuleCommencements(user, input),
  onSuccess: () => ({
    redirectTo: "/admin/rule-dates",
    notice: "Rule dates recorded. Every screen, figure and API answer now follows them.",
    revalidate: ["/admin/rule-dates", "/dashboard", "/work-queue", "/cases"],
  }),
});

export async function recordRuleDatesAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitRuleDates(previous, form);
}

"use server";

import { formAction } from "@/server/actions/form-action";
import { decideEarnedReduction } from "@/server/services/earned-reduction/decide-earned-reduction";
import { decideEarnedReductionInput } from "@/server/services/earned-reduction/decide-earned-reduction.types";
import type { FormState } from "@/ui/form/form-state";
import { formatHoursAndMinutes } from "@/ui/format";

const submitDecision = formAction({
  permission: "case.earnedReduction",
  schema: decideEarnedReductionInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    decision: form.text("decision") ?? "",
    ...(form.text("note") ? { note: form.text("note") } : {}),
  }),
  messages: { decision: "Choose whether you confirm or refuse the reduction" },
  run: (user, input) => decideEarnedReduction(user, input),
  onSuccess: (view) => ({
    redirectTo: `/cases/${view.id}`,
    notice:
      view.earnedReduction.decision === "CONFIRMED"
        ? `Reduction confirmed. The hours required are now ${formatHoursAndMinutes(view.minutesRequired)}.`
        : `Reduction refused. The hours required stay at ${formatHoursAndMinutes(view.minutesRequired)}.`,
    revalidate: [`/cases/${view.id}`, "/work-queue", "/dashboard"],
  }),
});

export async function decideEarnedReductionAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitDecision(previous, form);
}

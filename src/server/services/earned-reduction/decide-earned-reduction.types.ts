import { z } from "zod";

// POST /api/v1/cases/{id}/earned-reduction/decision (docs/api.md "Additions"): the responsible
// officer's view under Sentencing Code Sch 9 para 3A(1)(d)–(e).

export const EARNED_REDUCTION_DECISION_INPUTS = ["CONFIRM", "REFUSE"] as const;

export const decideEarnedReductionBody = z
  .object({
    decision: z
      .enum(EARNED_REDUCTION_DECISION_INPUTS, { message: "Choose whether you confirm or refuse the reduction" })
      .describe(
        "CONFIRM: in your view the person did not fail without reasonable excuse to attend, and was not sent home for not working, before reaching the qualifying amount. REFUSE: in your view they did.",
      ),
    note: z.string().trim().max(4000, "The note must be 4,000 characters or fewer").optional(),
  })
  .strict()
  .meta({ title: "EarnedReductionDecisionInput" });

export const decideEarnedReductionInput = decideEarnedReductionBody.extend({ caseId: z.uuid() }).strict();
export type DecideEarnedReductionInput = z.input<typeof decideEarnedReductionInput>;

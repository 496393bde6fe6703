import { z } from "zod";
import { CRN_PATTERN, ETE_REASONS, ROSH_LEVELS } from "@/domain";
import { availabilitySchema, DB_INT_MAX, optionalText } from "../schemas";

// PUT /api/v1/cases/{id}/assessment (docs/api.md). `version` is the case's `version` as last read.

export const saveAssessmentBody = z
  .object({
    version: z
      .number()
      .int()
      .nonnegative()
      .max(DB_INT_MAX)
      .describe("The case's version as last read; 409 STALE_VERSION if someone saved since"),
    rosh: z.enum(ROSH_LEVELS),
    riskCodes: z
      .array(z.string().trim().toUpperCase().min(1).max(16))
      .max(30)
      .refine((codes) => new Set(codes).size === codes.length, "List each risk code once")
      .describe("Codes from the national risk-code catalogue, e.g. RC, RW"),
    eteEligible: z.boolean(),
    eteReason: z.enum(ETE_REASONS).nullish(),
    availability: availabilitySchema.nullish(),
    notes: optionalText(4000),
    mappaCategory: z.number().int().min(1).max(4).nullish(),
    mappaLevel: z.number().int().min(1).max(3).nullish(),
    healthNotes: optionalText(4000),
    adjustments: optionalText(4000),
    skills: optionalText(4000),
    caringDuties: optionalText(4000),
    employment: optionalText(4000),
    religiousObservance: optionalText(4000),
    womenOnlyPreference: z.boolean().optional(),
    nonAssociations: z
      .array(z.string().trim().toUpperCase().regex(CRN_PATTERN, "Enter a CRN: one capital letter then six digits"))
      .max(20)
      .refine((crns) => new Set(crns).size === crns.length, "List each person once")
      .optional()
      .describe(
        "R10 non-association: CRNs of people who must never be booked on the same session as this person (left out: unchanged)",
      ),
    complete: z.boolean().describe("True when the assessment is finished; work sessions can then be booked"),
  })
  .strict()
  .superRefine((body, ctx) => {
    // R6: ETE is only for the three eligibility reasons, so eligibility needs one of them.
    if (body.eteEligible && !body.eteReason) {
      ctx.addIssue({ code: "custom", path: ["eteReason"], message: "Choose why the person is eligible for ETE" });
    }
  })
  .meta({ title: "AssessmentInput" });

export const saveAssessmentInput = saveAssessmentBody.safeExtend({ caseId: z.string() });
export type SaveAssessmentInput = z.input<typeof saveAssessmentInput>;

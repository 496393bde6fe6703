import { z } from "zod";
import { isIsoDate } from "@/domain";

// GET/PUT /api/v1/admin/rule-commencements (docs/api.md "Additions"): the Sentencing Act 2026
// commencement dates, or null while a section is not in force.

const commencementDate = z
  .string()
  .refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" })
  .refine((d) => d >= "2026-01-22", {
    message: "The date cannot be before the Act received Royal Assent on 22 January 2026",
  })
  .nullable();

export const ruleCommencementsBody = z
  .object({
    twelveMonthPeriodAbolishedFrom: commencementDate.describe(
      "s.36 (SI 2026/402): from this date no order has a 12-month period",
    ),
    earnedReductionFrom: commencementDate.describe(
      "s.37: from this date the earned reduction of hours (Sch 9 para 3A) applies",
    ),
  })
  .strict()
  .meta({ title: "RuleCommencements" });

export type RuleCommencementsInput = z.input<typeof ruleCommencementsBody>;

export const ruleCommencementsView = z
  .object({
    twelveMonthPeriodAbolishedFrom: z.string().nullable(),
    earnedReductionFrom: z.string().nullable(),
  })
  .meta({ title: "RuleCommencementsView" });

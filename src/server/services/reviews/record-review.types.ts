import { z } from "zod";
import { isIsoDate, REVIEW_OUTCOMES, REVIEW_TYPES } from "@/domain";

// POST /api/v1/cases/{id}/reviews (docs/api.md Additions): type, date, outcome, note?

const isoDate = z.string().refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" });

export const recordReviewBody = z
  .object({
    type: z
      .enum(REVIEW_TYPES)
      .describe("SIX_MONTH and NINE_MONTH are the mandatory reviews (R3); OTHER any further review"),
    date: isoDate.describe("The day the review took place (not before the sentence date, not in the future)"),
    outcome: z.enum(REVIEW_OUTCOMES),
    note: z.string().trim().max(4000).optional().describe("Plain text"),
    extensionAppliedOn: isoDate
      .optional()
      .describe(
        "With EXTENSION_TO_BE_SOUGHT: the day the application to the court was made, if it has been (the case then shows 'extension applied for')",
      ),
  })
  .strict()
  .meta({ title: "ReviewInput" });

export const recordReviewInput = recordReviewBody.extend({ caseId: z.uuid() }).strict();
export type RecordReviewInput = z.input<typeof recordReviewInput>;

export const reviewView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    type: z.enum(REVIEW_TYPES),
    date: isoDate,
    dueOn: isoDate.describe(
      "When the review was due: 6 or 9 months after sentence, or the review's own date for OTHER",
    ),
    outcome: z.enum(REVIEW_OUTCOMES),
    note: z.string().nullable(),
    extensionAppliedOn: isoDate.nullable().describe("The case's 'extension applied for' date, if any"),
  })
  .meta({ title: "Review" });

export type ReviewView = z.input<typeof reviewView>;

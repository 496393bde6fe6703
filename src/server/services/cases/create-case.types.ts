import { z } from "zod";
import { CRN_PATTERN, GENDERS, MANAGED_BY, ORDER_RELATIONS, ORDER_TYPES } from "@/domain";
import { isoDateSchema, optionalText } from "../schemas";

// POST /api/v1/cases (docs/api.md). hoursOrdered is any whole number here: R1's 40–300 range is the
// domain's rule (validateHoursOrdered), answered as 422 HOURS_OUT_OF_RANGE, not a 400.

export const createCaseInput = z
  .object({
    crn: z
      .string()
      .trim()
      .toUpperCase()
      .regex(CRN_PATTERN, "Enter the CRN as one capital letter then six digits, for example X123456"),
    firstName: z.string().trim().min(1, "Enter the first name").max(100),
    lastName: z.string().trim().min(1, "Enter the last name").max(100),
    dateOfBirth: isoDateSchema,
    gender: z.enum(GENDERS),
    ethnicity: optionalText(100),
    phone: optionalText(40),
    region: z.string().trim().min(1, "Enter the region code, for example LON").max(8).describe("Region code, e.g. LON"),
    pdu: z.string().trim().max(16).nullish().describe("PDU code within the region"),
    orderType: z.enum(ORDER_TYPES),
    managedBy: z.enum(MANAGED_BY),
    sentenceDate: isoDateSchema,
    court: z.string().trim().min(1, "Enter the sentencing court").max(200),
    practitionerName: optionalText(200),
    hoursOrdered: z.number().int("Enter whole hours"),
    operationalPeriodEndsOn: isoDateSchema
      .nullish()
      .describe(
        "Suspended sentence order only: the end of the operational period (6 months to 2 years after sentence)",
      ),
    supervisionPeriodEndsOn: isoDateSchema
      .nullish()
      .describe(
        "Suspended sentence order only: the end of the supervision period, no later than the operational period; the work must be done by then",
      ),
    orderRelation: z
      .enum(ORDER_RELATIONS)
      .nullish()
      .describe(
        "The court's direction when the person has another requirement: CONCURRENT (at the same time) or CONSECUTIVE (after it); give relatedCaseId with it",
      ),
    relatedCaseId: z
      .uuid("Choose the requirement this one runs with")
      .nullish()
      .describe("The id of the same person's requirement this one runs with (CONCURRENT) or after (CONSECUTIVE)"),
  })
  .strict()
  .meta({ title: "CaseInput" });

export type CreateCaseInput = z.input<typeof createCaseInput>;

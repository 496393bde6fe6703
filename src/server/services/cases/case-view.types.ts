import { z } from "zod";
import {
  EARNED_REDUCTION_STATUSES,
  GENDERS,
  MANAGED_BY,
  ORDER_RELATIONS,
  ORDER_TYPES,
  REQUIREMENT_STATUSES,
  ROSH_LEVELS,
  TERMINATION_REASONS,
} from "@/domain";

// The case (docs/api.md "A case carries at least…"): what POST /cases, GET /cases/{id} and
// PUT /cases/{id}/assessment return. The computed fields come from the domain's
// deriveRequirementStatus as of `asOf`.

export const caseView = z
  .object({
    id: z.string(),
    asOf: z.string().describe("The date inBacklog, dormant and rag are computed for, YYYY-MM-DD"),
    personId: z.string(),
    crn: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string(),
    gender: z.enum(GENDERS),
    region: z.string().describe("Region code, e.g. LON"),
    pdu: z.string().nullable().describe("PDU code"),
    orderType: z.enum(ORDER_TYPES),
    managedBy: z.enum(MANAGED_BY),
    court: z.string(),
    sentenceDate: z.string(),
    hoursOrdered: z.number().int(),
    requiredMinutes: z.number().int().describe("The minutes required now: the same as minutesRequired"),
    minutesRequired: z
      .number()
      .int()
      .describe(
        "Hours ordered × 60 less any earned reduction the responsible officer has confirmed (Sentencing Act 2026 s.37)",
      ),
    earnedReduction: z
      .object({
        status: z.enum(EARNED_REDUCTION_STATUSES),
        qualifyingMinutes: z.number().int().describe("25 % of the hours ordered, in minutes"),
        currentMinutes: z
          .number()
          .int()
          .describe("The reduction the hours worked so far have earned (proposed until confirmed)"),
        projectedMinutes: z.number().int().describe("The reduction in prospect if the person keeps working"),
        decision: z.enum(["CONFIRMED", "REFUSED"]).nullable().describe("The responsible officer's recorded view"),
      })
      .describe("Sentencing Act 2026 s.37 (Sentencing Code Sch 9 para 3A)"),
    minutesCredited: z.number().int(),
    minutesEte: z.number().int(),
    outstandingMinutes: z.number().int(),
    eteAllowanceMinutes: z.number().int(),
    eteRemainingMinutes: z.number().int(),
    startDeadline: z
      .string()
      .nullable()
      .describe(
        "R2: 15 working days after the sentence date, or after the day the earlier order ended for a consecutive case; null while waitingForEarlierOrder",
      ),
    waitingForEarlierOrder: z
      .boolean()
      .describe(
        "A consecutive case whose earlier order had not ended on asOf: it cannot start yet, so it is never late to start, dormant or in the backlog",
      ),
    commencedOn: z.string().nullable(),
    effectiveEndDate: z
      .string()
      .nullable()
      .describe("Null once the Sentencing Act 2026 s.36 has removed the 12-month period for asOf"),
    status: z.enum(REQUIREMENT_STATUSES).describe("As of asOf"),
    terminationReason: z.enum(TERMINATION_REASONS).nullable(),
    completedOn: z.string().nullable(),
    inBacklog: z.boolean(),
    dormant: z.boolean(),
    underWarrant: z.boolean(),
    openBreach: z.boolean(),
    rag: z.enum(["RED", "AMBER", "GREEN"]).nullable(),
    assessmentComplete: z.boolean(),
    rosh: z.enum(ROSH_LEVELS).nullable(),
    riskCodes: z.array(z.string()),
    eteEligible: z.boolean(),
    restricted: z.boolean(),
    orderRelation: z
      .enum(ORDER_RELATIONS)
      .nullable()
      .describe(
        "How this requirement runs with relatedCaseId: CONCURRENT (at the same time) or CONSECUTIVE (after it ends); null on its own",
      ),
    relatedCaseId: z.string().nullable().describe("The same person's requirement this one runs with or after"),
    pendingTransfer: z
      .object({ id: z.string(), toRegion: z.string(), requestedOn: z.string() })
      .nullable()
      .describe(
        "A transfer to another region waiting for that region's manager; the case stays here until it is accepted",
      ),
    version: z
      .number()
      .int()
      .describe(
        "The assessment's version: send it back with PUT /cases/{id}/assessment (409 when someone saved since)",
      ),
  })
  .meta({ title: "Case" });

export type CaseView = z.input<typeof caseView>;

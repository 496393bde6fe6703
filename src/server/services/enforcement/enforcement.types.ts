import { z } from "zod";
import { BREACH_OUTCOMES, isIsoDate } from "@/domain";
import { versionSchema } from "../schemas";

// Enforcement (R9) — docs/api.md: GET|POST /api/v1/cases/{id}/enforcement,
// POST /api/v1/enforcement/{actionId}/outcome and /withdrawal. Shared by the enforcement services.

const isoDate = z.string().refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" });

export const WARNING_DELIVERIES = ["IN_PERSON", "POST", "EMAIL"] as const;

export const startEnforcementBody = z
  .object({
    type: z.enum(["WARNING", "BREACH"]),
    date: isoDate.describe("The day the warning was given or breach proceedings started"),
    note: z.string().trim().max(4000).nullish(),
    attendanceId: z
      .uuid()
      .nullish()
      .describe(
        "The recorded failure to comply this answers; a manager may name one under another requirement of the same order",
      ),
    failureDate: isoDate
      .nullish()
      .describe("A failure not recorded as an attendance: its date (with failureDescription)"),
    failureDescription: z
      .string()
      .trim()
      .max(4000)
      .nullish()
      .describe("A failure not recorded as an attendance: what happened"),
    deliveredBy: z.enum(WARNING_DELIVERIES).nullish().describe("A warning: how it was given to the person"),
  })
  .strict()
  .meta({ title: "EnforcementInput" });

export const startEnforcementInput = startEnforcementBody.extend({ caseId: z.uuid() }).strict();
export type StartEnforcementInput = z.input<typeof startEnforcementInput>;

export const breachOutcomeBody = z
  .object({
    outcome: z.enum(BREACH_OUTCOMES),
    date: isoDate.describe("The day of the court's decision or the warrant"),
    newHoursOrdered: z.number().int().nullish().describe("HOURS_ADDED: the new total hours ordered (at most 300)"),
    newCaseId: z
      .uuid()
      .nullish()
      .describe("REVOKED_AND_RESENTENCED: the requirement of the new sentence, when it has been made"),
    version: versionSchema.optional().describe("The action's version as last read"),
  })
  .strict()
  .meta({ title: "BreachOutcomeInput" });

export const withdrawEnforcementBody = z
  .object({
    reason: z.string().trim().min(1, { message: "Give the reason for withdrawing" }).max(4000),
    version: versionSchema.optional().describe("The action's version as last read"),
  })
  .strict()
  .meta({ title: "EnforcementWithdrawalInput" });

export const withdrawEnforcementInput = withdrawEnforcementBody.extend({ actionId: z.uuid() }).strict();
export type WithdrawEnforcementInput = z.input<typeof withdrawEnforcementInput>;

export const recordBreachOutcomeInput = breachOutcomeBody.extend({ actionId: z.uuid() }).strict();
export type RecordBreachOutcomeInput = z.input<typeof recordBreachOutcomeInput>;

export const listEnforcementInput = z.object({ caseId: z.uuid() }).strict();
export type ListEnforcementInput = z.input<typeof listEnforcementInput>;

export const breachOutcomeView = z
  .object({
    id: z.string(),
    outcome: z.enum(BREACH_OUTCOMES),
    date: isoDate,
    newHoursOrdered: z.number().int().nullable(),
    newCaseId: z.string().nullable(),
  })
  .meta({ title: "BreachOutcome" });

export const enforcementActionView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    orderId: z.string(),
    type: z.enum(["WARNING", "BREACH"]),
    date: isoDate,
    note: z.string().nullable(),
    attendanceId: z.string().nullable().describe("The recorded failure this answers"),
    failureAttendanceId: z.string().nullable().describe("Same as attendanceId (first-version name)"),
    failureDate: isoDate.nullable().describe("The date of the failure this answers"),
    failureDescription: z.string().nullable(),
    deliveredBy: z.enum(WARNING_DELIVERIES).nullable(),
    status: z.enum(["ACTIVE", "WITHDRAWN"]).describe("WITHDRAWN: no longer counts (its letter is void)"),
    withdrawnAt: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    outcomes: z.array(breachOutcomeView).describe("Court outcomes of a breach, oldest first; none for a warning"),
    openBreach: z.boolean(),
    underWarrant: z.boolean(),
    version: z.number().int(),
  })
  .meta({ title: "EnforcementAction" });

export const enforcementListView = z
  .object({
    caseId: z.string(),
    actions: z.array(enforcementActionView).describe("Warnings and breaches, newest first"),
    openBreach: z.boolean(),
    underWarrant: z.boolean(),
  })
  .meta({ title: "EnforcementList" });

export type EnforcementActionView = z.input<typeof enforcementActionView>;
export type EnforcementListView = z.input<typeof enforcementListView>;

import { z } from "zod";
import { BREACH_OUTCOMES, isIsoDate } from "@/domain";
import { versionSchema } from "../schemas";

// Enforcement (R9) — api.md: GET|POST /api/v1/cases/{id}/enforcement and
// POST /api/v1/enforcement/{actionId}/outcome. Shared by the three enforcement services.

const isoDate = z.string().refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" });

export const startEnforcementBody = z
  .object({
    type: z.enum(["WARNING", "BREACH"]),
    date: isoDate.describe("The day the warning was given or breach proceedings started"),
    note: z.string().trim().max(4000).nullish(),
    failureAttendanceId: z
      .uuid()
      .nullish()
      .describe("The failure to comply this responds to; a manager may name one under another requirement of the same order"),
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
    version: versionSchema.optional().describe("The action's version as last read"),
  })
  .strict()
  .meta({ title: "BreachOutcomeInput" });

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
    failureAttendanceId: z.string().nullable(),
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

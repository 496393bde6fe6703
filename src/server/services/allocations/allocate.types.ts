import { z } from "zod";
import { LATE_START_REASONS, type RuleWarning } from "@/domain";
import type { Refusal } from "@/domain";
import { recordIdSchema } from "../schemas";

// POST /api/v1/sessions/{id}/allocations (docs/api.md), and the read-only check the UI runs first.

const lateStartReason = z
  .union([
    z.object({ category: z.enum(LATE_START_REASONS), note: z.string().trim().max(4000) }).strict(),
    z.string().trim().max(4000),
  ])
  .describe(
    `R2: why a first work session after the start deadline is late. Either { category, note } with category one of ${LATE_START_REASONS.join(", ")}, or a category with lateStartNote, or plain words (recorded as OTHER).`,
  );

export const allocateBody = z
  .object({
    caseId: recordIdSchema,
    lateStartReason: lateStartReason.nullish(),
    lateStartNote: z.string().trim().max(4000).nullish(),
    overrideReason: z
      .string()
      .trim()
      .max(4000)
      .nullish()
      .describe("Regional managers only: why a risk conflict or high RoSH is accepted"),
    consentRecorded: z.boolean().optional().describe("She has agreed to be the only woman in the group"),
    retrospective: z
      .boolean()
      .optional()
      .describe("Entering a paper register after the event: allows a past session (audited)"),
  })
  .strict()
  .meta({ title: "AllocationInput" });

// The service takes any string as an id and answers "not found" for one that names nothing
// (forms and the rules pass ids they read); the API body above is stricter: a malformed id is a 400.
export const allocateInput = allocateBody.safeExtend({ sessionId: z.string(), caseId: z.string() });
export type AllocateInput = z.input<typeof allocateInput>;
export type ParsedAllocateInput = z.output<typeof allocateInput>;

export const allocationView = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    caseId: z.string(),
    sessionDate: z.string(),
    status: z.enum(["BOOKED", "CANCELLED"]),
    retrospective: z.boolean(),
    consentRecorded: z.boolean(),
    lateStartReason: z.enum(LATE_START_REASONS).nullable(),
    lateStartNote: z.string().nullable(),
    overrideReason: z.string().nullable(),
    approvals: z.array(
      z.object({ id: z.string(), kind: z.enum(["RISK_OVERRIDE", "HIGH_ROSH_INDIVIDUAL"]), status: z.string() }),
    ),
    version: z.number().int(),
  })
  .meta({ title: "Allocation" });

export type AllocationView = z.input<typeof allocationView>;

/** What would happen if the booking were made now: every reason at once (R10). */
export type AllocationPreview = {
  allowed: boolean;
  refusals: Refusal[];
  warnings: RuleWarning[];
  overridden: Refusal[];
};

import { z } from "zod";
import { timeOfDaySchema, versionSchema } from "../schemas";

// PATCH /api/v1/sessions/{id}, POST /api/v1/sessions/{id}/stand-down and
// POST /api/v1/sessions/{id}/cancellation (docs/api.md "Additions").

export const STAND_DOWN_REASONS = ["WEATHER", "NO_SUPERVISOR", "OVERSUBSCRIBED", "OTHER"] as const;

export const updateSessionBody = z
  .object({
    version: versionSchema.describe("The session's version as last read; a stale one is a 409 with both versions"),
    startTime: timeOfDaySchema.optional(),
    endTime: timeOfDaySchema.optional(),
    supervisorId: z.uuid().nullable().optional().describe("null takes the supervisor off the session"),
    capacity: z.number().int().min(1).max(100).optional(),
    consentRecorded: z
      .boolean()
      .optional()
      .describe("The only woman in the group has agreed to the new supervisor (R10)"),
  })
  .strict()
  .meta({ title: "SessionChangeInput" });
export const updateSessionInput = updateSessionBody.extend({ sessionId: z.string() });
export type UpdateSessionInput = z.input<typeof updateSessionInput>;

export const standDownBody = z
  .object({
    reason: z.enum(STAND_DOWN_REASONS),
    note: z.string().trim().max(4000).nullish(),
    version: versionSchema.optional(),
  })
  .strict()
  .meta({ title: "StandDownInput" });
export const standDownInput = standDownBody.extend({ sessionId: z.string() });
export type StandDownInput = z.input<typeof standDownInput>;

export const cancelSessionBody = z
  .object({
    reason: z.string().trim().min(1, "Say why the session is cancelled").max(1000),
    version: versionSchema.optional(),
  })
  .strict()
  .meta({ title: "SessionCancellationInput" });
export const cancelSessionInput = cancelSessionBody.extend({ sessionId: z.string() });
export type CancelSessionInput = z.input<typeof cancelSessionInput>;

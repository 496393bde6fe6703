import { z } from "zod";
import { LATE_START_REASONS } from "@/domain";
import { recordIdSchema } from "../schemas";
import { allocationView } from "./allocate.types";

// POST /api/v1/sessions/{id}/allocations/batch (docs/api.md): several people booked on one
// session in one go, each booked or refused on their own with the reasons (R10).

/** At most this many people in one request (each is checked under the session's lock). */
export const MAX_PEOPLE_PER_BATCH = 20;

const oneBooking = z
  .object({
    caseId: recordIdSchema,
    lateStartReason: z
      .object({ category: z.enum(LATE_START_REASONS), note: z.string().trim().max(4000) })
      .strict()
      .nullish()
      .describe("R2: why a first work session after the start deadline is late"),
    consentRecorded: z.boolean().optional().describe("She has agreed to be the only woman in the group"),
  })
  .strict();

export const allocateManyBody = z
  .object({
    bookings: z
      .array(oneBooking)
      .min(1, "Choose at least one person")
      .max(MAX_PEOPLE_PER_BATCH, `Choose at most ${MAX_PEOPLE_PER_BATCH} people at a time`)
      .refine((list) => new Set(list.map((b) => b.caseId)).size === list.length, "Each person can be chosen once"),
    retrospective: z.boolean().optional().describe("Entering a paper register after the event (audited)"),
  })
  .strict()
  .meta({ title: "BatchAllocationInput" });

export const allocateManyInput = allocateManyBody.safeExtend({ sessionId: z.string() });
export type AllocateManyInput = z.input<typeof allocateManyInput>;

export const allocateManyView = z
  .object({
    sessionId: z.string(),
    booked: z.array(allocationView),
    refused: z.array(
      z.object({
        caseId: z.string(),
        crn: z.string().nullable().describe("null when the case was not found in the caller's region"),
        personName: z.string().nullable(),
        code: z.string(),
        message: z.string(),
        refusals: z.array(z.object({ code: z.string(), message: z.string() })).describe("Every blocking reason (R10)"),
      }),
    ),
  })
  .meta({ title: "BatchAllocation" });
export type AllocateManyView = z.input<typeof allocateManyView>;

import { z } from "zod";
import { versionSchema } from "../schemas";
import { allocateBody } from "./allocate.types";

// POST /api/v1/allocations/{id}/cancellation and /move (docs/api.md "Additions").

export const cancelAllocationBody = z
  .object({
    reason: z.string().trim().min(1, "Say why the booking is cancelled").max(1000),
    version: versionSchema.optional().describe("The booking's version as last read; a stale one is a 409"),
  })
  .strict()
  .meta({ title: "AllocationCancellationInput" });

export const cancelAllocationInput = cancelAllocationBody.extend({ allocationId: z.string() });
export type CancelAllocationInput = z.input<typeof cancelAllocationInput>;

export const moveAllocationBody = allocateBody
  .omit({ caseId: true })
  .extend({
    toSessionId: z.uuid().describe("The session to move the booking to"),
    reason: z.string().trim().min(1, "Say why the booking is moved").max(1000),
    version: versionSchema.optional().describe("The booking's version as last read; a stale one is a 409"),
  })
  .strict()
  .meta({ title: "AllocationMoveInput" });

export const moveAllocationInput = moveAllocationBody.extend({ allocationId: z.string() });
export type MoveAllocationInput = z.input<typeof moveAllocationInput>;

export const cancelledAllocationView = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    caseId: z.string(),
    sessionDate: z.string(),
    status: z.enum(["BOOKED", "CANCELLED"]),
    cancellationReason: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ title: "CancelledAllocation" });
export type CancelledAllocationView = z.input<typeof cancelledAllocationView>;

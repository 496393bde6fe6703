import "server-only";
import { formatDate } from "@/domain";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { lockSession } from "../row-locks";
import { requireVisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, success, type ServiceFailure, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { allocate } from "./allocate";
import type { AllocationView } from "./allocate.types";
import { cancelBooking, requireVisibleAllocation, warningsAfterLeaving } from "./cancel-allocation";
import { moveAllocationInput, type MoveAllocationInput } from "./change-allocation.types";

/**
 * Moves a booking to another session in one step: the old booking is cancelled and the new
 * one made in the same transaction, through the same R10 checks as any booking — so either
 * both happen or neither. Two people moving the same booking at once: the booking's row lock
 * lets one through; the other is told it was already moved.
 */
export async function moveAllocation(
  actor: AppUser,
  rawInput: MoveAllocationInput,
  options?: ServiceOptions,
): Promise<ServiceResult<AllocationView> | ServiceFailure> {
  const input = moveAllocationInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const booking = await requireVisibleAllocation(tx, actor, input.allocationId);
    const target = await requireVisibleSession(tx, actor, input.toSessionId);
    if (target.regionId !== booking.regionId) throw notFound("session");
    assertCan(actor, "allocation.change");
    if (target.id === booking.sessionId)
      return failure("CONFLICT", "The booking is already on this session. Choose a different session to move it to.", {
        field: "toSessionId",
      });
    // Both sessions in a fixed order, so two moves between the same sessions never wait on each other in a circle.
    for (const id of [booking.sessionId, target.id].sort()) await lockSession(tx, id);

    const cancelled = await cancelBooking(tx, actor, {
      allocationId: booking.id,
      reason: `Moved to the session on ${formatDate(target.date)}: ${input.reason}`,
      version: input.version,
      auditAction: "allocation.move-out",
    });
    if (!cancelled.ok) return cancelled;
    const moved = await allocate(
      actor,
      {
        sessionId: input.toSessionId,
        caseId: booking.requirementId,
        lateStartReason: input.lateStartReason,
        lateStartNote: input.lateStartNote,
        overrideReason: input.overrideReason,
        consentRecorded: input.consentRecorded,
        retrospective: input.retrospective,
      },
      { tx, today },
    );
    if (!moved.ok) return moved;
    const left =
      cancelled.value.sessionDate >= today ? await warningsAfterLeaving(tx, booking.sessionId, booking.regionId) : [];
    return success(moved.value, [...(moved.warnings ?? []), ...left]);
  });
}

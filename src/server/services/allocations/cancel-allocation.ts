import "server-only";
import { isoDateFromUtcDate, type RuleWarning } from "@/domain";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import { isUuid } from "../uuid";
import { lockRequirement, lockSession } from "../row-locks";
import { requireVisibleRequirement, requireVisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, staleVersion, success, type ServiceFailure, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import {
  cancelAllocationInput,
  type CancelAllocationInput,
  type CancelledAllocationView,
} from "./change-allocation.types";
import { conflictsWarning, recheckSessions, resolveConflictsOf } from "./recheck-bookings";

export type BookingToChange = {
  id: string;
  sessionId: string;
  requirementId: string;
  regionId: string;
  version: number;
};

/** The booking, if the caller may see both its session and its case; else not found. */
export async function requireVisibleAllocation(tx: Tx, actor: AppUser, allocationId: string): Promise<BookingToChange> {
  if (!isUuid(allocationId)) throw notFound("booking");
  const row = await tx.allocation.findUnique({
    where: { id: allocationId },
    select: { id: true, sessionId: true, requirementId: true },
  });
  if (!row) throw notFound("booking");
  const session = await requireVisibleSession(tx, actor, row.sessionId).catch(() => null);
  const requirement = await requireVisibleRequirement(tx, actor, row.requirementId).catch(() => null);
  if (!session || !requirement) throw notFound("booking");
  return {
    id: row.id,
    sessionId: row.sessionId,
    requirementId: row.requirementId,
    regionId: requirement.regionId,
    version: 0,
  };
}

/**
 * Cancels one booking inside the caller's transaction (the caller holds the session and
 * requirement locks): only a booking that is still booked and has no outcome recorded.
 */
export async function cancelBooking(
  tx: Tx,
  actor: AppUser,
  input: { allocationId: string; reason: string; version?: number; auditAction: string },
): Promise<ServiceResult<CancelledAllocationView>> {
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text AS id FROM "Allocation" WHERE id = ${input.allocationId}::uuid FOR UPDATE`;
  if (!locked) throw notFound("booking");
  const row = await tx.allocation.findUniqueOrThrow({
    where: { id: input.allocationId },
    select: {
      id: true,
      sessionId: true,
      requirementId: true,
      sessionDate: true,
      status: true,
      version: true,
      attendance: { select: { id: true } },
      requirement: { select: { regionId: true } },
    },
  });
  if (row.status !== "BOOKED") {
    return failure(
      "CONFLICT",
      "This booking has already been cancelled or moved by someone else. Reload the page to see it.",
      { details: { status: row.status } },
    );
  }
  if (input.version !== undefined && input.version !== row.version) {
    const stale = staleVersion("booking");
    return { ...stale, details: { ...stale.details, yourVersion: input.version, currentVersion: row.version } };
  }
  if (row.attendance) {
    return failure(
      "CONFLICT",
      "An outcome is already recorded for this booking, so it cannot be cancelled. Correct the attendance record instead.",
    );
  }
  const updated = await tx.allocation.update({
    where: { id: row.id },
    data: {
      status: "CANCELLED",
      cancelledAt: new Date(),
      cancelledById: actor.id,
      cancellationReason: input.reason,
      version: { increment: 1 },
    },
    select: {
      id: true,
      sessionId: true,
      requirementId: true,
      sessionDate: true,
      status: true,
      cancellationReason: true,
      cancelledAt: true,
      version: true,
    },
  });
  await resolveConflictsOf(tx, row.id);
  const view: CancelledAllocationView = {
    id: updated.id,
    sessionId: updated.sessionId,
    caseId: updated.requirementId,
    sessionDate: isoDateFromUtcDate(updated.sessionDate),
    status: updated.status,
    cancellationReason: updated.cancellationReason,
    cancelledAt: updated.cancelledAt?.toISOString() ?? null,
    version: updated.version,
  };
  await audit(tx, actor, {
    action: input.auditAction,
    entityType: "Allocation",
    entityId: row.id,
    regionId: row.requirement.regionId,
    before: { status: "BOOKED", version: row.version },
    after: view,
  });
  return success(view);
}

/** After people leave a session, who is left may need re-judging (e.g. a woman now alone with men). */
export async function warningsAfterLeaving(tx: Tx, sessionId: string, regionId: string): Promise<RuleWarning[]> {
  const conflicts = await recheckSessions(tx, { sessionIds: [sessionId], regionId });
  const warning = conflictsWarning(conflicts);
  return warning ? [warning] : [];
}

/**
 * Cancels a booking with a reason (coordinators and managers of its region). Refused when
 * an outcome is recorded (correct the attendance instead) or when someone else changed it
 * first; the rest of the group is re-checked, and a new problem comes back as a warning.
 */
export async function cancelAllocation(
  actor: AppUser,
  rawInput: CancelAllocationInput,
  options?: ServiceOptions,
): Promise<ServiceResult<CancelledAllocationView> | ServiceFailure> {
  const input = cancelAllocationInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const booking = await requireVisibleAllocation(tx, actor, input.allocationId);
    assertCan(actor, "allocation.change");
    await lockSession(tx, booking.sessionId);
    await lockRequirement(tx, booking.requirementId);
    const result = await cancelBooking(tx, actor, {
      allocationId: booking.id,
      reason: input.reason,
      version: input.version,
      auditAction: "allocation.cancel",
    });
    if (!result.ok) return result;
    const session = await tx.session.findUniqueOrThrow({ where: { id: booking.sessionId }, select: { date: true } });
    const warnings =
      isoDateFromUtcDate(session.date) >= today
        ? await warningsAfterLeaving(tx, booking.sessionId, booking.regionId)
        : [];
    return success(result.value, warnings);
  });
}

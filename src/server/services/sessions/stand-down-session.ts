import "server-only";
import { formatDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import { lockSession } from "../row-locks";
import { requireVisibleSession, type VisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, staleVersion, success, type CommandResult, type ServiceFailure } from "../result";
import { inTransaction } from "../transaction";
import { recordAttendance } from "../attendance/record-attendance";
import { cancelBooking } from "../allocations/cancel-allocation";
import {
  standDownInput,
  cancelSessionInput,
  type CancelSessionInput,
  type StandDownInput,
} from "./change-session.types";
import { loadSessionView } from "./load-session-view";
import type { SessionView } from "./session-view.types";

const STAND_DOWN_WORDS = {
  WEATHER: "the weather",
  NO_SUPERVISOR: "no supervisor",
  OVERSUBSCRIBED: "over-subscription",
  OTHER: "another reason",
} as const;

/** The session must still be running (scheduled), and the version, if given, current. */
async function sessionToChange(
  tx: Tx,
  actor: AppUser,
  sessionId: string,
  version: number | undefined,
): Promise<VisibleSession | ServiceFailure> {
  const visible = await requireVisibleSession(tx, actor, sessionId);
  assertCan(actor, "session.change");
  await lockSession(tx, visible.id);
  const session = await requireVisibleSession(tx, actor, sessionId);
  if (session.status === "STOOD_DOWN")
    return failure("SESSION_STOOD_DOWN", "This session has already been stood down.");
  if (session.status === "CANCELLED") return failure("SESSION_CANCELLED", "This session has already been cancelled.");
  if (session.status === "CLOSED")
    return failure("SESSION_CLOSED", "This session's register is closed. Correct the attendance records instead.");
  if (version !== undefined && version !== session.version) {
    const stale = staleVersion("session");
    return { ...stale, details: { ...stale.details, yourVersion: version, currentVersion: session.version } };
  }
  return session;
}

// R8
/**
 * Stands a session down in advance (service cancelled: weather, no supervisor…): every booking
 * without an outcome gets an acceptable absence with the reason STOOD_DOWN — recorded through
 * the attendance service, so it is credited, audited and counted exactly as one recorded by
 * hand, and never towards the third-absence approval. Each person then shows on the work
 * queue to be re-booked.
 */
export async function standDownSession(
  actor: AppUser,
  rawInput: StandDownInput,
  options?: ServiceOptions,
): Promise<CommandResult<SessionView>> {
  const input = standDownInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const session = await sessionToChange(tx, actor, input.sessionId, input.version);
    if ("ok" in session) return session;
    if (session.date < today) {
      return failure(
        "SESSION_IN_PAST",
        `This session was on ${formatDate(session.date)}. A session can only be stood down in advance or on the day; record "sent home (service)" for anyone who came.`,
      );
    }
    const note = `Session stood down because of ${STAND_DOWN_WORDS[input.reason]}${input.note ? `: ${input.note}` : "."}`;
    const bookings = await tx.allocation.findMany({
      where: { sessionId: session.id, status: "BOOKED", attendance: { is: null } },
      select: { requirementId: true },
    });
    for (const booking of bookings) {
      const recorded = await recordAttendance(
        actor,
        {
          sessionId: session.id,
          caseId: booking.requirementId,
          outcome: "ACCEPTABLE_ABSENCE",
          reasonCategory: "STOOD_DOWN",
          note,
        },
        { tx, today },
      );
      if (!recorded.ok) return recorded;
    }
    await tx.session.update({
      where: { id: session.id },
      data: {
        status: "STOOD_DOWN",
        standDownReason: input.reason,
        statusNote: input.note ?? null,
        statusChangedAt: new Date(),
        statusChangedById: actor.id,
        version: { increment: 1 },
      },
    });
    await audit(tx, actor, {
      action: "session.stand-down",
      entityType: "Session",
      entityId: session.id,
      regionId: session.regionId,
      before: { status: session.status, version: session.version },
      after: {
        status: "STOOD_DOWN",
        reason: input.reason,
        note: input.note ?? null,
        absencesRecorded: bookings.length,
      },
    });
    return success(await loadSessionView(tx, actor, session.id));
  });
}

/**
 * Cancels a session (e.g. made by mistake, or the placement has closed): every booking on it is
 * cancelled with the reason, and each person shows on the work queue to be re-booked. Refused
 * once any outcome is recorded — stand it down or correct the attendance instead.
 */
export async function cancelSession(
  actor: AppUser,
  rawInput: CancelSessionInput,
  options?: ServiceOptions,
): Promise<CommandResult<SessionView>> {
  const input = cancelSessionInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const session = await sessionToChange(tx, actor, input.sessionId, input.version);
    if ("ok" in session) return session;
    const recorded = await tx.attendance.count({ where: { allocation: { sessionId: session.id, status: "BOOKED" } } });
    if (recorded > 0) {
      return failure(
        "CONFLICT",
        "Attendance is already recorded for someone on this session, so it cannot be cancelled. Stand it down instead, or correct the records.",
      );
    }
    const bookings = await tx.allocation.findMany({
      where: { sessionId: session.id, status: "BOOKED" },
      select: { id: true, requirementId: true },
    });
    for (const booking of bookings) {
      const cancelled = await cancelBooking(tx, actor, {
        allocationId: booking.id,
        reason: `Session cancelled: ${input.reason}`,
        auditAction: "allocation.cancel-with-session",
      });
      if (!cancelled.ok) return cancelled;
    }
    await tx.session.update({
      where: { id: session.id },
      data: {
        status: "CANCELLED",
        statusNote: input.reason,
        statusChangedAt: new Date(),
        statusChangedById: actor.id,
        version: { increment: 1 },
      },
    });
    await audit(tx, actor, {
      action: "session.cancel",
      entityType: "Session",
      entityId: session.id,
      regionId: session.regionId,
      before: { status: session.status, version: session.version },
      after: { status: "CANCELLED", reason: input.reason, bookingsCancelled: bookings.length },
    });
    return success(await loadSessionView(tx, actor, session.id));
  });
}

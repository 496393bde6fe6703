import "server-only";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import { lockSession } from "../row-locks";
import { requireVisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { closeSessionInput, type CloseSessionInput, type ClosedSessionView } from "./close-session.types";

async function closedView(tx: Tx, sessionId: string, alreadyClosed: boolean): Promise<ClosedSessionView> {
  const row = await tx.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      status: true,
      closedAt: true,
      closedById: true,
      version: true,
      _count: { select: { allocations: { where: { status: "BOOKED", attendance: { isNot: null } } } } },
    },
  });
  const closer = row.closedById
    ? await tx.user.findUnique({ where: { id: row.closedById }, select: { name: true } })
    : null;
  return {
    id: row.id,
    status: row.status,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: closer?.name ?? null,
    attendanceRecorded: row._count.allocations,
    version: row.version,
    alreadyClosed,
  };
}

/**
 * Closes a session once everyone booked has an outcome: the register is complete and the office
 * sees the session as done. Who may: the session's own supervisor, or a coordinator or manager of
 * its region. After closing, a supervisor can no longer change attendance (record-attendance
 * refuses SESSION_CLOSED); the office still can. Closing a closed session changes nothing and
 * says so, so a supervisor's retried "close" is never shown as a failure.
 */
export async function closeSession(
  actor: AppUser,
  rawInput: CloseSessionInput,
  options?: ServiceOptions,
): Promise<CommandResult<ClosedSessionView>> {
  const input = closeSessionInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleSession(tx, actor, input.sessionId);
    assertCan(actor, "session.close");
    // Attendance takes this row FOR SHARE, so nobody records an outcome while the session closes.
    await lockSession(tx, visible.id);
    const session = await tx.session.findUniqueOrThrow({
      where: { id: visible.id },
      select: { status: true, version: true },
    });

    if (session.status === "CLOSED") return success(await closedView(tx, visible.id, true));
    if (session.status === "CANCELLED") {
      return failure("SESSION_CANCELLED", "This session was cancelled, so there is no register to close.");
    }
    if (session.status === "STOOD_DOWN") {
      return failure(
        "SESSION_STOOD_DOWN",
        "This session was stood down: everyone booked has an acceptable absence, so there is no register to close.",
      );
    }
    if (input.version !== undefined && input.version !== session.version) return staleVersion("session");
    // A register is closed on or after the day it was kept: closing a future session would stop every booking on it.
    if (visible.date > todayFor(options)) {
      return failure("SESSION_NOT_STARTED", "This session has not happened yet, so its register cannot be closed.");
    }

    const missing = await tx.allocation.count({
      where: { sessionId: visible.id, status: "BOOKED", attendance: { is: null } },
    });
    if (missing > 0) {
      return failure(
        "ATTENDANCE_INCOMPLETE",
        missing === 1
          ? "1 person booked on this session has no attendance recorded. Record what happened for everyone, then close the session."
          : `${missing} people booked on this session have no attendance recorded. Record what happened for everyone, then close the session.`,
        { details: { missing } },
      );
    }

    const closedAt = new Date();
    await tx.session.update({
      where: { id: visible.id },
      data: { status: "CLOSED", closedAt, closedById: actor.id, version: { increment: 1 } },
    });
    const view = await closedView(tx, visible.id, false);
    await audit(tx, actor, {
      action: "session.close",
      entityType: "Session",
      entityId: visible.id,
      regionId: visible.regionId,
      before: { status: session.status, version: session.version },
      after: {
        status: view.status,
        closedAt: view.closedAt,
        attendanceRecorded: view.attendanceRecorded,
        version: view.version,
      },
    });
    return success(view);
  });
}

import "server-only";
import { isoDateInLondon } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { lockSession } from "../row-locks";
import { requireVisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { reopenSessionInput, type ReopenSessionInput, type ReopenedSessionView } from "./reopen-session.types";

/**
 * Opens a closed register again so its attendance can be corrected on the phone. The session's
 * own supervisor may do so on the day they closed it (a slip noticed before going home); after
 * that only the office (the region's coordinator or manager), at any time. Audited with the reason.
 * Reopening a session that is open changes nothing and says so, so a retried tap is not a failure.
 */
export async function reopenSession(
  actor: AppUser,
  rawInput: ReopenSessionInput,
  options?: ServiceOptions,
): Promise<CommandResult<ReopenedSessionView>> {
  const input = reopenSessionInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleSession(tx, actor, input.sessionId);
    assertCan(actor, "session.close");
    await lockSession(tx, visible.id);
    const session = await tx.session.findUniqueOrThrow({
      where: { id: visible.id },
      select: { status: true, version: true, closedAt: true, closedById: true },
    });

    if (session.status === "SCHEDULED")
      return success({ id: visible.id, status: session.status, version: session.version, alreadyOpen: true });
    if (session.status === "CANCELLED")
      return failure("SESSION_CANCELLED", "This session was cancelled, so there is no register to reopen.");
    if (session.status === "STOOD_DOWN")
      return failure("SESSION_STOOD_DOWN", "This session was stood down, so there is no register to reopen.");
    if (input.version !== undefined && input.version !== session.version) return staleVersion("session");
    if (actor.role === "SUPERVISOR" && !(session.closedAt && isoDateInLondon(session.closedAt) === todayFor(options))) {
      return failure(
        "SESSION_CLOSED",
        "This session was closed on an earlier day, so only the office can reopen it. Phone the office.",
      );
    }

    const row = await tx.session.update({
      where: { id: visible.id },
      data: { status: "SCHEDULED", closedAt: null, closedById: null, version: { increment: 1 } },
      select: { status: true, version: true },
    });
    await audit(tx, actor, {
      action: "session.reopen",
      entityType: "Session",
      entityId: visible.id,
      regionId: visible.regionId,
      before: {
        status: session.status,
        version: session.version,
        closedAt: session.closedAt?.toISOString() ?? null,
        closedById: session.closedById,
      },
      after: { status: row.status, version: row.version, reason: input.reason ?? null },
    });
    return success({ id: visible.id, status: row.status, version: row.version, alreadyOpen: false });
  });
}

import "server-only";
import { conflictsCausedByChange, formatDate, loneWomanOf, timesOverlap, utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { loadRuleContext, todayFor, type ServiceOptions } from "../context";
import { lockSession } from "../row-locks";
import { requireVisibleSession } from "../visible-records";
import { failure, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { conflictsWarning, recheckSessions } from "../allocations/recheck-bookings";
import { loadSessionGroup } from "../allocations/session-group";
import { updateSessionInput, type UpdateSessionInput } from "./change-session.types";
import { loadSessionView } from "./load-session-view";
import { checkSupervisor, checkTimes } from "./session-setup";
import type { SessionView } from "./session-view.types";
import { checkGroupCapacity, checkSupervisorFree, lockSupervisor } from "./supervisor-checks";

/**
 * Changes a session's times, supervisor or capacity (version-checked: a stale version is a 409
 * with both versions). Every booking is judged again: the new times against each person's other
 * bookings, the supervisor against their other sessions, and the group with the new supervisor
 * (a man makes a lone woman's consent necessary; a woman conflicts with risk to women).
 */
export async function updateSession(
  actor: AppUser,
  rawInput: UpdateSessionInput,
  options?: ServiceOptions,
): Promise<CommandResult<SessionView>> {
  const input = updateSessionInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleSession(tx, actor, input.sessionId);
    assertCan(actor, "session.change");
    await lockSession(tx, visible.id);
    const session = await requireVisibleSession(tx, actor, input.sessionId);
    if (input.version !== session.version) {
      const stale = staleVersion("session");
      return {
        ...stale,
        details: {
          ...stale.details,
          yourVersion: input.version,
          currentVersion: session.version,
          current: {
            startTime: session.startTime,
            endTime: session.endTime,
            supervisorId: session.supervisorId,
            capacity: session.capacity,
          },
        },
      };
    }
    if (session.status !== "SCHEDULED") {
      return failure(
        "CONFLICT",
        "Only a scheduled session can be changed; this one has been closed, stood down or cancelled.",
      );
    }
    if (session.date < today)
      return failure(
        "SESSION_IN_PAST",
        `This session was on ${formatDate(session.date)}, so it can no longer be changed.`,
      );

    const next = {
      startTime: input.startTime ?? session.startTime,
      endTime: input.endTime ?? session.endTime,
      supervisorId: input.supervisorId === undefined ? session.supervisorId : input.supervisorId,
      capacity: input.capacity ?? session.capacity,
    };
    const placement = await tx.placement.findUniqueOrThrow({
      where: { id: session.placementId },
      select: { type: true },
    });
    const invalid =
      checkTimes(next.startTime, next.endTime) ?? (await checkSupervisor(tx, session.regionId, input.supervisorId));
    if (invalid) return invalid;
    const { policy } = await loadRuleContext(tx, { regionId: session.regionId, on: session.date });
    const tooLarge = checkGroupCapacity(placement.type, next.capacity, policy);
    if (tooLarge) return tooLarge;
    const booked = await tx.allocation.count({ where: { sessionId: session.id, status: "BOOKED" } });
    if (next.capacity < booked) {
      return failure(
        "SESSION_FULL",
        `${booked} people are booked on this session, so it needs at least ${booked} places. Move or cancel bookings first.`,
        { field: "capacity", details: { booked } },
      );
    }
    if (next.supervisorId) {
      await lockSupervisor(tx, next.supervisorId);
      const busy = await checkSupervisorFree(tx, {
        supervisorId: next.supervisorId,
        dates: [session.date],
        startTime: next.startTime,
        endTime: next.endTime,
        excludeSessionId: session.id,
      });
      if (busy) return busy;
    }
    // New times: nobody booked may end up in two places at once.
    if (next.startTime !== session.startTime || next.endTime !== session.endTime) {
      const elsewhere = await tx.allocation.findMany({
        where: {
          status: "BOOKED",
          sessionDate: utcDateFromIsoDate(session.date),
          sessionId: { not: session.id },
          requirement: {
            person: { requirements: { some: { allocations: { some: { sessionId: session.id, status: "BOOKED" } } } } },
          },
        },
        select: {
          session: { select: { startTime: true, endTime: true } },
          requirement: { select: { person: { select: { crn: true } } } },
        },
      });
      const clash = elsewhere.find((e) => timesOverlap(e.session, next));
      if (clash) {
        return failure(
          "DOUBLE_BOOKED",
          `${clash.requirement.person.crn} is booked elsewhere from ${clash.session.startTime} to ${clash.session.endTime} that day, so the session cannot move to these times.`,
          { field: "startTime" },
        );
      }
    }
    // The group with the new supervisor.
    if (next.supervisorId !== session.supervisorId) {
      const before = await loadSessionGroup(tx, session.id);
      const supervisor = next.supervisorId
        ? await tx.user.findUnique({ where: { id: next.supervisorId }, select: { gender: true } })
        : null;
      const after = { ...before, supervisorGender: supervisor?.gender ?? null };
      const woman = loneWomanOf(after);
      const consentNow = woman !== null && !woman.loneWomanConsent && input.consentRecorded === true;
      if (woman && consentNow) {
        await tx.allocation.update({
          where: { id: woman.key },
          data: {
            consentRecorded: true,
            consentRecordedAt: new Date(),
            consentRecordedById: actor.id,
            version: { increment: 1 },
          },
        });
        await audit(tx, actor, {
          action: "allocation.record-consent",
          entityType: "Allocation",
          entityId: woman.key,
          regionId: session.regionId,
          after: { consentRecorded: true, askedForBySupervisorChange: session.id },
        });
      }
      const judged = consentNow
        ? { ...after, members: after.members.map((m) => (m.key === woman?.key ? { ...m, loneWomanConsent: true } : m)) }
        : after;
      const caused = conflictsCausedByChange({ before, after: judged });
      const first = caused[0];
      if (first) {
        const code =
          first.code === "LONE_WOMAN_CONSENT_REQUIRED"
            ? "LONE_WOMAN_CONSENT_REQUIRED"
            : first.code === "NON_ASSOCIATION"
              ? "NON_ASSOCIATION"
              : "RISK_CONFLICT";
        return failure(
          code,
          `${first.message} Choose another supervisor${code === "LONE_WOMAN_CONSENT_REQUIRED" ? ", or record her consent" : ""}.`,
          {
            field: code === "LONE_WOMAN_CONSENT_REQUIRED" ? "consentRecorded" : "supervisorId",
            details: { conflicts: caused },
          },
        );
      }
    }

    await tx.session.update({ where: { id: session.id }, data: { ...next, version: { increment: 1 } } });
    const conflicts = await recheckSessions(tx, { sessionIds: [session.id], regionId: session.regionId });
    await audit(tx, actor, {
      action: "session.update",
      entityType: "Session",
      entityId: session.id,
      regionId: session.regionId,
      before: {
        startTime: session.startTime,
        endTime: session.endTime,
        supervisorId: session.supervisorId,
        capacity: session.capacity,
        version: session.version,
      },
      after: { ...next, version: session.version + 1 },
    });
    const warning = conflictsWarning(conflicts);
    return success(await loadSessionView(tx, actor, session.id), warning ? [warning] : []);
  });
}

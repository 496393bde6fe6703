import "server-only";
import {
  groupSafetyConflicts,
  highRoshOnIndividualPlacement,
  riskConflicts,
  utcDateFromIsoDate,
  type IsoDate,
  type RuleWarning,
} from "@/domain";
import type { Tx } from "@/server/db/create-client";
import { loadSessionGroup, type BookedMember } from "./session-group";

// R10 re-check: when a person's risk codes, RoSH or named non-associations change, or a
// session's supervisor changes, the bookings already made are judged again by the same rules
// as a new booking. What no longer holds is listed as an open BookingConflict on each booking
// involved (the case page and the work queue show them) until it is resolved — the booking is
// cancelled or moved, or a later re-check finds the conflict gone.

export type FoundConflict = { allocationId: string; requirementId: string; code: string; message: string };

/** Every safety conflict on one session now, per booking involved. */
async function conflictsOnSession(tx: Tx, sessionId: string): Promise<FoundConflict[]> {
  const group = await loadSessionGroup(tx, sessionId);
  const session = await tx.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { placement: { select: { type: true, features: true } } },
  });
  const found: FoundConflict[] = [];
  const members: BookedMember[] = group.members;
  const byKey = new Map(members.map((m) => [m.key, m]));
  for (const conflict of groupSafetyConflicts(group)) {
    for (const key of conflict.memberKeys) {
      const member = byKey.get(key);
      if (member)
        found.push({
          allocationId: member.allocationId,
          requirementId: member.requirementId,
          code: conflict.code,
          message: conflict.message,
        });
    }
  }
  for (const member of members) {
    const placementConflicts = riskConflicts({
      riskCodes: member.recordedRiskCodes,
      placementFeatures: session.placement.features,
      supervisorGender: group.supervisorGender,
    });
    for (const c of placementConflicts) {
      found.push({
        allocationId: member.allocationId,
        requirementId: member.requirementId,
        code: "RISK_CONFLICT",
        message: `${member.label}: ${c.message}`,
      });
    }
  }
  if (session.placement.type === "INDIVIDUAL") {
    for (const member of members) {
      const assessment = await tx.assessment.findUnique({
        where: { requirementId: member.requirementId },
        select: { rosh: true },
      });
      if (!highRoshOnIndividualPlacement(assessment?.rosh ?? null, "INDIVIDUAL")) continue;
      const approved = await tx.approval.count({
        where: {
          requirementId: member.requirementId,
          kind: "HIGH_ROSH_INDIVIDUAL",
          status: "APPROVED",
          OR: [{ allocationId: member.allocationId }, { allocationId: null }],
        },
      });
      if (approved === 0) {
        found.push({
          allocationId: member.allocationId,
          requirementId: member.requirementId,
          code: "APPROVAL_REQUIRED",
          message: `${member.label}: a high risk of serious harm on an individual placement needs a regional manager's approval.`,
        });
      }
    }
  }
  return found;
}

/**
 * Re-checks the given sessions (those not yet happened and still running) and brings their
 * bookings' open conflicts in line: new ones recorded, ones that no longer hold resolved.
 * Returns the open conflicts found, for the command's reply.
 */
export async function recheckSessions(
  tx: Tx,
  input: { sessionIds: readonly string[]; regionId: string },
): Promise<FoundConflict[]> {
  if (input.sessionIds.length === 0) return [];
  const all: FoundConflict[] = [];
  const now = new Date();
  for (const sessionId of input.sessionIds) {
    const found = await conflictsOnSession(tx, sessionId);
    all.push(...found);
    const open = await tx.bookingConflict.findMany({
      where: { allocation: { sessionId }, resolvedAt: null },
      select: { id: true, allocationId: true, code: true, message: true },
    });
    const same = (a: { allocationId: string; code: string; message: string }, b: typeof a) =>
      a.allocationId === b.allocationId && a.code === b.code && a.message === b.message;
    const gone = open.filter((o) => !found.some((f) => same(o, f)));
    if (gone.length > 0)
      await tx.bookingConflict.updateMany({ where: { id: { in: gone.map((g) => g.id) } }, data: { resolvedAt: now } });
    const fresh = found.filter((f, i) => !open.some((o) => same(o, f)) && found.findIndex((g) => same(g, f)) === i);
    if (fresh.length > 0) {
      await tx.bookingConflict.createMany({
        data: fresh.map((f) => ({
          allocationId: f.allocationId,
          requirementId: f.requirementId,
          regionId: input.regionId,
          code: f.code,
          message: f.message,
        })),
      });
    }
  }
  return all;
}

/** The future, still-running sessions a requirement is booked on. */
export async function futureSessionsOf(tx: Tx, requirementId: string, today: IsoDate): Promise<string[]> {
  const rows = await tx.allocation.findMany({
    where: {
      requirementId,
      status: "BOOKED",
      sessionDate: { gte: utcDateFromIsoDate(today) },
      session: { status: "SCHEDULED" },
    },
    select: { sessionId: true },
  });
  return rows.map((r) => r.sessionId);
}

/** Resolves a booking's open conflicts (it was cancelled or moved). */
export async function resolveConflictsOf(tx: Tx, allocationId: string): Promise<void> {
  await tx.bookingConflict.updateMany({ where: { allocationId, resolvedAt: null }, data: { resolvedAt: new Date() } });
}

/** The conflicts of one requirement's bookings, as the warning a command replies with. */
export function conflictsWarning(conflicts: readonly FoundConflict[], requirementId?: string): RuleWarning | null {
  const mine = requirementId ? conflicts.filter((c) => c.requirementId === requirementId) : conflicts;
  const messages = [...new Set(mine.map((c) => c.message))];
  if (messages.length === 0) return null;
  return {
    code: "BOOKING_CONFLICTS",
    message: `${messages.length === 1 ? "A booking already made no longer passes" : `${messages.length} problems with bookings already made:`} the safety checks: ${messages.join(" ")} Cancel or move the booking, or ask a manager.`,
    details: { conflicts: mine },
  };
}

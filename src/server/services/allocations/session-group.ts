import "server-only";
import type { GroupMember, PlacementFeature, SessionGroup } from "@/domain";
import type { Tx } from "@/server/db/create-client";

// The facts the order-independent group rules (R10: lone woman, risk to women, non-association)
// take, read the same way for a booking, a move, a change of supervisor and the re-check after
// an assessment changes. Internal to the services; callers hold the session's row lock when
// they are about to write.

export type BookedMember = GroupMember & {
  requirementId: string;
  allocationId: string;
  /** Each risk code with the conflicting features it was recorded with (decision 0074). */
  recordedRiskCodes: { code: string; conflictsWith: PlacementFeature[] }[];
};

const memberSelect = {
  id: true,
  consentRecorded: true,
  requirementId: true,
  requirement: {
    select: {
      person: { select: { id: true, crn: true, gender: true } },
      assessment: {
        select: {
          riskCodes: { select: { conflictsWith: true, riskCode: { select: { code: true } } } },
          nonAssociations: { select: { personId: true } },
        },
      },
    },
  },
} as const;

/** The people booked on a session (not counting `excludeRequirementId`), as group members keyed by booking id. */
export async function loadBookedMembers(
  tx: Tx,
  sessionId: string,
  excludeRequirementId?: string,
): Promise<BookedMember[]> {
  return (await loadBookedMembersOf(tx, [sessionId], excludeRequirementId)).get(sessionId) ?? [];
}

/**
 * The people booked on each of several sessions, in one query: session id → members, first booked
 * first (the booking id breaks a tie, so the order is the same however many sessions are read).
 */
export async function loadBookedMembersOf(
  tx: Tx,
  sessionIds: readonly string[],
  excludeRequirementId?: string,
): Promise<Map<string, BookedMember[]>> {
  const bySession = new Map<string, BookedMember[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await tx.allocation.findMany({
    where: {
      sessionId: sessionIds.length === 1 ? sessionIds[0] : { in: [...sessionIds] },
      status: "BOOKED",
      ...(excludeRequirementId ? { requirementId: { not: excludeRequirementId } } : {}),
    },
    select: { ...memberSelect, sessionId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const row of rows) {
    const members = bySession.get(row.sessionId) ?? [];
    members.push({
      key: row.id,
      allocationId: row.id,
      requirementId: row.requirementId,
      personId: row.requirement.person.id,
      label: row.requirement.person.crn,
      gender: row.requirement.person.gender,
      riskCodes: row.requirement.assessment?.riskCodes.map((r) => r.riskCode.code) ?? [],
      recordedRiskCodes:
        row.requirement.assessment?.riskCodes.map((r) => ({
          code: r.riskCode.code,
          conflictsWith: r.conflictsWith,
        })) ?? [],
      nonAssociatedPersonIds: row.requirement.assessment?.nonAssociations.map((n) => n.personId) ?? [],
      loneWomanConsent: row.consentRecorded,
    });
    bySession.set(row.sessionId, members);
  }
  return bySession;
}

/** The whole group of a session as it stands: its placement type, supervisor's gender and everyone booked. */
export async function loadSessionGroup(
  tx: Tx,
  sessionId: string,
): Promise<Omit<SessionGroup, "members"> & { members: BookedMember[] }> {
  const session = await tx.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { placement: { select: { type: true } }, supervisor: { select: { gender: true } } },
  });
  const members = await loadBookedMembers(tx, sessionId);
  return { placementType: session.placement.type, supervisorGender: session.supervisor?.gender ?? null, members };
}

/** The people (person ids) a requirement's assessment names for non-association. */
export async function nonAssociatedPersonIds(tx: Tx, requirementId: string): Promise<string[]> {
  const rows = await tx.nonAssociation.findMany({
    where: { assessment: { requirementId } },
    select: { personId: true },
  });
  return rows.map((r) => r.personId);
}

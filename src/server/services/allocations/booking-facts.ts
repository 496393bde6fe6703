import "server-only";
import { requirementHoursSelect, toRequirementHours } from "../concurrent/requirement-hours";
import { isoDateFromUtcDate, utcDateFromIsoDate, type EarlierRequirement, type Gender, type IsoDate } from "@/domain";
import type { PlacementFeature, PlacementType } from "@/domain";
import type { Tx } from "@/server/db/create-client";
import { loadRunsAfter } from "../cases/order-relation";
import { type LoadedRequirement } from "../load-requirement-facts";
import { type VisibleSession } from "../visible-records";
import { loadBookedMembersOf, nonAssociatedPersonIds, type BookedMember } from "./session-group";

// R10's facts, read in two parts: what belongs to the case (the same for every session it might
// be booked on) and what belongs to each session. A booking reads both for its one session; the
// allocation page reads the case's once and the sessions' of a whole page together, one query per
// kind of fact (docs/decisions/0086-allocation-page-facts-batched.md). Either way the rule is
// judged by the same function (prepare-allocation.ts), so the page and the booking cannot differ.
// One query at a time: a transaction is one connection.

/** What R10 reads about the case being booked, whatever the session. */
export type CaseBookingFacts = {
  requirement: LoadedRequirement;
  person: { gender: Gender; crn: string };
  /** People the assessment names for non-association. */
  namedPeople: string[];
  /** The case's live bookings on every session (a booking judges the others). */
  ownBookings: { sessionId: string; sessionDate: Date; placementType: PlacementType }[];
  personRequirements: Parameters<typeof toRequirementHours>[0][];
  /** A manager's standing approval of high RoSH on individual placements for this case. */
  standingRoshApprovalId: string | null;
  runsAfter: EarlierRequirement | null;
};

/** What R10 reads about one session, for one case. */
export type SessionBookingFacts = {
  session: VisibleSession;
  placement: { type: PlacementType; features: PlacementFeature[] };
  supervisorGender: Gender | null;
  /** Everyone booked on it but this case, first booked first. */
  booked: BookedMember[];
  /** The person's live bookings that day, on any of their requirements (this session included). */
  sameDayBookings: { date: IsoDate; startTime: string; endTime: string }[];
};

export async function loadCaseBookingFacts(tx: Tx, requirement: LoadedRequirement): Promise<CaseBookingFacts> {
  const person = await tx.person.findUniqueOrThrow({
    where: { id: requirement.personId },
    select: { gender: true, crn: true },
  });
  const namedPeople = await nonAssociatedPersonIds(tx, requirement.id);
  const ownBookings = await tx.allocation.findMany({
    where: { requirementId: requirement.id, status: "BOOKED" },
    select: { sessionId: true, sessionDate: true, session: { select: { placement: { select: { type: true } } } } },
  });
  const personRequirements = await tx.requirement.findMany({
    where: { personId: requirement.personId },
    select: requirementHoursSelect,
  });
  const standingApproval = await tx.approval.findFirst({
    where: { requirementId: requirement.id, kind: "HIGH_ROSH_INDIVIDUAL", status: "APPROVED", allocationId: null },
    select: { id: true },
  });
  const runsAfter = await loadRunsAfter(tx, requirement.id);
  return {
    requirement,
    person,
    namedPeople,
    ownBookings: ownBookings.map((b) => ({
      sessionId: b.sessionId,
      sessionDate: b.sessionDate,
      placementType: b.session.placement.type,
    })),
    personRequirements,
    standingRoshApprovalId: standingApproval?.id ?? null,
    runsAfter,
  };
}

/** The facts of each session (in the order given) for one case: one query per kind of fact, whatever the count. */
export async function loadSessionBookingFacts(
  tx: Tx,
  sessions: readonly VisibleSession[],
  requirement: { id: string; personId: string },
): Promise<SessionBookingFacts[]> {
  if (sessions.length === 0) return [];
  const unique = <T>(values: readonly T[]) => [...new Set(values)];
  const placements = await tx.placement.findMany({
    where: { id: { in: unique(sessions.map((s) => s.placementId)) } },
    select: { id: true, type: true, features: true },
  });
  const supervisorIds = unique(sessions.flatMap((s) => (s.supervisorId ? [s.supervisorId] : [])));
  const supervisors =
    supervisorIds.length > 0
      ? await tx.user.findMany({ where: { id: { in: supervisorIds } }, select: { id: true, gender: true } })
      : [];
  const booked = await loadBookedMembersOf(
    tx,
    sessions.map((s) => s.id),
    requirement.id,
  );
  const sameDay = await tx.allocation.findMany({
    where: {
      requirement: { personId: requirement.personId },
      status: "BOOKED",
      sessionDate: { in: unique(sessions.map((s) => s.date)).map(utcDateFromIsoDate) },
    },
    select: { sessionDate: true, session: { select: { date: true, startTime: true, endTime: true } } },
  });
  const placementById = new Map(placements.map((p) => [p.id, p]));
  const genderById = new Map(supervisors.map((u) => [u.id, u.gender]));
  return sessions.map((session) => {
    const placement = placementById.get(session.placementId);
    if (!placement) throw new Error(`Placement ${session.placementId} of session ${session.id} not found`);
    return {
      session,
      placement: { type: placement.type, features: placement.features },
      supervisorGender: session.supervisorId ? (genderById.get(session.supervisorId) ?? null) : null,
      booked: booked.get(session.id) ?? [],
      sameDayBookings: sameDay
        .filter((b) => isoDateFromUtcDate(b.sessionDate) === session.date)
        .map((b) => ({
          date: isoDateFromUtcDate(b.session.date),
          startTime: b.session.startTime,
          endTime: b.session.endTime,
        })),
    };
  });
}

import "server-only";
import {
  checkAllocation,
  groupsForBooking,
  isoDateFromUtcDate,
  loneWomanOf,
  LATE_START_REASONS,
  maxIsoDate,
  requiredMinutes,
  utcDateFromIsoDate,
  type AllocationCheck,
  type AllocationInput,
  type IsoDate,
  type LateStartReason,
} from "@/domain";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import {
  loadRequirementFacts,
  loadRuleContext,
  lockPerson,
  lockRequirement,
  lockSession,
  requireVisibleRequirement,
  requireVisibleSession,
  type LoadedRequirement,
  type VisibleSession,
} from "../context";
import { failure, type ServiceFailure } from "../result";
import { loadRunsAfter } from "../cases/order-relation";
import { loadBookedMembers, nonAssociatedPersonIds, type BookedMember } from "./session-group";
import { availabilitySchema } from "../schemas";
import type { ParsedAllocateInput } from "./allocate.types";

// The one place R10's facts are gathered, for both the booking (allocate, under row locks) and
// the read-only preview (check-allocation), so the UI's explanation and the server's decision
// cannot drift apart. The rule itself is the domain's checkAllocation.

export type PreparedAllocation = {
  ok: true;
  session: VisibleSession & { placementType: AllocationInput["session"]["placementType"] };
  requirement: LoadedRequirement;
  check: AllocationCheck;
  /** A cancelled booking of this person on this session, re-used when they are booked again. */
  cancelledAllocationId: string | null;
  /** A manager's standing approval of high RoSH on individual placements for this case. */
  standingRoshApprovalId: string | null;
  lateStartReason: { category: LateStartReason; note: string } | null;
  /**
   * R10: the one woman among men that this booking would leave, if any — this person, or someone
   * already booked (her booking carries the consent, whoever's booking asks for it).
   */
  loneWoman: null | { isThisBooking: true } | { isThisBooking: false; allocationId: string; consentRecorded: boolean };
};

function lateStart(input: ParsedAllocateInput): { category: LateStartReason; note: string } | null {
  const reason = input.lateStartReason;
  if (!reason) return null;
  if (typeof reason === "object")
    return { category: reason.category, note: reason.note || (input.lateStartNote ?? "") };
  const category = LATE_START_REASONS.find((c) => c === reason);
  if (category) return { category, note: input.lateStartNote ?? "" };
  // Plain words: an "other" reason whose note is what was written.
  return { category: "OTHER", note: [reason, input.lateStartNote].filter(Boolean).join(" — ") };
}

// R10
/**
 * Scoped lookups (not found outside the caller's reach) → role check → (with `lock`) the
 * session, person and requirement rows locked in that order → facts → checkAllocation.
 */
export async function prepareAllocation(
  tx: Tx,
  actor: AppUser,
  input: ParsedAllocateInput,
  today: IsoDate,
  {
    lock,
    overrideApproved = false,
  }: {
    lock: boolean;
    /** A manager approved this booking despite the risk and capacity rules. */ overrideApproved?: boolean;
  },
): Promise<PreparedAllocation | ServiceFailure> {
  const session = await requireVisibleSession(tx, actor, input.sessionId);
  const visible = await requireVisibleRequirement(tx, actor, input.caseId);
  if (visible.regionId !== session.regionId) throw notFound("case");
  assertCan(actor, "allocation.create");
  if (lock) {
    // Always session → person → requirement, so two bookings never wait on each other in a circle.
    await lockSession(tx, session.id);
    await lockPerson(tx, visible.personId);
    await lockRequirement(tx, visible.id);
  }
  if (session.status === "CANCELLED")
    return failure("CONFLICT", "This session has been cancelled, so no one can be booked on it.", {
      field: "sessionId",
    });
  if (session.status === "STOOD_DOWN") {
    return failure(
      "SESSION_STOOD_DOWN",
      "This session has been stood down, so no one can be booked on it. Choose another session.",
      { field: "sessionId" },
    );
  }

  const requirement = await loadRequirementFacts(tx, visible.id, today);
  if (!requirement) throw notFound("case");
  const sessionDate = utcDateFromIsoDate(session.date);
  // One query at a time: a transaction is one connection.
  const placement = await tx.placement.findUniqueOrThrow({
    where: { id: session.placementId },
    select: { type: true, features: true },
  });
  const supervisor = session.supervisorId
    ? await tx.user.findUnique({ where: { id: session.supervisorId }, select: { gender: true } })
    : null;
  const person = await tx.person.findUniqueOrThrow({
    where: { id: requirement.personId },
    select: { gender: true, crn: true },
  });
  const booked = await loadBookedMembers(tx, session.id, requirement.id);
  const namedPeople = await nonAssociatedPersonIds(tx, requirement.id);
  const ownBookings = await tx.allocation.findMany({
    where: { requirementId: requirement.id, status: "BOOKED", sessionId: { not: session.id } },
    select: { sessionDate: true, session: { select: { placement: { select: { type: true } } } } },
  });
  const sameDayBookings = await tx.allocation.findMany({
    where: { requirement: { personId: requirement.personId }, status: "BOOKED", sessionDate },
    select: { session: { select: { date: true, startTime: true, endTime: true } } },
  });
  const personRequirements = await tx.requirement.findMany({
    where: { personId: requirement.personId },
    select: { status: true, hoursOrdered: true, minutesCredited: true },
  });
  const standingApproval = await tx.approval.findFirst({
    where: { requirementId: requirement.id, kind: "HIGH_ROSH_INDIVIDUAL", status: "APPROVED", allocationId: null },
    select: { id: true },
  });
  const existing = await tx.allocation.findUnique({
    where: { sessionId_requirementId: { sessionId: session.id, requirementId: requirement.id } },
    select: { id: true, status: true },
  });

  const runsAfter = await loadRunsAfter(tx, requirement.id);
  const { policy } = await loadRuleContext(tx, { regionId: session.regionId, on: maxIsoDate(today, session.date) });
  const assessment = requirement.assessment;
  const availability = availabilitySchema.safeParse(assessment?.availability);
  const late = lateStart(input);
  const isWork = (type: string) => type !== "INDUCTION";
  const allocationInput: AllocationInput = {
    today,
    requirement: {
      status: requirement.status,
      minutesCredited: requirement.storedMinutesCredited,
      requiredMinutes: requirement.view.requiredMinutes,
      assessmentComplete: assessment?.complete ?? false,
      startDeadline: requirement.view.startDeadline,
      effectiveEndDate: requirement.view.effectiveEndDate,
      sentenceDate: requirement.sentenceDate,
      runsAfter,
      isFirstWorkSession:
        requirement.view.commencedOn === null &&
        !ownBookings.some((b) => isWork(b.session.placement.type) && isoDateFromUtcDate(b.sessionDate) < session.date),
      hasInductionBefore: ownBookings.some(
        (b) => !isWork(b.session.placement.type) && isoDateFromUtcDate(b.sessionDate) < session.date,
      ),
    },
    person: {
      personId: requirement.personId,
      label: person.crn,
      nonAssociatedPersonIds: namedPeople,
      womenOnlyPreference: assessment?.womenOnlyPreference ?? false,
      gender: person.gender,
      rosh: assessment?.rosh ?? null,
      riskCodes: assessment?.riskCodes ?? [],
      availability: availability.success ? availability.data : null,
      commitments: {
        employment: assessment?.employment ?? null,
        caringDuties: assessment?.caringDuties ?? null,
        religiousObservance: assessment?.religiousObservance ?? null,
      },
      // Includes a booking on this very session, which is a double booking too.
      otherBookings: sameDayBookings.map((b) => ({
        date: isoDateFromUtcDate(b.session.date),
        startTime: b.session.startTime,
        endTime: b.session.endTime,
      })),
      requirementsHours: personRequirements.map((r) => ({
        status: r.status,
        requiredMinutes: requiredMinutes(r.hoursOrdered),
        minutesCredited: r.minutesCredited,
      })),
    },
    session: {
      date: session.date,
      startTime: session.startTime,
      endTime: session.endTime,
      capacity: session.capacity,
      allocationsCount: booked.length,
      placementType: placement.type,
      placementFeatures: placement.features,
      supervisorGender: supervisor?.gender ?? null,
      othersOnSession: booked,
      peoplePerSupervisor: placement.type === "GROUP" ? policy.maxPeoplePerSupervisor : null,
    },
    booking: {
      // A closed register only takes paper-register (retrospective) bookings.
      retrospective: input.retrospective ?? false,
      lateStartReason: late,
      overrideReason: input.overrideReason ?? null,
      callerIsManager: actor.role === "MANAGER",
      roshApproved: standingApproval !== null,
      consentRecorded: input.consentRecorded ?? false,
      overrideApproved,
    },
  };
  if (session.status === "CLOSED" && !input.retrospective) {
    return failure(
      "SESSION_IN_PAST",
      "The register for this session has been closed. Book it as a retrospective booking to enter a paper register.",
      { field: "retrospective" },
    );
  }
  return {
    ok: true,
    session: { ...session, placementType: placement.type },
    requirement,
    check: checkAllocation(allocationInput, policy),
    cancelledAllocationId: existing?.status === "CANCELLED" ? existing.id : null,
    standingRoshApprovalId: standingApproval?.id ?? null,
    lateStartReason: late,
    loneWoman: loneWomanAfter(allocationInput, booked),
  };
}

function loneWomanAfter(input: AllocationInput, booked: readonly BookedMember[]): PreparedAllocation["loneWoman"] {
  const groups = groupsForBooking(input);
  const woman = loneWomanOf(groups.after);
  if (!woman) return null;
  if (woman.key === groups.newKey) return { isThisBooking: true };
  const member = booked.find((b) => b.key === woman.key);
  return member
    ? { isThisBooking: false, allocationId: member.allocationId, consentRecorded: member.loneWomanConsent }
    : null;
}

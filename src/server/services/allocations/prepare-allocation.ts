import "server-only";
import { toRequirementHours } from "../concurrent/requirement-hours";
import {
  checkAllocation,
  groupsForBooking,
  isoDateFromUtcDate,
  loneWomanOf,
  LATE_START_REASONS,
  maxIsoDate,
  policyOn,
  type AllocationCheck,
  type AllocationInput,
  type IsoDate,
  type LateStartReason,
} from "@/domain";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { loadRequirementFacts, type LoadedRequirement } from "../load-requirement-facts";
import { lockPerson, lockRequirement, lockSession } from "../row-locks";
import { requireVisibleRequirement, requireVisibleSession, type VisibleSession } from "../visible-records";
import { failure, type ServiceFailure } from "../result";
import {
  loadCaseBookingFacts,
  loadSessionBookingFacts,
  type CaseBookingFacts,
  type SessionBookingFacts,
} from "./booking-facts";
import type { BookedMember } from "./session-group";
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
 * session, person and requirement rows locked in that order → facts → judgeBooking.
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
  const requirement = await loadRequirementFacts(tx, visible.id, today);
  if (!requirement) throw notFound("case");
  const caseFacts = await loadCaseBookingFacts(tx, requirement);
  const [sessionFacts] = await loadSessionBookingFacts(tx, [session], requirement);
  if (!sessionFacts) throw notFound("session");
  const judged = judgeBooking(actor, input, today, caseFacts, sessionFacts, { overrideApproved });
  if (!judged.ok) return judged;
  const existing = await tx.allocation.findUnique({
    where: { sessionId_requirementId: { sessionId: session.id, requirementId: requirement.id } },
    select: { id: true, status: true },
  });
  return { ...judged, cancelledAllocationId: existing?.status === "CANCELLED" ? existing.id : null };
}

// R10
/**
 * The booking rule for one session from facts already loaded: the session's state, then the
 * domain's checkAllocation with the policy in force on the session's date (or today, if later).
 * Pure: the booking, the preview and the allocation page's batched explanations all come here.
 */
export function judgeBooking(
  actor: AppUser,
  input: ParsedAllocateInput,
  today: IsoDate,
  caseFacts: CaseBookingFacts,
  sessionFacts: SessionBookingFacts,
  { overrideApproved = false }: { overrideApproved?: boolean } = {},
): Omit<PreparedAllocation, "cancelledAllocationId"> | ServiceFailure {
  const { requirement, person, ownBookings } = caseFacts;
  const { session, placement, booked } = sessionFacts;
  if (session.regionId !== requirement.regionId) throw notFound("case");
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
  // The region's overrides do not depend on the date; the policy is the one in force for the session.
  const policy = policyOn(maxIsoDate(today, session.date), requirement.rules.overrides);
  const assessment = requirement.assessment;
  const availability = availabilitySchema.safeParse(assessment?.availability);
  const late = lateStart(input);
  const isWork = (type: string) => type !== "INDUCTION";
  const otherBookings = ownBookings.filter((b) => b.sessionId !== session.id);
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
      runsAfter: caseFacts.runsAfter,
      isFirstWorkSession:
        requirement.view.commencedOn === null &&
        !otherBookings.some((b) => isWork(b.placementType) && isoDateFromUtcDate(b.sessionDate) < session.date),
      hasInductionBefore: otherBookings.some(
        (b) => !isWork(b.placementType) && isoDateFromUtcDate(b.sessionDate) < session.date,
      ),
    },
    person: {
      personId: requirement.personId,
      label: person.crn,
      nonAssociatedPersonIds: caseFacts.namedPeople,
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
      otherBookings: sessionFacts.sameDayBookings,
      // R1: a concurrent pair counts once (0049).
      requirementsHours: caseFacts.personRequirements.map(toRequirementHours),
    },
    session: {
      date: session.date,
      startTime: session.startTime,
      endTime: session.endTime,
      capacity: session.capacity,
      allocationsCount: booked.length,
      placementType: placement.type,
      placementFeatures: placement.features,
      supervisorGender: sessionFacts.supervisorGender,
      othersOnSession: booked,
      peoplePerSupervisor: placement.type === "GROUP" ? policy.maxPeoplePerSupervisor : null,
    },
    booking: {
      // A closed register only takes paper-register (retrospective) bookings.
      retrospective: input.retrospective ?? false,
      lateStartReason: late,
      overrideReason: input.overrideReason ?? null,
      callerIsManager: actor.role === "MANAGER",
      roshApproved: caseFacts.standingRoshApprovalId !== null,
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
    standingRoshApprovalId: caseFacts.standingRoshApprovalId,
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

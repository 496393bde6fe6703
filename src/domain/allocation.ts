// R10 Allocation: whether a person may be booked on a session. Returns every blocking
// reason at once (so the UI can show them all before the click) and the warnings that
// do not block. The server calls this again inside the booking transaction, with the
// session's allocation count read under a lock, so capacity holds under concurrency.

import { availabilityClash, type Availability } from "./availability";
import type { IsoDate } from "./dates";
import { formatDate } from "./format";
import { warnWhenOutstandingOver300, type RequirementHours } from "./hours";
import { conflictsCausedByChange, withLoneWomanConsent, type GroupMember, type SessionGroup } from "./group-safety";
import {
  highRoshOnIndividualPlacement,
  isManOnWomenOnlyPlacement,
  riskConflicts,
  type PersonRiskCode,
} from "./placement-safety";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";
import { checkWithinEffectiveEnd, needsLateStartReason } from "./requirement-dates";
import type { Refusal, RuleCode, RuleWarning } from "./rule-codes";
import { checkConsecutiveOrder, type EarlierRequirement } from "./order-sequence";
import { checkNotBeforeSentence } from "./sentence-checks";
import { timesOverlap, type TimeOfDay } from "./time-of-day";
import type {
  Gender,
  LateStartReason,
  PlacementFeature,
  PlacementType,
  RequirementStatus,
  RoshLevel,
} from "./vocabulary";

export interface AllocationInput {
  today: IsoDate;
  requirement: {
    status: RequirementStatus;
    minutesCredited: number;
    requiredMinutes: number;
    assessmentComplete: boolean;
    /** R2; null while a consecutive requirement waits for the earlier order (it cannot be booked then). */
    startDeadline: IsoDate | null;
    effectiveEndDate: IsoDate;
    /** Nothing is booked before the court made the order (BEFORE_SENTENCE). */
    sentenceDate?: IsoDate;
    /** A consecutive requirement: the one it runs after (CONSECUTIVE_ORDER_NOT_STARTED). */
    runsAfter?: EarlierRequirement | null;
    /** True when this would be the person's first work (non-induction) session on the requirement. */
    isFirstWorkSession: boolean;
    /** An induction attended, or booked before this session's date. */
    hasInductionBefore: boolean;
  };
  person: {
    /** For non-association (people named in assessments); omitted in tests that do not need it. */
    personId?: string;
    /** How messages name the person (e.g. the CRN). */
    label?: string;
    nonAssociatedPersonIds?: readonly string[];
    /** Her assessment records a preference for a women-only placement. */
    womenOnlyPreference?: boolean;
    gender: Gender;
    rosh: RoshLevel | null;
    riskCodes: readonly PersonRiskCode[];
    availability?: Availability | null;
    commitments?: { employment?: string | null; caringDuties?: string | null; religiousObservance?: string | null };
    /** The person's other bookings (any requirement), for double booking. */
    otherBookings: readonly { date: IsoDate; startTime: TimeOfDay; endTime: TimeOfDay }[];
    /** All the person's requirements, for R1's "more than 300 hours outstanding" warning. */
    requirementsHours?: readonly RequirementHours[];
  };
  session: {
    date: IsoDate;
    startTime: TimeOfDay;
    endTime: TimeOfDay;
    capacity: number;
    /** Booked allocations on the session now, not counting this one. */
    allocationsCount: number;
    placementType: PlacementType;
    placementFeatures: readonly PlacementFeature[];
    supervisorGender: Gender | null;
    /** The other people on probation already booked on it. */
    othersOnSession: readonly OtherOnSession[];
    /**
     * The most people its one supervisor may have booked (group placements: the dated policy
     * value or the region's override); null when the limit does not apply.
     */
    peoplePerSupervisor?: number | null;
  };
  booking: {
    retrospective?: boolean;
    lateStartReason?: { category: LateStartReason; note: string } | null;
    overrideReason?: string | null;
    callerIsManager: boolean;
    /** A manager has approved HIGH/VERY_HIGH RoSH on this individual placement. */
    roshApproved?: boolean;
    consentRecorded?: boolean;
    /**
     * A manager approved a coordinator's request to book despite the risk and capacity rules
     * (OVERRIDABLE_ON_REQUEST); every other rule still applies.
     */
    overrideApproved?: boolean;
  };
}

/** Someone already booked on the session, as the group rules see them. */
export interface OtherOnSession {
  gender: Gender;
  loneWomanConsent?: boolean;
  key?: string;
  personId?: string;
  label?: string;
  riskCodes?: readonly string[];
  nonAssociatedPersonIds?: readonly string[];
}

const NEW_BOOKING_KEY = "new-booking";

/** The session's group before and after this booking, for the order-independent group rules. */
export function groupsForBooking(input: Pick<AllocationInput, "person" | "session">): {
  before: SessionGroup;
  after: SessionGroup;
  newKey: string;
} {
  const members: GroupMember[] = input.session.othersOnSession.map((o, i) => ({
    key: o.key ?? `booked-${i}`,
    personId: o.personId ?? `booked-${i}`,
    label: o.label ?? "Another person booked",
    gender: o.gender,
    riskCodes: o.riskCodes ?? [],
    nonAssociatedPersonIds: o.nonAssociatedPersonIds ?? [],
    loneWomanConsent: o.loneWomanConsent ?? false,
  }));
  const person: GroupMember = {
    key: NEW_BOOKING_KEY,
    personId: input.person.personId ?? NEW_BOOKING_KEY,
    label: input.person.label ?? "This person",
    gender: input.person.gender,
    riskCodes: input.person.riskCodes.map((r) => r.code),
    nonAssociatedPersonIds: input.person.nonAssociatedPersonIds ?? [],
    loneWomanConsent: false,
  };
  const base = { placementType: input.session.placementType, supervisorGender: input.session.supervisorGender };
  return { before: { ...base, members }, after: { ...base, members: [...members, person] }, newKey: NEW_BOOKING_KEY };
}

export type AllocationCheck =
  | { ok: true; refusals: []; warnings: RuleWarning[]; overridden: Refusal[] }
  | ({ ok: false } & Refusal & { refusals: Refusal[]; warnings: RuleWarning[]; overridden: Refusal[] });

function reason(code: RuleCode, message: string, field?: string, details?: Record<string, unknown>): Refusal {
  return { code, message, ...(field ? { field } : {}), ...(details ? { details } : {}) };
}

/** The most people a session may take: floor(capacity × over-subscription % / 100). */
export function sessionLimit(capacity: number, overSubscriptionPercent: number): number {
  return Math.floor((capacity * overSubscriptionPercent) / 100);
}

/** R10: the refusals a coordinator may ask a manager to override (risk and capacity), docs/decisions/0061. */
export const OVERRIDABLE_ON_REQUEST: readonly RuleCode[] = [
  "RISK_CONFLICT",
  "APPROVAL_REQUIRED",
  "SESSION_FULL",
  "SUPERVISOR_GROUP_TOO_LARGE",
];

export function isOverridableOnRequest(code: RuleCode): boolean {
  return OVERRIDABLE_ON_REQUEST.includes(code);
}

// R10
export function checkAllocation(input: AllocationInput, policy: RulePolicy = DEFAULT_POLICY): AllocationCheck {
  const { today, requirement, person, session, booking } = input;
  const refusals: Refusal[] = [];
  const warnings: RuleWarning[] = [];
  const overridden: Refusal[] = [];
  const hasOverride = Boolean(booking.overrideReason?.trim());

  if (!requirement.assessmentComplete) {
    refusals.push(
      reason("ASSESSMENT_INCOMPLETE", "The assessment must be completed before work sessions can be booked."),
    );
  }
  if (requirement.status !== "ACTIVE" || requirement.minutesCredited >= requirement.requiredMinutes) {
    const words = requirement.status === "TERMINATED" ? "has been terminated" : "has been completed";
    refusals.push(reason("REQUIREMENT_NOT_ACTIVE", `This requirement ${words}, so no more sessions can be booked.`));
  }
  if (session.date < today && !booking.retrospective) {
    refusals.push(
      reason(
        "SESSION_IN_PAST",
        `This session was on ${formatDate(session.date)}. Only book a past session to enter a paper register, as a retrospective booking.`,
        "sessionId",
      ),
    );
  }
  const withinEnd = checkWithinEffectiveEnd(
    { sessionDate: session.date, effectiveEndDate: requirement.effectiveEndDate, today },
    policy,
  );
  if (!withinEnd.ok) refusals.push(withinEnd);
  if (requirement.sentenceDate !== undefined) {
    const afterSentence = checkNotBeforeSentence({
      date: session.date,
      sentenceDate: requirement.sentenceDate,
      what: "This session",
      field: "sessionId",
    });
    if (!afterSentence.ok) refusals.push(afterSentence);
  }
  if (requirement.runsAfter) {
    const inOrder = checkConsecutiveOrder({
      relation: "CONSECUTIVE",
      earlier: requirement.runsAfter,
      date: session.date,
      what: "This session",
      field: "sessionId",
    });
    if (!inOrder.ok) refusals.push(inOrder);
  }

  const limit = sessionLimit(session.capacity, policy.overSubscriptionPercent);
  // A refusal a manager's approved override request clears: kept as overridden, with a warning.
  const refuseOrOverride = (refusal: Refusal) => {
    if (booking.overrideApproved && isOverridableOnRequest(refusal.code)) {
      overridden.push(refusal);
      warnings.push({
        code: "OVERRIDE_APPROVED",
        message: `Booked with a manager's approval despite: ${refusal.message}`,
      });
    } else {
      refusals.push(refusal);
    }
  };
  if (session.allocationsCount >= limit) {
    refuseOrOverride(
      reason(
        "SESSION_FULL",
        `This session is full: ${session.allocationsCount} people are booked and the limit is ${limit} (${policy.overSubscriptionPercent}% of ${session.capacity} places).`,
        "sessionId",
        { limit, allocationsCount: session.allocationsCount },
      ),
    );
  } else if (session.allocationsCount >= session.capacity) {
    warnings.push({
      code: "OVER_CAPACITY",
      message: `This session has ${session.capacity} places and ${session.allocationsCount} people are already booked; this booking over-subscribes it.`,
    });
  }
  const clash = person.otherBookings.find((b) => b.date === session.date && timesOverlap(b, session));
  if (clash) {
    refusals.push(
      reason(
        "DOUBLE_BOOKED",
        `This person is already booked from ${clash.startTime} to ${clash.endTime} on ${formatDate(clash.date)}.`,
        "caseId",
        { clash },
      ),
    );
  }
  if (isManOnWomenOnlyPlacement(person.gender, session.placementFeatures)) {
    refusals.push(reason("WOMEN_ONLY_PLACEMENT", "This is a female-only placement, so a man cannot be booked on it."));
  }

  // The group that results from this booking: a lone woman (whoever's booking leaves her so),
  // risk to women among women or with a female supervisor, and non-association.
  const groups = groupsForBooking(input);
  const after = booking.consentRecorded ? withLoneWomanConsent(groups.after) : groups.after;
  const groupConflicts = conflictsCausedByChange({ before: groups.before, after, addedKeys: [groups.newKey] });
  const conflicts: { code: string; message: string }[] = [
    ...riskConflicts({
      riskCodes: person.riskCodes,
      placementFeatures: session.placementFeatures,
      supervisorGender: session.supervisorGender,
    }),
    ...groupConflicts.filter((c) => c.code === "RISK_CONFLICT"),
  ];
  if (conflicts.length > 0) {
    const conflict = reason(
      "RISK_CONFLICT",
      `A risk code conflicts with this placement. ${conflicts.map((c) => c.message).join(" ")} A regional manager can override this with a reason.`,
      "overrideReason",
      { conflicts },
    );
    if (booking.overrideApproved) {
      refuseOrOverride(conflict);
    } else if (hasOverride && booking.callerIsManager) {
      overridden.push(conflict);
      warnings.push({
        code: "RISK_CONFLICT_OVERRIDDEN",
        message: `Risk conflict overridden by a manager: ${booking.overrideReason?.trim()}`,
      });
    } else {
      refusals.push(conflict);
    }
  }
  if (hasOverride && !booking.callerIsManager) {
    refusals.push(
      reason("OVERRIDE_NOT_ALLOWED", "Only a regional manager can override a risk conflict.", "overrideReason"),
    );
  }
  if (highRoshOnIndividualPlacement(person.rosh, session.placementType)) {
    const approved =
      booking.roshApproved === true || booking.overrideApproved === true || (booking.callerIsManager && hasOverride);
    if (!approved) {
      refusals.push(
        reason(
          "APPROVAL_REQUIRED",
          `This person's risk of serious harm is ${person.rosh === "VERY_HIGH" ? "very high" : "high"}. A regional manager must approve them working on an individual placement.`,
          "overrideReason",
          { rosh: person.rosh },
        ),
      );
    }
  }
  for (const conflict of groupConflicts) {
    if (conflict.code === "LONE_WOMAN_CONSENT_REQUIRED") {
      refusals.push(reason("LONE_WOMAN_CONSENT_REQUIRED", conflict.message, "consentRecorded"));
    } else if (conflict.code === "NON_ASSOCIATION") {
      refusals.push(reason("NON_ASSOCIATION", `${conflict.message} Choose another session.`, "sessionId"));
    }
  }
  if (
    session.placementType === "GROUP" &&
    session.peoplePerSupervisor != null &&
    session.allocationsCount >= session.peoplePerSupervisor
  ) {
    refuseOrOverride(
      reason(
        "SUPERVISOR_GROUP_TOO_LARGE",
        `One supervisor can take at most ${session.peoplePerSupervisor} people on a group session, and ${session.allocationsCount} are booked. Choose another session.`,
        "sessionId",
        { limit: session.peoplePerSupervisor, allocationsCount: session.allocationsCount },
      ),
    );
  }
  const lateReason = booking.lateStartReason;
  const deadline = requirement.startDeadline;
  if (
    deadline !== null &&
    needsLateStartReason({
      sessionDate: session.date,
      startDeadline: deadline,
      isFirstWorkSession: requirement.isFirstWorkSession,
      placementType: session.placementType,
    }) &&
    !(lateReason?.category && lateReason.note.trim())
  ) {
    refusals.push(
      reason(
        "LATE_START_REASON_REQUIRED",
        `This first work session is after the start deadline of ${formatDate(deadline)}. Record why the start is late (a reason and a note).`,
        "lateStartReason",
        { startDeadline: deadline },
      ),
    );
  }

  addWarnings(input, policy, warnings);
  const first = refusals[0];
  if (!first) return { ok: true, refusals: [], warnings, overridden };
  return { ok: false, ...first, refusals, warnings, overridden };
}

function addWarnings(input: AllocationInput, policy: RulePolicy, warnings: RuleWarning[]): void {
  const { person, session, requirement } = input;
  const availability = availabilityClash({
    availability: person.availability,
    sessionDate: session.date,
    startTime: session.startTime,
    endTime: session.endTime,
    commitments: person.commitments,
  });
  if (availability) warnings.push(availability);
  if (session.placementType !== "INDUCTION" && !requirement.hasInductionBefore) {
    warnings.push({
      code: "NO_INDUCTION_YET",
      message: "This person has not had an induction yet. An induction should come before their first work session.",
    });
  }
  const outstanding = warnWhenOutstandingOver300(person.requirementsHours ?? [], policy);
  if (outstanding) warnings.push(outstanding);
  if (person.gender === "FEMALE" && person.womenOnlyPreference && !session.placementFeatures.includes("FEMALE_ONLY")) {
    warnings.push({
      code: "WOMEN_ONLY_PREFERENCE",
      message:
        "She prefers a women-only placement, and this one is not. Offer a women-only placement first where there is one.",
    });
  }
}

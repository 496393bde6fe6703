// Plain-English words for the enumerated values of docs/domain.md §2 and §4, so no screen shows a
// legacy code without its meaning. nDelius codes are kept in brackets where staff know them.

import type {
  AbsenceReason,
  ApprovalKind,
  ApprovalStatus,
  AttendanceOutcome,
  BreachOutcomeType,
  EnforcementType,
  EteReason,
  Gender,
  IncidentType,
  LateStartReason,
  ManagedBy,
  OrderType,
  PlacementFeature,
  PlacementType,
  RequirementStatus,
  ReviewKind,
  RoshLevel,
  SessionStatus,
  TerminationReason,
} from "@/generated/prisma/enums";
import { ABSENCE_REASON_LABELS, OUTCOME_INFO } from "@/domain/attendance-outcomes";
import { OUTCOME_DESCRIPTIONS } from "@/domain/attendance-outcome-descriptions";

/** R8: an outcome in words with its nDelius code in brackets, e.g. "Attended – complied (ATTC)". */
export function outcomeWords(outcome: AttendanceOutcome): string {
  const { label } = OUTCOME_INFO[outcome];
  const { ndeliusCode } = OUTCOME_DESCRIPTIONS[outcome];
  return ndeliusCode ? `${label} (${ndeliusCode})` : label;
}

/** The reason category of an acceptable absence, in words. */
export function absenceReasonWords(reason: AbsenceReason): string {
  return ABSENCE_REASON_LABELS[reason];
}

// In its own module so the supervisor's phone downloads only these words (the roster's JavaScript budget).
export { RATING_LABEL } from "./rating-labels";

export const ENFORCEMENT_TYPE_LABEL: Record<EnforcementType, string> = {
  WARNING: "Warning given",
  BREACH: "Breach started",
};

/** R9: what a failure calls for, as the work queue and case page say it. */
export const ENFORCEMENT_TYPE_DUE_LABEL: Record<EnforcementType, string> = {
  WARNING: "Warning due",
  BREACH: "Breach due (a warning was given in the last 12 months)",
};

export const BREACH_OUTCOME_LABEL: Record<BreachOutcomeType, string> = {
  CONTINUE: "Court: order to continue",
  HOURS_ADDED: "Court: hours added",
  REVOKED: "Court: order revoked",
  WARRANT_ISSUED: "Court: warrant issued",
  WARRANT_EXECUTED: "Warrant executed",
  FINE: "Court: fined, order continues",
  ORDER_AMENDED: "Court: order amended",
  NOT_PROVEN: "Court: breach not proven",
  WITHDRAWN_BY_COURT: "Court: breach withdrawn",
  REVOKED_AND_RESENTENCED: "Court: order revoked and re-sentenced",
  SSO_ACTIVATED: "Court: suspended sentence activated",
};

export const REVIEW_KIND_LABEL: Record<ReviewKind, string> = {
  SIX_MONTH: "6-month review",
  NINE_MONTH: "9-month review",
  OTHER: "Review",
};

export const APPROVAL_KIND_LABEL: Record<ApprovalKind, string> = {
  ACCEPTED_ABSENCE: "Accepted absence (3rd or later)",
  RISK_OVERRIDE: "Risk conflict override",
  HIGH_ROSH_INDIVIDUAL: "High RoSH on an individual placement",
  BOOKING_OVERRIDE: "Booking override request",
};

export const APPROVAL_STATUS_LABEL: Record<ApprovalStatus, string> = {
  PENDING: "Waiting for a decision",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};

export const PLACEMENT_TYPE_LABEL: Record<PlacementType, string> = {
  GROUP: "Group work party",
  INDIVIDUAL: "Individual placement",
  INDUCTION: "Induction",
  ETE: "Education, training or employment",
};

export const PLACEMENT_FEATURE_LABEL: Record<PlacementFeature, string> = {
  CHILDREN_PRESENT: "Children present",
  VULNERABLE_ADULTS: "Vulnerable adults present",
  LONE_WORKING: "Lone working",
  FEMALE_ONLY: "Women only",
  WELFARE_FACILITIES: "Welfare facilities on site",
  TOOLS: "Tools used",
};

export const REQUIREMENT_STATUS_LABEL: Record<RequirementStatus, string> = {
  ACTIVE: "Active",
  COMPLETED: "Completed",
  TERMINATED: "Terminated",
};

export const TERMINATION_REASON_LABEL: Record<TerminationReason, string> = {
  REVOKED: "revoked by the court",
  EXPIRED_INCOMPLETE: "expired with hours outstanding",
  OTHER: "other reason",
};

export const ORDER_TYPE_LABEL: Record<OrderType, string> = {
  COMMUNITY_ORDER: "Community order",
  SUSPENDED_SENTENCE_ORDER: "Suspended sentence order",
};

export const MANAGED_BY_LABEL: Record<ManagedBy, string> = {
  STANDALONE_UPW: "Unpaid work team (stand-alone order)",
  SENTENCE_MANAGEMENT: "Sentence management (PDU team)",
};

export const ROSH_LABEL: Record<RoshLevel, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  VERY_HIGH: "Very high",
};

export const ETE_REASON_LABEL: Record<EteReason, string> = {
  NOT_IN_WORK: "Not in work or training",
  AT_RISK_OF_LOSING_EMPLOYMENT: "At risk of losing employment",
  DEVELOPING_EMPLOYMENT_OPTIONS: "Developing employment options",
};

export const GENDER_LABEL: Record<Gender, string> = {
  MALE: "Male",
  FEMALE: "Female",
  OTHER: "Other",
};

export const LATE_START_REASON_LABEL: Record<LateStartReason, string> = {
  PERSON_UNAVAILABLE: "Person unavailable",
  NO_SUITABLE_PLACEMENT: "No suitable placement",
  ASSESSMENT_DELAYED: "Assessment delayed",
  HEALTH: "Health",
  SERVICE_CAPACITY: "Service capacity",
  OTHER: "Other",
};

export const SESSION_STATUS_LABEL: Record<SessionStatus, string> = {
  SCHEDULED: "Scheduled",
  CLOSED: "Closed",
  CANCELLED: "Cancelled",
  STOOD_DOWN: "Stood down",
};

export const INCIDENT_TYPE_LABEL: Record<IncidentType, string> = {
  BEHAVIOUR: "Behaviour",
  INJURY: "Injury",
  NEAR_MISS: "Near miss",
  THREAT_TO_STAFF: "Threat to staff",
};

// The codes a business rule answers with (docs/api.md: 422 responses) and the one result type
// services pass up to forms and the JSON API, so both show the same words.

export const RULE_CODES = [
  "HOURS_OUT_OF_RANGE",
  "HOURS_EXCEED_ORDERED",
  "ETE_NOT_ELIGIBLE",
  "ETE_CAP_EXCEEDED",
  "ASSESSMENT_INCOMPLETE",
  "REQUIREMENT_NOT_ACTIVE",
  "SESSION_FULL",
  "SESSION_IN_PAST",
  "DOUBLE_BOOKED",
  "RISK_CONFLICT",
  "OVERRIDE_NOT_ALLOWED",
  "WOMEN_ONLY_PLACEMENT",
  "LONE_WOMAN_CONSENT_REQUIRED",
  "LATE_START_REASON_REQUIRED",
  "EXTENSION_REQUIRED",
  "EXTENSION_NOT_LATER",
  "SECOND_WARNING_NOT_ALLOWED",
  "APPROVAL_REQUIRED",
  "OUTCOME_NOT_ALLOWED",
  "ATTENDANCE_DETAILS_REQUIRED",
  "INVALID_ATTENDANCE_TIMES",
  "INVALID_MINUTES",
  "SESSION_CLOSED",
  "SESSION_CANCELLED",
  "ATTENDANCE_INCOMPLETE",
  "SESSION_NOT_STARTED",
  // Second round: crediting and the order model.
  "BEFORE_SENTENCE",
  "UNDER_18",
  "LEAVING_TIME_REQUIRED",
  "SUPERVISOR_DOUBLE_BOOKED",
  "SUPERVISOR_GROUP_TOO_LARGE",
  "NON_ASSOCIATION",
  "SESSION_STOOD_DOWN",
  "BANK_HOLIDAY_CONFIRMATION_REQUIRED",
  "NO_TWELVE_MONTH_PERIOD",
  "EARNED_REDUCTION_NOT_AVAILABLE",
  "FAILURE_REQUIRED",
  "FOUR_EYES_REQUIRED",
  // Concurrent and consecutive orders; transfers between regions.
  "CONSECUTIVE_ORDER_NOT_STARTED",
  "TRANSFER_NOT_ALLOWED",
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** Why a rule said no, in words a coordinator understands; `field` names the form field to mark. */
export interface Refusal {
  code: RuleCode;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export type Refused = { ok: false } & Refusal;
export type Allowed<T> = { ok: true; value: T };
export type RuleResult<T> = Allowed<T> | Refused;

export function ok(): Allowed<undefined>;
export function ok<T>(value: T): Allowed<T>;
export function ok<T>(value?: T): Allowed<T | undefined> {
  return { ok: true, value };
}

export function refuse(
  code: RuleCode,
  message: string,
  extra: { field?: string; details?: Record<string, unknown> } = {},
): Refused {
  return { ok: false, code, message, ...extra };
}

/** Things the user should know but that do not block the action (e.g. R1's "over 300 hours"). */
export const WARNING_CODES = [
  "OUTSTANDING_OVER_300_HOURS",
  "AVAILABILITY_CLASH",
  "NO_INDUCTION_YET",
  "OVER_CAPACITY",
  "RISK_CONFLICT_OVERRIDDEN",
  "OVERRIDE_APPROVED",
  "LONE_WOMAN_ON_SESSION",
  "BOOKING_CONFLICTS",
  "WOMEN_ONLY_PREFERENCE",
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface RuleWarning {
  code: WarningCode;
  message: string;
  details?: Record<string, unknown>;
}

// The enumerated words of docs/domain.md §2, as `as const` arrays so zod (z.enum) and Prisma's
// enums can be checked against the same lists.

export const REQUIREMENT_STATUSES = ["ACTIVE", "COMPLETED", "TERMINATED"] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const TERMINATION_REASONS = ["REVOKED", "EXPIRED_INCOMPLETE", "OTHER"] as const;

export const GENDERS = ["MALE", "FEMALE", "OTHER"] as const;
export type Gender = (typeof GENDERS)[number];

export const ROSH_LEVELS = ["LOW", "MEDIUM", "HIGH", "VERY_HIGH"] as const;
export type RoshLevel = (typeof ROSH_LEVELS)[number];

export const PLACEMENT_TYPES = ["GROUP", "INDIVIDUAL", "INDUCTION", "ETE"] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

export const PLACEMENT_FEATURES = [
  "CHILDREN_PRESENT",
  "VULNERABLE_ADULTS",
  "LONE_WORKING",
  "FEMALE_ONLY",
  "WELFARE_FACILITIES",
  "TOOLS",
] as const;
export type PlacementFeature = (typeof PLACEMENT_FEATURES)[number];

export const ETE_REASONS = ["NOT_IN_WORK", "AT_RISK_OF_LOSING_EMPLOYMENT", "DEVELOPING_EMPLOYMENT_OPTIONS"] as const;
export type EteReason = (typeof ETE_REASONS)[number];

export const ORDER_TYPES = ["COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER"] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** How a requirement runs with another of the same person's (docs/decisions/0049). */
export const ORDER_RELATIONS = ["CONCURRENT", "CONSECUTIVE"] as const;
export type OrderRelation = (typeof ORDER_RELATIONS)[number];

export const MANAGED_BY = ["STANDALONE_UPW", "SENTENCE_MANAGEMENT"] as const;

export const WORK_RATINGS = ["EXCELLENT", "GOOD", "SATISFACTORY", "UNSATISFACTORY", "POOR", "NOT_APPLICABLE"] as const;
export type WorkRating = (typeof WORK_RATINGS)[number];

export const LATE_START_REASONS = [
  "PERSON_UNAVAILABLE",
  "NO_SUITABLE_PLACEMENT",
  "ASSESSMENT_DELAYED",
  "HEALTH",
  "SERVICE_CAPACITY",
  "OTHER",
] as const;
export type LateStartReason = (typeof LATE_START_REASONS)[number];

/** CRN (case reference number): one capital letter then six digits, e.g. X123456. */
export const CRN_PATTERN = /^[A-Z]\d{6}$/;

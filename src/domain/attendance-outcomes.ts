// R8 Attendance outcomes: each outcome's label, whether it credits time, and whether it is a
// failure to comply that starts enforcement (R9). Its nDelius code and longer meaning are in
// attendance-outcome-descriptions.ts, so the supervisor's phone does not download them.

export const ATTENDANCE_OUTCOMES = [
  "ATTENDED_COMPLIED",
  "ATTENDED_FAILED_TO_COMPLY",
  "ATTENDED_SENT_HOME_BEHAVIOUR",
  "ATTENDED_SENT_HOME_SERVICE",
  "ACCEPTABLE_ABSENCE",
  "UNACCEPTABLE_ABSENCE",
] as const;
export type AttendanceOutcome = (typeof ATTENDANCE_OUTCOMES)[number];

/** The outcomes a supervisor may record: everything but ACCEPTABLE_ABSENCE (attendance-recording.ts says why). */
export const SUPERVISOR_OUTCOMES: readonly AttendanceOutcome[] = ATTENDANCE_OUTCOMES.filter(
  (o) => o !== "ACCEPTABLE_ABSENCE",
);

export const ABSENCE_REASONS = [
  "MEDICAL",
  "EMPLOYMENT",
  "FAMILY_CHILDCARE",
  "COURT_LEGAL",
  "STOOD_DOWN",
  "PROFESSIONAL_JUDGEMENT",
  "OTHER",
] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** Attendance.approvalState: only a 3rd+ accepted absence is ever PENDING. */
export type ApprovalState = "NOT_NEEDED" | "PENDING" | "APPROVED" | "REJECTED";

export interface OutcomeInfo {
  label: string;
  /** The person was there: an attended outcome (credits time; records work quality and behaviour). */
  attended: boolean;
  /** Failure to comply without reasonable excuse: R9 enforcement is due. */
  failureToComply: boolean;
  /** A stand-down (the service, not the person, stopped the work): counts in the stand-down rate. */
  standDown: boolean;
}

export const OUTCOME_INFO: Readonly<Record<AttendanceOutcome, OutcomeInfo>> = {
  ATTENDED_COMPLIED: {
    label: "Attended – complied",
    attended: true,
    failureToComply: false,
    standDown: false,
  },
  ATTENDED_FAILED_TO_COMPLY: {
    label: "Attended – failed to comply",
    attended: true,
    failureToComply: true,
    standDown: false,
  },
  ATTENDED_SENT_HOME_BEHAVIOUR: {
    label: "Attended – sent home (behaviour)",
    attended: true,
    failureToComply: true,
    standDown: false,
  },
  ATTENDED_SENT_HOME_SERVICE: {
    label: "Attended – sent home (service reasons)",
    attended: true,
    failureToComply: false,
    standDown: true,
  },
  ACCEPTABLE_ABSENCE: {
    label: "Acceptable absence",
    attended: false,
    failureToComply: false,
    standDown: false,
  },
  UNACCEPTABLE_ABSENCE: {
    label: "Unacceptable absence",
    attended: false,
    failureToComply: true,
    standDown: false,
  },
};

export const ABSENCE_REASON_LABELS: Readonly<Record<AbsenceReason, string>> = {
  MEDICAL: "Medical (illness, injury or appointment)",
  EMPLOYMENT: "Employment (work they could not miss)",
  FAMILY_CHILDCARE: "Family or childcare emergency",
  COURT_LEGAL: "Court or legal appointment",
  STOOD_DOWN: "Stood down (session cancelled by us in advance)",
  PROFESSIONAL_JUDGEMENT: "Professional judgement",
  OTHER: "Other",
};

export function isAttendedOutcome(outcome: AttendanceOutcome): boolean {
  return OUTCOME_INFO[outcome].attended;
}

/** Only attended outcomes credit time; absences credit 0. */
export function creditsTime(outcome: AttendanceOutcome): boolean {
  return OUTCOME_INFO[outcome].attended;
}

/**
 * Whether this acceptable absence counts towards the R8 limit: STOOD_DOWN is the
 * service's cancellation, not the person's absence, and a rejected one no longer stands.
 */
export function countsTowardsAbsenceLimit(
  outcome: AttendanceOutcome,
  reason: AbsenceReason | null | undefined,
  approvalState: ApprovalState = "NOT_NEEDED",
): boolean {
  return outcome === "ACCEPTABLE_ABSENCE" && reason !== "STOOD_DOWN" && approvalState !== "REJECTED";
}

export type AbsenceStanding = "ACCEPTED" | "UNACCEPTABLE_PENDING" | "UNACCEPTABLE";

// R8
/**
 * How an absence stands: a 3rd+ accepted absence is "unacceptable-pending" until a manager
 * approves it, and unacceptable if the manager rejects it. Null for attended outcomes.
 */
export function absenceStanding(outcome: AttendanceOutcome, approvalState: ApprovalState): AbsenceStanding | null {
  if (outcome === "UNACCEPTABLE_ABSENCE") return "UNACCEPTABLE";
  if (outcome !== "ACCEPTABLE_ABSENCE") return null;
  if (approvalState === "PENDING") return "UNACCEPTABLE_PENDING";
  if (approvalState === "REJECTED") return "UNACCEPTABLE";
  return "ACCEPTED";
}

// R8 → R9
/**
 * A failure to comply that makes enforcement due. A pending 3rd+ absence is not yet one
 * (the manager's decision is awaited); a rejected one is, as an unacceptable absence.
 */
export function isFailureToComply(outcome: AttendanceOutcome, approvalState: ApprovalState = "NOT_NEEDED"): boolean {
  if (outcome === "ACCEPTABLE_ABSENCE") return approvalState === "REJECTED";
  return OUTCOME_INFO[outcome].failureToComply;
}

// R8
/** Stand-down rate numerator: sent home for service reasons, or a STOOD_DOWN absence. */
export function isStandDown(outcome: AttendanceOutcome, reason: AbsenceReason | null | undefined): boolean {
  return OUTCOME_INFO[outcome].standDown || (outcome === "ACCEPTABLE_ABSENCE" && reason === "STOOD_DOWN");
}

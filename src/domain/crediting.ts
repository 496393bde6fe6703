// R7 Crediting hours: whole minutes, no rounding. For an attended outcome,
// credit = (left − arrived) − penalty, arrived/left defaulting to the session's times,
// never more than the session's length and never negative. The total never goes past
// the required minutes; reaching them completes the requirement on that date.

import { creditsTime, isAttendedOutcome, type AbsenceReason, type AttendanceOutcome } from "./attendance-outcomes";
import type { IsoDate } from "./dates";
import { formatDate, formatMinuteCount } from "./format";
import type { RulePolicy } from "./policy";
import { ok, refuse, type RuleResult } from "./rule-codes";
import { isTimeOfDay, minutesBetweenTimes, type TimeOfDay } from "./time-of-day";
import type { WorkRating } from "./vocabulary";

export interface SessionTimes {
  startTime: TimeOfDay;
  endTime: TimeOfDay;
}

/** Sessions never cross midnight; a session ending at or before it starts is a data bug. */
export function sessionLengthMinutes(session: SessionTimes): number {
  const length = minutesBetweenTimes(session.startTime, session.endTime);
  if (length <= 0) throw new RangeError(`Session ${session.startTime}–${session.endTime} must end after it starts`);
  return length;
}

export interface TimeWorked {
  session: SessionTimes;
  arrivedAt?: TimeOfDay | null;
  leftAt?: TimeOfDay | null;
  penaltyMinutes?: number | null;
}

// R7
/** Minutes to credit for time on site: min(session length, max(0, (left − arrived) − penalty)). */
export function creditedMinutes(input: TimeWorked): RuleResult<number> {
  const length = sessionLengthMinutes(input.session);
  const arrivedAt = input.arrivedAt ?? input.session.startTime;
  const leftAt = input.leftAt ?? input.session.endTime;
  const penalty = input.penaltyMinutes ?? 0;
  for (const [field, value] of [
    ["arrivedAt", arrivedAt],
    ["leftAt", leftAt],
  ] as const) {
    if (!isTimeOfDay(value)) {
      return refuse("INVALID_ATTENDANCE_TIMES", `Enter the time as HH:MM, for example 09:30.`, { field });
    }
  }
  if (!Number.isInteger(penalty) || penalty < 0) {
    return refuse("INVALID_ATTENDANCE_TIMES", "Penalty minutes must be a whole number, 0 or more.", {
      field: "penaltyMinutes",
    });
  }
  const onSite = minutesBetweenTimes(arrivedAt, leftAt);
  if (onSite < 0) {
    return refuse(
      "INVALID_ATTENDANCE_TIMES",
      `The time they left (${leftAt}) must be after the time they arrived (${arrivedAt}).`,
      {
        field: "leftAt",
      },
    );
  }
  return ok(Math.min(length, Math.max(0, onSite - penalty)));
}

export interface AttendanceCredit extends TimeWorked {
  outcome: AttendanceOutcome;
  /** Entered instead of times (docs/api.md): whole minutes, at most the session's length. */
  minutesCredited?: number | null;
}

/** The two "sent home" outcomes: the credit stops when the person was sent home, so that time is needed. */
export function isSentHome(outcome: AttendanceOutcome): boolean {
  return outcome === "ATTENDED_SENT_HOME_BEHAVIOUR" || outcome === "ATTENDED_SENT_HOME_SERVICE";
}

// R8
/**
 * Someone sent home (for their behaviour, or by the service standing the session down) is
 * credited only up to the time they were sent home: that time is required, must be before
 * the session's end, and cannot be replaced by a number of minutes (LEAVING_TIME_REQUIRED).
 */
export function checkLeavingTime(input: AttendanceCredit): RuleResult<undefined> {
  if (!isSentHome(input.outcome)) return ok();
  const why =
    input.outcome === "ATTENDED_SENT_HOME_BEHAVIOUR" ? "sent home" : "sent home when the session was stood down";
  if (input.minutesCredited !== undefined && input.minutesCredited !== null) {
    return refuse(
      "LEAVING_TIME_REQUIRED",
      `Enter the time they were ${why} instead of minutes to credit: the credit stops at that time.`,
      {
        field: "leftAt",
      },
    );
  }
  if (!input.leftAt) {
    return refuse("LEAVING_TIME_REQUIRED", `Enter the time they were ${why}. Only the time before it is credited.`, {
      field: "leftAt",
    });
  }
  if (isTimeOfDay(input.leftAt) && minutesBetweenTimes(input.leftAt, input.session.endTime) <= 0) {
    return refuse(
      "LEAVING_TIME_REQUIRED",
      `The time they were ${why} (${input.leftAt}) must be before the session's end at ${input.session.endTime}.`,
      { field: "leftAt" },
    );
  }
  return ok();
}

/** The crediting rules read one policy value; the phone (which has no policy) uses "no minimum set". */
type CreditPolicy = Pick<RulePolicy, "sentHomeByServiceMinimumMinutes">;
// Type-only import of the policy keeps the whole dated policy table out of the supervisor's bundle.
const NO_MINIMUM: CreditPolicy = { sentHomeByServiceMinimumMinutes: null };

// R8
/**
 * Sent home by the service (a stand-down after arrival): the time present, raised to the
 * policy's minimum credit when one is in force on the session's date, never past the session's length.
 */
export function sentHomeByServiceCredit(
  timePresent: number,
  session: SessionTimes,
  policy: CreditPolicy = NO_MINIMUM,
): number {
  const minimum = policy.sentHomeByServiceMinimumMinutes ?? 0;
  return Math.min(sessionLengthMinutes(session), Math.max(timePresent, minimum));
}

// R7 / R8
/**
 * The credit an outcome earns before the cap to required minutes: time for attended outcomes,
 * 0 for absences. `policy` is the policy in force on the session's date.
 */
export function creditForOutcome(input: AttendanceCredit, policy: CreditPolicy = NO_MINIMUM): RuleResult<number> {
  if (!creditsTime(input.outcome)) {
    if (input.minutesCredited) {
      return refuse("INVALID_MINUTES", "No time can be credited for an absence.", { field: "minutesCredited" });
    }
    return ok(0);
  }
  const leaving = checkLeavingTime(input);
  if (!leaving.ok) return leaving;
  if (input.outcome === "ATTENDED_SENT_HOME_SERVICE") {
    const present = creditedMinutes(input);
    return present.ok ? ok(sentHomeByServiceCredit(present.value, input.session, policy)) : present;
  }
  if (input.minutesCredited !== undefined && input.minutesCredited !== null) {
    const length = sessionLengthMinutes(input.session);
    const m = input.minutesCredited;
    if (!Number.isInteger(m) || m < 0 || m > length) {
      return refuse(
        "INVALID_MINUTES",
        `Minutes credited must be a whole number from 0 to ${formatMinuteCount(length)} (the length of the session).`,
        { field: "minutesCredited", details: { sessionLengthMinutes: length } },
      );
    }
    return ok(m);
  }
  return creditedMinutes(input);
}

// R7
/** The part of a credit that fits before the required minutes are reached. */
export function capToRequired(totalBefore: number, credit: number, required: number): number {
  return Math.max(0, Math.min(credit, required - totalBefore));
}

// R7
/** Adds one credit: capped so the total stays ≤ required; completes the requirement on `date` when reached. */
export function applyCredit(input: {
  minutesCreditedBefore: number;
  credit: number;
  requiredMinutes: number;
  date: IsoDate;
}): { creditedNow: number; minutesCreditedAfter: number; completedOn: IsoDate | null } {
  const creditedNow = capToRequired(input.minutesCreditedBefore, input.credit, input.requiredMinutes);
  const after = input.minutesCreditedBefore + creditedNow;
  const completesNow =
    !isCompleted(input.minutesCreditedBefore, input.requiredMinutes) && isCompleted(after, input.requiredMinutes);
  return { creditedNow, minutesCreditedAfter: after, completedOn: completesNow ? input.date : null };
}

// R7
export function isCompleted(minutesCredited: number, required: number): boolean {
  return minutesCredited >= required;
}

export interface DatedCredit {
  date: IsoDate;
  minutes: number;
}

// R7
/**
 * Replays credits (attendance and ETE) in date order, capping each so the total never
 * passes the required minutes; the requirement completes on the date the total reaches
 * them. Used after a correction, which re-runs R6–R9.
 */
export function totalCredited(
  credits: readonly DatedCredit[],
  required: number,
): { minutesCredited: number; completedOn: IsoDate | null } {
  let total = 0;
  let completedOn: IsoDate | null = null;
  const ordered = [...credits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const credit of ordered) {
    total += capToRequired(total, credit.minutes, required);
    if (completedOn === null && isCompleted(total, required)) completedOn = credit.date;
  }
  return { minutesCredited: total, completedOn };
}

// R7
/**
 * A future session cannot take an attended or enforceable outcome (only an acceptable
 * absence known in advance, such as a stand-down or a medical appointment). Today's and
 * past sessions may take any outcome.
 */
export function checkOutcomeAllowed(
  outcome: AttendanceOutcome,
  sessionDate: IsoDate,
  today: IsoDate,
): RuleResult<undefined> {
  if (sessionDate > today && outcome !== "ACCEPTABLE_ABSENCE") {
    return refuse(
      "OUTCOME_NOT_ALLOWED",
      `This session is on ${formatDate(sessionDate)}, which has not happened yet. Before the day you can only record an acceptable absence.`,
      { field: "outcome", details: { outcome, sessionDate, today } },
    );
  }
  return ok();
}

// R7
/** A past session must get an outcome: true when one is overdue. */
export function outcomeOverdue(sessionDate: IsoDate, today: IsoDate, hasOutcome: boolean): boolean {
  return !hasOutcome && sessionDate < today;
}

// R7 / R8
/** Attended outcomes record work quality and behaviour; acceptable absences a reason and a note. */
export function checkAttendanceDetails(input: {
  outcome: AttendanceOutcome;
  workQuality?: WorkRating | null;
  behaviour?: WorkRating | null;
  reasonCategory?: AbsenceReason | null;
  note?: string | null;
}): RuleResult<undefined> {
  if (isAttendedOutcome(input.outcome)) {
    if (!input.workQuality) {
      return refuse("ATTENDANCE_DETAILS_REQUIRED", "Select the quality of their work.", { field: "workQuality" });
    }
    if (!input.behaviour) {
      return refuse("ATTENDANCE_DETAILS_REQUIRED", "Select how they behaved.", { field: "behaviour" });
    }
  }
  if (input.outcome === "ACCEPTABLE_ABSENCE") {
    if (!input.reasonCategory) {
      return refuse("ATTENDANCE_DETAILS_REQUIRED", "Select the reason the absence is acceptable.", {
        field: "reasonCategory",
      });
    }
    if (!input.note?.trim()) {
      return refuse("ATTENDANCE_DETAILS_REQUIRED", "Add a note explaining the absence.", { field: "note" });
    }
  }
  return ok();
}

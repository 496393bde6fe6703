// R2 (start within 15 working days) and R3 (the twelve-month rule, extensions, reviews).

import { isAttendedOutcome, type AttendanceOutcome } from "./attendance-outcomes";
import type { BankHolidayCalendar } from "./bank-holidays";
import { addCalendarMonths, maxIsoDate, type IsoDate } from "./dates";
import { formatDate } from "./format";
import { isTwelveMonthPeriodAbolished, policyOn, type RulePolicy } from "./policy";
import { ok, refuse, type RuleResult } from "./rule-codes";
import type { PlacementType } from "./vocabulary";
import { addWorkingDays } from "./working-days";

export interface Extension {
  grantedOn: IsoDate;
  newEndDate: IsoDate;
}

// R2
/** The date by which the work should start: 15 working days after sentence. */
export function startDeadline(
  sentenceDate: IsoDate,
  calendar: BankHolidayCalendar,
  policy: RulePolicy = policyOn(sentenceDate),
): IsoDate {
  return addWorkingDays(sentenceDate, policy.startWorkingDays, calendar);
}

// R3
/** Sentence date + 12 calendar months (31 Jan → 31 Jan; 29 Feb → 28 Feb). */
export function twelveMonthEnd(sentenceDate: IsoDate, policy: RulePolicy = policyOn(sentenceDate)): IsoDate {
  return addCalendarMonths(sentenceDate, policy.twelveMonths);
}

function latestGranted(extensions: readonly Extension[]): Extension | undefined {
  // "Latest granted" is by grant date; on the same day the later end date wins.
  return [...extensions]
    .sort((a, b) =>
      a.grantedOn !== b.grantedOn ? (a.grantedOn < b.grantedOn ? -1 : 1) : a.newEndDate < b.newEndDate ? -1 : 1,
    )
    .at(-1);
}

// R3
/**
 * The latest granted extension's new end date, else sentence + 12 months. With `asOf`,
 * only extensions granted on or before that date count (for dashboards as of a past date).
 */
export function effectiveEndDate(
  sentenceDate: IsoDate,
  extensions: readonly Extension[],
  asOf?: IsoDate,
  policy: RulePolicy = policyOn(sentenceDate),
): IsoDate {
  const granted = asOf === undefined ? extensions : extensions.filter((e) => e.grantedOn <= asOf);
  return latestGranted(granted)?.newEndDate ?? twelveMonthEnd(sentenceDate, policy);
}

// R3
/** A court extension must move the end date later than the current effective end date. */
export function validateExtension(
  input: { sentenceDate: IsoDate; extensions: readonly Extension[]; proposed: Extension },
  policy: RulePolicy = policyOn(input.sentenceDate),
): RuleResult<Extension> {
  const { sentenceDate, extensions, proposed } = input;
  const current = effectiveEndDate(sentenceDate, extensions, undefined, policy);
  if (proposed.newEndDate <= current) {
    return refuse(
      "EXTENSION_NOT_LATER",
      `The new end date must be after the current end date of ${formatDate(current)}.`,
      { field: "newEndDate", details: { currentEffectiveEndDate: current, newEndDate: proposed.newEndDate } },
    );
  }
  return ok(proposed);
}

export interface ReviewDue {
  /** Months after sentence (6 or 9). */
  months: number;
  dueOn: IsoDate;
}

// R3
/** The mandatory reviews: 6 and 9 months after sentence. */
export function reviewDueDates(sentenceDate: IsoDate, policy: RulePolicy = policyOn(sentenceDate)): ReviewDue[] {
  return policy.reviewMonths.map((months) => ({ months, dueOn: addCalendarMonths(sentenceDate, months) }));
}

export interface AttendanceOnDate {
  date: IsoDate;
  outcome: AttendanceOutcome;
  /** Induction attendance does not start the requirement; omit when unknown (counted as work). */
  placementType?: PlacementType;
}

// R2
/**
 * The requirement commences at the first work session the person attended: the earliest
 * attended outcome (any ATTENDED_*, since the person was there and was credited time)
 * on a session that is not an induction. Null until then.
 */
export function commencedOn(attendances: readonly AttendanceOnDate[], asOf?: IsoDate): IsoDate | null {
  let first: IsoDate | null = null;
  for (const a of attendances) {
    if (!isAttendedOutcome(a.outcome) || a.placementType === "INDUCTION") continue;
    if (asOf !== undefined && a.date > asOf) continue;
    if (first === null || a.date < first) first = a.date;
  }
  return first;
}

// R2
/**
 * For the dashboard's "commenced within 15 working days": true/false once known, null
 * while the person has not started and the deadline has not yet passed.
 */
export function commencedWithinDeadline(commenced: IsoDate | null, deadline: IsoDate, asOf: IsoDate): boolean | null {
  if (commenced !== null && commenced <= asOf) return commenced <= deadline;
  return asOf > deadline ? false : null;
}

// R2
/** Allocating the first work session on a date after the start deadline needs a recorded reason. */
export function needsLateStartReason(input: {
  sessionDate: IsoDate;
  startDeadline: IsoDate;
  isFirstWorkSession: boolean;
  placementType: PlacementType;
}): boolean {
  return input.isFirstWorkSession && input.placementType !== "INDUCTION" && input.sessionDate > input.startDeadline;
}

// R3
/**
 * Past the effective end date no hours can be worked until the court extends or revokes.
 * Once s.36 is in force (on the later of today and the session date) there is no end date.
 */
export function checkWithinEffectiveEnd(
  input: { sessionDate: IsoDate; effectiveEndDate: IsoDate; today: IsoDate },
  policy: RulePolicy = policyOn(maxIsoDate(input.today, input.sessionDate)),
): RuleResult<undefined> {
  const { sessionDate, effectiveEndDate: end, today } = input;
  if (isTwelveMonthPeriodAbolished(maxIsoDate(today, sessionDate), policy)) return ok();
  if (sessionDate > end) {
    return refuse(
      "EXTENSION_REQUIRED",
      `This session is after the requirement's end date of ${formatDate(end)}. No hours can be worked after that date unless the court extends the order.`,
      { field: "sessionId", details: { sessionDate, effectiveEndDate: end } },
    );
  }
  return ok();
}

// §5 / SL029
/** "Completed within 12 months" (HMPPS measure SL029): by sentence + 12 months, extensions ignored. */
export function completedWithinTwelveMonths(
  sentenceDate: IsoDate,
  completedOn: IsoDate | null,
  policy: RulePolicy = policyOn(sentenceDate),
): boolean {
  return completedOn !== null && completedOn <= twelveMonthEnd(sentenceDate, policy);
}

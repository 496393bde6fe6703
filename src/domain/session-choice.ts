// Choosing a session for a person (issue 4 §5): which R10 refusals the person booking can
// clear on the booking form, and the order suitable sessions are offered in. Distance is
// out of scope. The rule itself stays in checkAllocation; this only sorts and classifies
// its answers.

import { WEEKDAY_KEYS, type DayPart, type WeekdayKey } from "./availability";
import { addDays, dayOfWeek, type IsoDate } from "./dates";
import type { RuleCode } from "./rule-codes";

/** Refusals that the booking form clears by recording something (R2 reason, consent, override, paper register). */
export function isResolvableOnBooking(code: RuleCode, caller: { isManager: boolean }): boolean {
  switch (code) {
    case "LATE_START_REASON_REQUIRED":
    case "LONE_WOMAN_CONSENT_REQUIRED":
    case "SESSION_IN_PAST":
      return true;
    case "RISK_CONFLICT":
    case "APPROVAL_REQUIRED":
      return caller.isManager;
    default:
      return false;
  }
}

/** Refusals about the case itself, not the session: when present, no session can be booked at all. */
export const CASE_LEVEL_REFUSALS: readonly RuleCode[] = ["ASSESSMENT_INCOMPLETE", "REQUIREMENT_NOT_ACTIVE"];

export function isCaseLevelRefusal(code: RuleCode): boolean {
  return CASE_LEVEL_REFUSALS.includes(code);
}

/** "3 of 6 booked (up to 7 with over-booking)": places in words, the over-booking limit only when it adds places. */
export function placesInWords(input: { booked: number; capacity: number; limit: number }): string {
  return `${input.booked} of ${input.capacity} booked${input.limit > input.capacity ? ` (up to ${input.limit} with over-booking)` : ""}`;
}

export type SessionChoiceStanding = "BOOKABLE" | "NEEDS_DETAILS" | "BLOCKED";

export function standingOf(refusalCodes: readonly RuleCode[], caller: { isManager: boolean }): SessionChoiceStanding {
  if (refusalCodes.length === 0) return "BOOKABLE";
  return refusalCodes.every((code) => isResolvableOnBooking(code, caller)) ? "NEEDS_DETAILS" : "BLOCKED";
}

export interface RankableSession {
  date: IsoDate;
  startTime: string;
  standing: SessionChoiceStanding;
  /** The person's recorded availability clashes with the session (a warning, not a refusal). */
  availabilityClash: boolean;
  /** She prefers a women-only placement and this one is not (her preference is used in the order). */
  preferenceNotMet?: boolean;
  /** A work session before the person has had an induction (R2: an induction should come first). */
  beforeInduction: boolean;
  freePlaces: number;
}

const STANDING_ORDER: Record<SessionChoiceStanding, number> = { BOOKABLE: 0, NEEDS_DETAILS: 1, BLOCKED: 2 };

/**
 * Best first: sessions that can be booked, then those needing a detail recorded, then the
 * blocked ones (still listed, with their reasons); within each, sessions that fit the person's
 * availability; an induction before work sessions for someone who has not had one; then by date, for R2 the earliest start is best whether or not the start
 * deadline has passed; then the most free places.
 */
export function rankSessionChoices<T extends RankableSession>(choices: readonly T[]): T[] {
  return [...choices].sort(
    (a, b) =>
      STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing] ||
      Number(a.availabilityClash) - Number(b.availabilityClash) ||
      Number(a.preferenceNotMet ?? false) - Number(b.preferenceNotMet ?? false) ||
      Number(a.beforeInduction) - Number(b.beforeInduction) ||
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0) ||
      b.freePlaces - a.freePlaces,
  );
}

/** The allocation list shows this many sessions a page; each page is explained in full (R10). */
export const SESSION_CHOICES_PER_PAGE = 20;
/** The longest date range the allocation list filters on at once. */
export const MAX_SESSION_FILTER_DAYS = 366;

/** Parts of the day as start/end times ("HH:MM"), half-open, as availability reads them (R10). */
const DAY_PART_TIMES: Readonly<Record<DayPart, readonly [string, string]>> = {
  AM: ["00:00", "12:00"],
  PM: ["12:00", "17:00"],
  EVE: ["17:00", "24:00"],
};

/** A session touches a part of the day when it starts before the part ends and ends after it starts. */
export function dayPartTimeBounds(part: DayPart): { startsBefore: string; endsAfter: string } {
  const [start, end] = DAY_PART_TIMES[part];
  return { startsBefore: end, endsAfter: start };
}

/** The dates from `from` to `to` (inclusive) that fall on one of `days` (all dates when `days` is empty). */
export function datesOnWeekdays(from: IsoDate, to: IsoDate, days: readonly WeekdayKey[]): IsoDate[] | null {
  if (days.length === 0) return null;
  const wanted = new Set(days);
  const dates: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (wanted.has(WEEKDAY_KEYS[dayOfWeek(d)] as WeekdayKey)) dates.push(d);
  }
  return dates;
}

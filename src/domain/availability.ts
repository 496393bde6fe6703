// R10: availability clashes (work, caring, religious observance) warn but do not block.
// The assessment records when the person CAN work, as Assessment.availability:
// { "MON": ["AM", "PM"], "SAT": ["AM"] } — days and parts of the day.

import { dayOfWeek, type IsoDate } from "./dates";
import { dayName } from "./format";
import type { RuleWarning } from "./rule-codes";
import { minutesSinceMidnight, type TimeOfDay } from "./time-of-day";

export const WEEKDAY_KEYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export const DAY_PARTS = ["AM", "PM", "EVE"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export type Availability = Partial<Record<WeekdayKey, readonly DayPart[]>>;

/** Parts of the day in minutes since midnight, half-open: AM before 12:00, PM 12:00–17:00, EVE after. */
const DAY_PART_MINUTES: Readonly<Record<DayPart, readonly [number, number]>> = {
  AM: [0, 12 * 60],
  PM: [12 * 60, 17 * 60],
  EVE: [17 * 60, 24 * 60],
};

const DAY_PART_WORDS: Readonly<Record<DayPart, string>> = { AM: "mornings", PM: "afternoons", EVE: "evenings" };

/** The parts of the day a session touches. */
export function dayPartsOf(startTime: TimeOfDay, endTime: TimeOfDay): DayPart[] {
  const start = minutesSinceMidnight(startTime);
  const end = minutesSinceMidnight(endTime);
  return DAY_PARTS.filter((part) => start < DAY_PART_MINUTES[part][1] && DAY_PART_MINUTES[part][0] < end);
}

// R10
/**
 * One warning when the session falls on a day or part of the day the person is not
 * recorded as available. No availability recorded → no warning (nothing to clash with).
 * `commitments` are the assessment's free-text employment, caring and religious notes.
 */
export function availabilityClash(input: {
  availability: Availability | null | undefined;
  sessionDate: IsoDate;
  startTime: TimeOfDay;
  endTime: TimeOfDay;
  commitments?: { employment?: string | null; caringDuties?: string | null; religiousObservance?: string | null };
}): RuleWarning | null {
  if (!input.availability) return null;
  const dow = dayOfWeek(input.sessionDate);
  const available = new Set(input.availability[WEEKDAY_KEYS[dow] as WeekdayKey] ?? []);
  const missing = dayPartsOf(input.startTime, input.endTime).filter((part) => !available.has(part));
  if (missing.length === 0) return null;
  const notes = [
    input.commitments?.employment && `work: ${input.commitments.employment}`,
    input.commitments?.caringDuties && `caring: ${input.commitments.caringDuties}`,
    input.commitments?.religiousObservance && `religious observance: ${input.commitments.religiousObservance}`,
  ].filter((n): n is string => Boolean(n));
  const when = missing.map((part) => `${dayName(dow)} ${DAY_PART_WORDS[part]}`).join(" or ");
  return {
    code: "AVAILABILITY_CLASH",
    message: `Their assessment does not show them as available on ${when}.${notes.length ? ` Recorded commitments – ${notes.join("; ")}.` : ""}`,
    details: { dayOfWeek: dow, unavailableParts: missing },
  };
}

// Times of day 'HH:MM' (24-hour clock, local London time) as sessions and attendance use
// them (docs/api.md). Sessions never cross midnight, so minutes since midnight are enough.

/** 'HH:MM', 00:00–23:59. */
export type TimeOfDay = string;

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(s: unknown): s is TimeOfDay {
  return typeof s === "string" && TIME_PATTERN.test(s);
}

/** Minutes since midnight; throws a RangeError for anything but a valid 'HH:MM'. */
export function minutesSinceMidnight(t: TimeOfDay): number {
  const match = TIME_PATTERN.exec(t);
  if (!match) throw new RangeError(`"${t}" is not a time of day in the form HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function timeOfDayFromMinutes(minutes: number): TimeOfDay {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) {
    throw new RangeError(`${minutes} minutes is not a time of day`);
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** to − from in minutes (negative when `to` is earlier). */
export function minutesBetweenTimes(from: TimeOfDay, to: TimeOfDay): number {
  return minutesSinceMidnight(to) - minutesSinceMidnight(from);
}

/** Half-open intervals [start, end): a session ending at 12:00 does not clash with one starting at 12:00. */
export function timesOverlap(
  a: { startTime: TimeOfDay; endTime: TimeOfDay },
  b: { startTime: TimeOfDay; endTime: TimeOfDay },
): boolean {
  return (
    minutesSinceMidnight(a.startTime) < minutesSinceMidnight(b.endTime) &&
    minutesSinceMidnight(b.startTime) < minutesSinceMidnight(a.endTime)
  );
}

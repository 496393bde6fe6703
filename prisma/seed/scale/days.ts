// Calendar days as integers (days since 1970-01-01) for the scale generator: millions of
// date steps are cheap as integer sums, and each day's ISO string is formatted once.
// The rule dates themselves (12-month end, start deadline, reviews) still come from the
// domain functions on ISO dates; this only converts.
import type { IsoDate } from "@/domain/dates";

const MS_PER_DAY = 86_400_000;

export type DayNumber = number;

export function dayNumber(iso: IsoDate): DayNumber {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

const isoCache = new Map<DayNumber, IsoDate>();

export function isoOf(day: DayNumber): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** 0 = Sunday … 6 = Saturday (1 Jan 1970 was a Thursday). */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

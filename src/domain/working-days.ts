// Working days (docs/domain.md §3): Monday–Friday that is not an England & Wales bank holiday.
// The calendar is an argument because administrators add bank holidays at run time.

import { addDays, isWeekend, type IsoDate } from "./dates";
import type { BankHolidayCalendar } from "./bank-holidays";

export function isWorkingDay(d: IsoDate, calendar: BankHolidayCalendar): boolean {
  return !isWeekend(d) && !calendar.has(d);
}

/**
 * The n-th working day after d, counting from the day after d (docs/domain.md §3), so d itself
 * never counts even when it is a working day. n = 0 returns d unchanged.
 */
export function addWorkingDays(d: IsoDate, n: number, calendar: BankHolidayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days to add must be a whole number ≥ 0, got ${n}`);
  let date = d;
  let remaining = n;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) remaining--;
  }
  return date;
}

/** The first working day on or after d. */
export function nextWorkingDayOnOrAfter(d: IsoDate, calendar: BankHolidayCalendar): IsoDate {
  let date = d;
  while (!isWorkingDay(date, calendar)) date = addDays(date, 1);
  return date;
}

/**
 * Working days in (a, b] — after a, up to and including b — so that
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when b is before a.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, calendar: BankHolidayCalendar): number {
  if (b < a) return -workingDaysBetween(b, a, calendar);
  let count = 0;
  for (let date = addDays(a, 1); date <= b; date = addDays(date, 1)) {
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}

// Calendar dates for the rules of docs/domain.md §3.
//
// Every date in this product is a calendar date in Europe/London, written 'YYYY-MM-DD'.
// Arithmetic is done on whole UTC days (a day number since 1970-01-01), never on local
// Date objects, so neither the server's time zone nor a BST/GMT change can move a date.

/** A calendar date in Europe/London, 'YYYY-MM-DD'. Validate input with `parseIsoDate`. */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function partsIfValid(s: unknown): DateParts | null {
  if (typeof s !== "string") return null;
  const match = ISO_DATE_PATTERN.exec(s);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function partsOf(d: IsoDate): DateParts {
  const parts = partsIfValid(d);
  if (!parts) throw new RangeError(`"${String(d)}" is not a real calendar date in the form YYYY-MM-DD`);
  return parts;
}

function fromParts({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole days since 1970-01-01 (negative before). setUTCFullYear avoids Date.UTC's 0–99 → 1900s quirk. */
function dayNumber(d: IsoDate): number {
  const { year, month, day } = partsOf(d);
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  return fromParts({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

/** True for a real calendar date written 'YYYY-MM-DD' (so 2023-02-29 is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  return partsIfValid(s) !== null;
}

/** Returns the date unchanged, or throws a RangeError for a malformed or impossible date. */
export function parseIsoDate(s: string): IsoDate {
  return fromParts(partsOf(s));
}

export function addDays(d: IsoDate, n: number): IsoDate {
  requireInteger(n, "Number of days");
  return fromDayNumber(dayNumber(d) + n);
}

/**
 * Adds calendar months, keeping the day of the month and clamping to the month's last day
 * when it is shorter: 31 Jan + 1 month = 28/29 Feb, 29 Feb 2024 + 12 months = 28 Feb 2025
 * (docs/domain.md §3: "29 Feb → 28 Feb").
 */
export function addCalendarMonths(d: IsoDate, n: number): IsoDate {
  requireInteger(n, "Number of months");
  const { year, month, day } = partsOf(d);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return fromParts({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** b − a in days: daysBetween('2025-01-01', '2025-01-02') === 1. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** -1, 0 or 1. 'YYYY-MM-DD' strings sort as dates, so this needs no parsing. */
export function compareIsoDate(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((latest, d) => (d > latest ? d : latest), first);
}

export function minIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((earliest, d) => (d < earliest ? d : earliest), first);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(d: IsoDate): DayOfWeek {
  return ((((dayNumber(d) + 4) % 7) + 7) % 7) as DayOfWeek;
}

export function isWeekend(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

/** The Monday on or before d (weeks run Monday–Sunday in UK government reporting). */
export function startOfWeek(d: IsoDate): IsoDate {
  return addDays(d, -((dayOfWeek(d) + 6) % 7));
}

// Marked pure so a bundle that never reads a London date (the supervisor's roster) can leave it out.
const londonDateFormat = /* @__PURE__ */ new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in London at an instant: 23:30 UTC on a BST evening is already tomorrow. */
export function isoDateInLondon(instant: Date): IsoDate {
  const parts = londonDateFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return fromParts({ year: part("year"), month: part("month"), day: part("day") });
}

/** Today's date in Europe/London. Pass `now` in tests; the default reads the clock. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  return isoDateInLondon(now);
}

/** For a PostgreSQL `date` read by Prisma (a Date at UTC midnight): its calendar date. */
export function isoDateFromUtcDate(date: Date): IsoDate {
  return fromParts({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** For writing a PostgreSQL `date` through Prisma: the date at UTC midnight. */
export function utcDateFromIsoDate(d: IsoDate): Date {
  return new Date(dayNumber(d) * MS_PER_DAY);
}

/**
 * Whole years from a to b (negative if b is before a). Someone born on 29 February
 * turns a year older on 1 March in a common year, the usual reading in England & Wales.
 */
export function yearsBetween(a: IsoDate, b: IsoDate): number {
  if (b < a) return -yearsBetween(b, a);
  const from = partsOf(a);
  const to = partsOf(b);
  const years = to.year - from.year;
  const beforeAnniversary = to.month < from.month || (to.month === from.month && to.day < from.day);
  return beforeAnniversary ? years - 1 : years;
}

/** Age in whole years on a date (dashboards split breach rates at under 25 / 25+). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  return yearsBetween(dateOfBirth, on);
}

// England & Wales bank holidays (docs/domain.md §3), computed from the Banking and Financial
// Dealings Act 1971 pattern plus the one-off changes made by royal proclamation.
//
// The shipped list (bank-holidays-data.ts) is generated from these rules and checked
// against them by a test. At run time administrators can add dates (a new proclamation),
// so working-day functions take a `BankHolidayCalendar` argument instead of importing data.

import { addDays, dayOfWeek, daysInMonth, isWeekend, parseIsoDate, type IsoDate } from "./dates";
import { BANK_HOLIDAYS_2015_2030 } from "./bank-holidays-data";

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/** The set of bank holiday dates a working-day calculation should skip. */
export type BankHolidayCalendar = ReadonlySet<IsoDate>;

/** The early May bank holiday began in 1978; before that the pattern differs. */
const FIRST_SUPPORTED_YEAR = 1978;

type Exception =
  { kind: "moved"; from: IsoDate; to: IsoDate; name: string } | { kind: "added"; date: IsoDate; name: string };

/** One-off changes by royal proclamation. The 2020–2023 ones are those listed in docs/domain.md §3. */
const EXCEPTIONS: readonly Exception[] = [
  { kind: "moved", from: "1995-05-01", to: "1995-05-08", name: "Early May bank holiday (VE day)" },
  { kind: "added", date: "1999-12-31", name: "Millennium celebrations" },
  { kind: "moved", from: "2002-05-27", to: "2002-06-04", name: "Spring bank holiday" },
  { kind: "added", date: "2002-06-03", name: "Golden Jubilee bank holiday" },
  { kind: "added", date: "2011-04-29", name: "Royal wedding" },
  { kind: "moved", from: "2012-05-28", to: "2012-06-04", name: "Spring bank holiday" },
  { kind: "added", date: "2012-06-05", name: "Diamond Jubilee bank holiday" },
  { kind: "moved", from: "2020-05-04", to: "2020-05-08", name: "Early May bank holiday (VE day)" },
  { kind: "moved", from: "2022-05-30", to: "2022-06-02", name: "Spring bank holiday" },
  { kind: "added", date: "2022-06-03", name: "Platinum Jubilee bank holiday" },
  { kind: "added", date: "2022-09-19", name: "Bank holiday for the State Funeral of Queen Elizabeth II" },
  { kind: "added", date: "2023-05-08", name: "Bank holiday for the coronation of King Charles III" },
];

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDate(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = isoDate(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

function holidaysByRule(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  // Monday and Easter holidays never fall on a weekend, so they are placed first.
  const holidays: BankHoliday[] = [
    { date: addDays(easter, -2), name: "Good Friday" },
    { date: addDays(easter, 1), name: "Easter Monday" },
    { date: firstMonday(year, 5), name: "Early May bank holiday" },
    { date: lastMonday(year, 5), name: "Spring bank holiday" },
    { date: lastMonday(year, 8), name: "Summer bank holiday" },
  ];
  const fixed: BankHoliday[] = [
    { date: isoDate(year, 1, 1), name: "New Year’s Day" },
    { date: isoDate(year, 12, 25), name: "Christmas Day" },
    { date: isoDate(year, 12, 26), name: "Boxing Day" },
  ];
  // A fixed holiday on a weekday keeps its date; then each one on a weekend moves, in
  // date order, to the next weekday not already a holiday. So Christmas on a Sunday gives
  // Boxing Day Mon 26 and Christmas (substitute) Tue 27, as GOV.UK lists them.
  holidays.push(...fixed.filter((h) => !isWeekend(h.date)));
  const taken = new Set(holidays.map((h) => h.date));
  for (const holiday of fixed.filter((h) => isWeekend(h.date))) {
    let date = holiday.date;
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    holidays.push({ date, name: `${holiday.name} (substitute day)` });
  }
  return holidays;
}

function applyExceptions(year: number, holidays: BankHoliday[]): BankHoliday[] {
  let result = holidays;
  for (const exception of EXCEPTIONS) {
    if (exception.kind === "moved" && exception.from.startsWith(`${year}-`)) {
      if (!result.some((h) => h.date === exception.from)) {
        throw new Error(`Bank holiday exception moves ${exception.from}, which the rules do not produce`);
      }
      result = result.map((h) => (h.date === exception.from ? { date: exception.to, name: exception.name } : h));
    } else if (exception.kind === "added" && exception.date.startsWith(`${year}-`)) {
      result = [...result, { date: exception.date, name: exception.name }];
    }
  }
  return result;
}

/** England & Wales bank holidays for whole years fromYear…toYear, in date order. */
export function englandAndWalesBankHolidays(fromYear: number, toYear: number): BankHoliday[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Years must be whole numbers with fromYear ≤ toYear (got ${fromYear}–${toYear})`);
  }
  if (fromYear < FIRST_SUPPORTED_YEAR || toYear > 9999) {
    throw new RangeError(`Bank holidays can be computed for ${FIRST_SUPPORTED_YEAR}–9999 only`);
  }
  const all: BankHoliday[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    all.push(...applyExceptions(year, holidaysByRule(year)));
  }
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A calendar from dates (e.g. the BankHoliday table, shipped plus administrator-added). Throws on a bad date. */
export function calendarFrom(dates: Iterable<IsoDate>): BankHolidayCalendar {
  const calendar = new Set<IsoDate>();
  for (const d of dates) calendar.add(parseIsoDate(d));
  return calendar;
}

/** The shipped 2015–2030 dates, for seeds, tests and callers without database access. */
export const SHIPPED_BANK_HOLIDAY_CALENDAR: BankHolidayCalendar = calendarFrom(
  BANK_HOLIDAYS_2015_2030.map((h) => h.date),
);

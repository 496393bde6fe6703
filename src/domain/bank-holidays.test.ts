import { describe, expect, it } from "vitest";
import {
  calendarFrom,
  easterSunday,
  englandAndWalesBankHolidays,
  SHIPPED_BANK_HOLIDAY_CALENDAR,
} from "./bank-holidays";
import { BANK_HOLIDAYS_2015_2030 } from "./bank-holidays-data";
import { dayOfWeek, isWeekend } from "./dates";

// GOV.UK's published England & Wales dates, typed in by hand as an independent check.
const GOV_UK: Record<number, string[]> = {
  2015: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
  2016: ["01-01", "03-25", "03-28", "05-02", "05-30", "08-29", "12-26", "12-27"],
  2017: ["01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
  2018: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
  2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
  2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
  2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
  2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
  2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
  2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
  2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
  2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
  2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
};

describe("englandAndWalesBankHolidays", () => {
  it.each(Object.entries(GOV_UK))("matches GOV.UK for %s", (year, days) => {
    const computed = englandAndWalesBankHolidays(Number(year), Number(year)).map((h) => h.date);
    expect(computed).toEqual(days.map((d) => `${year}-${d}`));
  });

  it("the shipped 2015–2030 list is exactly what the rules compute", () => {
    expect(BANK_HOLIDAYS_2015_2030).toEqual(englandAndWalesBankHolidays(2015, 2030));
  });

  it.each([
    ["2020-05-08", "Early May bank holiday moved to Friday 8 May 2020 (VE day)"],
    ["2022-06-02", "Spring bank holiday moved to Thursday 2 June 2022"],
    ["2022-06-03", "Platinum Jubilee, Friday 3 June 2022"],
    ["2022-09-19", "State Funeral of Queen Elizabeth II"],
    ["2023-05-08", "Coronation of King Charles III"],
    ["2021-12-27", "Christmas on a Saturday moves to Monday"],
    ["2021-12-28", "Boxing Day on a Sunday moves to Tuesday"],
    ["2022-12-26", "Boxing Day on Monday stays"],
    ["2022-12-27", "Christmas on a Sunday moves to Tuesday"],
    ["2024-03-29", "Good Friday 2024"],
    ["2024-04-01", "Easter Monday 2024"],
    ["2027-12-27", "Christmas 2027 (Saturday) substitute"],
    ["2027-12-28", "Boxing Day 2027 (Sunday) substitute"],
  ])("%s is a bank holiday (%s)", (date) => {
    expect(SHIPPED_BANK_HOLIDAY_CALENDAR.has(date)).toBe(true);
  });

  it.each([
    ["2020-05-04", "the usual early May Monday in 2020 was moved"],
    ["2022-05-30", "the usual spring Monday in 2022 was moved"],
    ["2021-12-25", "a Saturday is never itself the holiday"],
    ["2022-12-25", "a Sunday is never itself the holiday"],
  ])("%s is not a bank holiday (%s)", (date) => {
    expect(SHIPPED_BANK_HOLIDAY_CALENDAR.has(date)).toBe(false);
  });

  it("names substitute days", () => {
    const [christmas2022] = englandAndWalesBankHolidays(2022, 2022).filter((h) => h.date === "2022-12-27");
    expect(christmas2022?.name).toBe("Christmas Day (substitute day)");
  });

  it("never puts a holiday on a weekend and never lists a date twice", () => {
    const all = englandAndWalesBankHolidays(1978, 2100);
    expect(all.filter((h) => isWeekend(h.date))).toEqual([]);
    expect(new Set(all.map((h) => h.date)).size).toBe(all.length);
  });

  it("has 8 holidays in an ordinary year", () => {
    expect(englandAndWalesBankHolidays(2029, 2029)).toHaveLength(8);
  });

  it("refuses reversed or unsupported years", () => {
    expect(() => englandAndWalesBankHolidays(2026, 2025)).toThrow(RangeError);
    expect(() => englandAndWalesBankHolidays(1970, 1971)).toThrow(RangeError);
  });
});

describe("easterSunday (Gregorian)", () => {
  it.each([
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("%i → %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(dayOfWeek(date)).toBe(0);
  });
});

describe("calendarFrom", () => {
  it("adds dates an administrator enters and rejects impossible ones", () => {
    const calendar = calendarFrom([...SHIPPED_BANK_HOLIDAY_CALENDAR, "2031-05-09"]);
    expect(calendar.has("2031-05-09")).toBe(true);
    expect(() => calendarFrom(["2023-02-29"])).toThrow(RangeError);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFrom, SHIPPED_BANK_HOLIDAY_CALENDAR } from "./bank-holidays";
import { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, workingDaysBetween } from "./working-days";
import { shippedYearsDateArb } from "./test-arbitraries";

const cal = SHIPPED_BANK_HOLIDAY_CALENDAR;

describe("isWorkingDay", () => {
  it.each([
    ["2025-12-19", true], // Friday
    ["2025-12-20", false], // Saturday
    ["2025-12-21", false], // Sunday
    ["2025-12-25", false], // Christmas
    ["2022-09-19", false], // State Funeral
    ["2023-05-08", false], // Coronation
    ["2020-05-04", true], // the usual early May Monday that 2020 moved
  ])("%s → %s", (d, expected) => {
    expect(isWorkingDay(d, cal)).toBe(expected);
  });

  it("honours a date an administrator adds", () => {
    expect(isWorkingDay("2031-05-09", cal)).toBe(true);
    expect(isWorkingDay("2031-05-09", calendarFrom([...cal, "2031-05-09"]))).toBe(false);
  });
});

describe("addWorkingDays counts from the day after", () => {
  it.each([
    ["Friday counts from Monday", "2025-06-06", 1, "2025-06-09"],
    ["a working day itself never counts", "2025-06-09", 1, "2025-06-10"],
    ["Saturday counts from Monday", "2025-06-07", 1, "2025-06-09"],
    ["Thursday before Easter skips Good Friday and Easter Monday", "2024-03-28", 1, "2024-04-02"],
    ["Friday before Christmas 2025 skips 25 and 26 December", "2025-12-19", 5, "2025-12-30"],
    ["zero days is the date itself", "2025-12-20", 0, "2025-12-20"],
  ])("%s: %s + %i = %s", (_, d, n, expected) => {
    expect(addWorkingDays(d, n, cal)).toBe(expected);
  });

  it("refuses negative or fractional counts", () => {
    expect(() => addWorkingDays("2025-01-01", -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-01-01", 1.5, cal)).toThrow(RangeError);
  });

  it("always lands on a working day, n working days later", () => {
    fc.assert(
      fc.property(shippedYearsDateArb, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const result = addWorkingDays(d, n, cal);
        expect(isWorkingDay(result, cal)).toBe(true);
        expect(workingDaysBetween(d, result, cal)).toBe(n);
      }),
    );
  });
});

describe("workingDaysBetween", () => {
  it("counts (a, b]", () => {
    expect(workingDaysBetween("2025-12-19", "2025-12-31", cal)).toBe(6);
    expect(workingDaysBetween("2025-12-31", "2025-12-19", cal)).toBe(-6);
    expect(workingDaysBetween("2025-12-19", "2025-12-19", cal)).toBe(0);
  });
});

describe("nextWorkingDayOnOrAfter", () => {
  it("moves past weekends and holidays", () => {
    expect(nextWorkingDayOnOrAfter("2025-12-25", cal)).toBe("2025-12-29");
    expect(nextWorkingDayOnOrAfter("2025-12-29", cal)).toBe("2025-12-29");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarMonths,
  addDays,
  ageOn,
  compareIsoDate,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isoDateFromUtcDate,
  maxIsoDate,
  minIsoDate,
  parseIsoDate,
  startOfWeek,
  todayInLondon,
  utcDateFromIsoDate,
  yearsBetween,
} from "./dates";
import { isoDateArb } from "./test-arbitraries";

describe("isIsoDate / parseIsoDate", () => {
  it.each(["2024-02-29", "2025-12-31", "2000-02-29", "1999-01-01"])("accepts the real date %s", (d) => {
    expect(isIsoDate(d)).toBe(true);
    expect(parseIsoDate(d)).toBe(d);
  });

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-1-5",
    "25-01-01",
    "2025-01-01T00:00",
    "",
    "2025-02-30",
  ])("refuses %j, which is not a real YYYY-MM-DD date", (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(() => parseIsoDate(d)).toThrow(RangeError);
  });

  it("refuses non-strings", () => {
    expect(isIsoDate(20250101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe("addDays and daysBetween", () => {
  it.each([
    ["2025-12-31", 1, "2026-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2025-03-30", 1, "2025-03-31"], // the day the clocks go forward does not lose a date
    ["2025-10-26", -1, "2025-10-25"], // nor the day they go back
    ["2025-01-01", -1, "2024-12-31"],
  ])("%s + %i day = %s", (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
  });

  it("refuses fractions of a day", () => {
    expect(() => addDays("2025-01-01", 0.5)).toThrow(RangeError);
  });

  it("daysBetween is the inverse of addDays", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => daysBetween(d, addDays(d, n)) === n),
    );
  });
});

describe("addCalendarMonths", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2025-01-31", 12, "2026-01-31"],
    ["2025-11-30", 3, "2026-02-28"],
    ["2025-08-31", 1, "2025-09-30"],
    ["2025-12-19", 12, "2026-12-19"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-01-15", -13, "2023-12-15"],
  ])("%s + %i months = %s", (d, n, expected) => {
    expect(addCalendarMonths(d, n)).toBe(expected);
  });

  it("never overflows into the following month, and keeps the day when it exists", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -120, max: 120 }), (d, n) => {
        const result = addCalendarMonths(d, n);
        const [y, m, day] = d.split("-").map(Number) as [number, number, number];
        const [ry, rm, rday] = result.split("-").map(Number) as [number, number, number];
        const expectedIndex = y * 12 + (m - 1) + n;
        expect(ry * 12 + (rm - 1)).toBe(expectedIndex);
        expect(rday).toBe(Math.min(day, daysInMonth(ry, rm)));
      }),
    );
  });
});

describe("comparisons", () => {
  it("orders dates", () => {
    expect(compareIsoDate("2025-01-02", "2025-01-10")).toBe(-1);
    expect(compareIsoDate("2025-01-10", "2025-01-10")).toBe(0);
    expect(compareIsoDate("2026-01-01", "2025-12-31")).toBe(1);
    expect(maxIsoDate("2025-03-01", "2026-01-01", "2025-12-31")).toBe("2026-01-01");
    expect(minIsoDate("2025-03-01", "2026-01-01", "2025-02-28")).toBe("2025-02-28");
  });

  it("agrees with daysBetween", () => {
    fc.assert(
      fc.property(isoDateArb, isoDateArb, (a, b) => compareIsoDate(a, b) === -Math.sign(daysBetween(a, b)) + 0),
    );
  });
});

describe("dayOfWeek and startOfWeek", () => {
  it.each([
    ["2025-12-19", 5], // Friday
    ["2025-12-25", 4], // Thursday
    ["2024-03-28", 4],
    ["2026-12-18", 5],
    ["2000-01-01", 6],
    ["1970-01-01", 4],
    ["2027-12-26", 0],
  ])("%s is day %i", (d, dow) => {
    expect(dayOfWeek(d)).toBe(dow);
  });

  it("matches the JavaScript UTC weekday", () => {
    fc.assert(fc.property(isoDateArb, (d) => dayOfWeek(d) === new Date(`${d}T00:00:00Z`).getUTCDay()));
  });

  it("starts weeks on Monday", () => {
    expect(startOfWeek("2025-12-19")).toBe("2025-12-15");
    expect(startOfWeek("2025-12-21")).toBe("2025-12-15");
    expect(startOfWeek("2025-12-15")).toBe("2025-12-15");
  });
});

describe("todayInLondon", () => {
  it("on a summer (BST) evening, 23:30 UTC is already the next day in London", () => {
    expect(todayInLondon(new Date("2025-06-30T23:30:00Z"))).toBe("2025-07-01");
  });

  it("in winter (GMT) London and UTC agree", () => {
    expect(todayInLondon(new Date("2025-12-31T23:30:00Z"))).toBe("2025-12-31");
    expect(todayInLondon(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01");
  });

  it("handles the night the clocks change", () => {
    expect(todayInLondon(new Date("2025-03-29T23:59:00Z"))).toBe("2025-03-29"); // still GMT
    expect(todayInLondon(new Date("2025-10-25T23:30:00Z"))).toBe("2025-10-26"); // 00:30 BST
  });

  it("defaults to the clock", () => {
    expect(isIsoDate(todayInLondon())).toBe(true);
  });
});

describe("PostgreSQL date round trip", () => {
  it("a date written at UTC midnight reads back as the same date", () => {
    fc.assert(fc.property(isoDateArb, (d) => isoDateFromUtcDate(utcDateFromIsoDate(d)) === d));
  });
});

describe("yearsBetween / ageOn", () => {
  it.each([
    ["2001-06-15", "2026-06-14", 24],
    ["2001-06-15", "2026-06-15", 25],
    ["2000-02-29", "2025-02-28", 24], // a leap-day birthday falls on 1 March in a common year
    ["2000-02-29", "2025-03-01", 25],
    ["2000-02-29", "2024-02-29", 24],
  ])("born %s, on %s aged %i", (dob, on, age) => {
    expect(ageOn(dob, on)).toBe(age);
  });

  it("is negative the other way round", () => {
    expect(yearsBetween("2026-01-01", "2020-01-01")).toBe(-6);
  });
});

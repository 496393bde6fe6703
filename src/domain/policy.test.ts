import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, isTwelveMonthPeriodAbolished, POLICY_HISTORY, policyOn } from "./policy";

describe("policyOn", () => {
  it("holds every number of docs/domain.md §4 as the law now stands", () => {
    expect(policyOn("2026-01-15")).toMatchObject({
      startWorkingDays: 15,
      twelveMonths: 12,
      eteCapPercent: 30,
      dormantDays: 28,
      overSubscriptionPercent: 120,
      acceptedAbsencesBeforeApproval: 2,
      minHours: 40,
      maxHours: 300,
      minHoursAddedOnBreachWhenNoUpw: 20,
      warningLookbackMonths: 12,
      nearingEndWeeks: 8,
      redWeeks: 4,
      reviewMonths: [6, 9],
      twelveMonthPeriodAbolishedFrom: null,
    });
  });

  it("a law change is a dated entry: the new value applies from its date only", () => {
    const entries = [{ appliesFrom: "2027-04-01", source: "test change", values: { eteCapPercent: 40 } }];
    expect(policyOn("2027-03-31", { entries }).eteCapPercent).toBe(30);
    expect(policyOn("2027-04-01", { entries }).eteCapPercent).toBe(40);
    expect(policyOn("2027-04-01", { entries }).startWorkingDays).toBe(15);
  });

  it("applies a region's over-subscription limit", () => {
    expect(policyOn("2026-01-15", { overSubscriptionPercent: 110 }).overSubscriptionPercent).toBe(110);
  });

  it("dates before the first entry use the first entry", () => {
    expect(policyOn("1999-01-01")).toEqual(DEFAULT_POLICY);
  });

  it("refuses an impossible date", () => {
    expect(() => policyOn("2023-02-29")).toThrow(RangeError);
  });

  it("every entry names its source", () => {
    for (const entry of POLICY_HISTORY) expect(entry.source.length).toBeGreaterThan(0);
  });
});

describe("isTwelveMonthPeriodAbolished (Sentencing Act 2026 s.36)", () => {
  it("is false until an administrator sets the date", () => {
    expect(isTwelveMonthPeriodAbolished("2030-01-01", policyOn("2030-01-01"))).toBe(false);
  });

  it("applies from the date set, not before", () => {
    const overrides = { twelveMonthPeriodAbolishedFrom: "2026-09-01" };
    expect(isTwelveMonthPeriodAbolished("2026-08-31", policyOn("2026-08-31", overrides))).toBe(false);
    expect(isTwelveMonthPeriodAbolished("2026-09-01", policyOn("2026-09-01", overrides))).toBe(true);
  });
});

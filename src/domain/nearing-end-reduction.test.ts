import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { calendarFrom } from "./bank-holidays";
import { deriveRequirementStatus, type RequirementFacts } from "./requirement-status";

// Nearing end with an earned reduction (s.37; docs/decisions/0069-nearing-end-with-earned-reduction.md):
// the hours outstanding are the hours required NOW — ordered less a confirmed reduction — less
// the hours credited; a proposed reduction changes nothing; reaching the reduced requirement completes
// the work, so it is no longer nearing its end. The SQL figure (src/server/queries/predicates/nearing-end.ts)
// mirrors this; tests/integration/predicate-parity.test.ts proves it.
const calendar = calendarFrom([]);
const weekly = (from: string, count: number, minutes: number) =>
  Array.from({ length: count }, (_, i) => ({
    date: addDays(from, i * 7),
    outcome: "ATTENDED_COMPLIED" as const,
    minutesCredited: minutes,
  }));
// 100 h ordered, sentenced 10 April 2025 (12-month end 10 April 2026); 70 h worked from January 2026.
const facts = (over: Partial<RequirementFacts> = {}): RequirementFacts => ({
  sentenceDate: "2025-04-10",
  hoursOrdered: 100,
  status: "ACTIVE",
  eteEligible: false,
  attendances: weekly("2026-01-05", 10, 420),
  eteCredits: [],
  extensions: [],
  enforcementActions: [],
  ...over,
});
const confirmed = { earnedReductionDecisions: [{ decision: "CONFIRMED" as const, decidedOn: "2026-03-16" }] };
const s37 = { earnedReductionFrom: "2026-01-01" };

describe("nearing end with an earned reduction", () => {
  it("confirmed: 22 h 30 min off (77 h 30 min required), so 7 h 30 min outstanding, not 30 h", () => {
    const view = deriveRequirementStatus(facts(confirmed), "2026-03-31", { calendar, overrides: s37 });
    expect(view).toMatchObject({
      requiredMinutes: 4650,
      outstandingMinutes: 450,
      nearingEnd: true,
      rag: "RED",
      status: "ACTIVE",
    });
  });
  it("proposed only: the hours outstanding stay as ordered", () => {
    const view = deriveRequirementStatus(facts(), "2026-03-31", { calendar, overrides: s37 });
    expect(view).toMatchObject({ requiredMinutes: 6000, outstandingMinutes: 1800, nearingEnd: true });
  });
  it("before s.37's commencement a confirmation changes nothing", () => {
    const view = deriveRequirementStatus(facts(confirmed), "2026-03-31", { calendar, overrides: {} });
    expect(view).toMatchObject({ requiredMinutes: 6000, outstandingMinutes: 1800, nearingEnd: true });
  });
  it("the window opens 8 weeks before the end date, to the day", () => {
    expect(deriveRequirementStatus(facts(confirmed), "2026-02-12", { calendar, overrides: s37 }).nearingEnd).toBe(
      false,
    );
    expect(deriveRequirementStatus(facts(confirmed), "2026-02-13", { calendar, overrides: s37 }).nearingEnd).toBe(true);
  });
  it("reaching the reduced requirement completes the work: no longer nearing its end", () => {
    const view = deriveRequirementStatus(
      facts({ ...confirmed, attendances: weekly("2026-01-05", 11, 480) }),
      "2026-03-31",
      { calendar, overrides: s37 },
    );
    expect(view).toMatchObject({ outstandingMinutes: 0, status: "COMPLETED", nearingEnd: false });
  });
  it("from s.36's commencement there is no end date to near, reduction or not", () => {
    const overrides = { ...s37, twelveMonthPeriodAbolishedFrom: "2026-04-01" };
    expect(deriveRequirementStatus(facts(confirmed), "2026-03-31", { calendar, overrides }).nearingEnd).toBe(true);
    expect(deriveRequirementStatus(facts(confirmed), "2026-04-01", { calendar, overrides }).nearingEnd).toBe(false);
  });
});

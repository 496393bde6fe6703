import { describe, expect, it } from "vitest";
import { SHIPPED_BANK_HOLIDAY_CALENDAR as calendar } from "./bank-holidays";
import { checkConcurrentEteCap, concurrentCreditsFor, countsForConcurrent } from "./concurrent-crediting";
import { outstandingAcrossRequirements, warnWhenOutstandingOver300 } from "./hours";
import { deriveRequirementStatus, type RequirementFacts } from "./requirement-status";

// Two orders made on one occasion, the second to run concurrently with the first (decision 0049).
// A: 40 hours sentenced Mon 5 Jan 2026. B: 60 hours sentenced Mon 12 Jan 2026.
const worked = (date: string, minutes: number) => ({
  date,
  outcome: "ATTENDED_COMPLIED" as const,
  minutesCredited: minutes,
});
const base = (sentenceDate: string, hoursOrdered: number): RequirementFacts => ({
  sentenceDate,
  hoursOrdered,
  status: "ACTIVE",
  eteEligible: true,
  attendances: [],
  eteCredits: [],
  extensions: [],
  enforcementActions: [],
});

describe("countsForConcurrent", () => {
  const b = { sentenceDate: "2026-01-12", status: "ACTIVE" as const };
  it("a partner's credit the day before the sentence date does not count; on it, it does", () => {
    expect(countsForConcurrent("2026-01-11", b)).toBe(false);
    expect(countsForConcurrent("2026-01-12", b)).toBe(true);
  });
  it("a terminated requirement takes nothing dated after it ended (the day itself still counts)", () => {
    const ended = { sentenceDate: "2026-01-12", status: "TERMINATED" as const, closedOn: "2026-03-01" };
    expect(countsForConcurrent("2026-03-01", ended)).toBe(true);
    expect(countsForConcurrent("2026-03-02", ended)).toBe(false);
  });
});

describe("a concurrent pair credits both", () => {
  const aCredits = {
    attendances: [
      worked("2026-01-10", 420),
      worked("2026-01-12", 420),
      { ...worked("2026-01-13", 0), outcome: "UNACCEPTABLE_ABSENCE" as const },
    ],
    eteCredits: [
      { date: "2026-01-11", minutes: 60 },
      { date: "2026-01-14", minutes: 90 },
    ],
  };

  it("takes only the partner's credits dated on or after its own sentence date", () => {
    const forB = concurrentCreditsFor({ sentenceDate: "2026-01-12", status: "ACTIVE" }, [aCredits]);
    expect(forB.attendances.map((a) => a.date)).toEqual(["2026-01-12"]);
    expect(forB.eteCredits).toEqual([{ date: "2026-01-14", minutes: 90 }]);
  });

  it("the partner's hours commence, credit and complete it, each capped at its own hours", () => {
    const a = { ...base("2026-01-05", 40), attendances: [worked("2026-01-12", 420)] };
    const b = base("2026-01-12", 60);
    // B's own sessions: 6 × 7 hours = 42 hours, all after both were sentenced.
    const bOwn = ["2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23"].map((d) =>
      worked(d, 420),
    );
    const bFacts = { ...b, attendances: bOwn, concurrentCredits: concurrentCreditsFor(b, [a]) };
    const aFacts = { ...a, concurrentCredits: concurrentCreditsFor(a, [{ attendances: bOwn, eteCredits: [] }]) };
    const aView = deriveRequirementStatus(aFacts, "2026-03-31", { calendar });
    const bView = deriveRequirementStatus(bFacts, "2026-03-31", { calendar });
    // A (40 h) completes first, on its sixth 7-hour day (42 h ≥ 40 h), capped at 40 h.
    expect(aView).toMatchObject({ status: "COMPLETED", minutesCredited: 2400, completedOn: "2026-02-16" });
    // B (60 h) has 49 hours: its own six days and A's day on its sentence date.
    expect(bView).toMatchObject({ status: "ACTIVE", minutesCredited: 2940, commencedOn: "2026-01-12" });
    expect(bView.outstandingMinutes).toBe(3600 - 2940);
  });

  it("a partner's credit before the sentence date neither credits nor commences it", () => {
    const b = base("2026-01-12", 60);
    const view = deriveRequirementStatus(
      {
        ...b,
        concurrentCredits: concurrentCreditsFor(b, [{ attendances: [worked("2026-01-11", 420)], eteCredits: [] }]),
      },
      "2026-01-31",
      { calendar },
    );
    expect(view).toMatchObject({ minutesCredited: 0, commencedOn: null });
  });

  it("the ETE it receives from the partner counts against its own allowance", () => {
    const b = base("2026-01-12", 60);
    const view = deriveRequirementStatus(
      { ...b, concurrentCredits: concurrentCreditsFor(b, [aCredits]) },
      "2026-01-31",
      { calendar },
    );
    expect(view).toMatchObject({ minutesEte: 90, eteAllowanceMinutes: 1080, eteRemainingMinutes: 990 });
  });

  it("a terminated partner takes nothing after it ended", () => {
    const b = { ...base("2026-01-12", 60), status: "TERMINATED" as const, closedOn: "2026-01-13" };
    const forB = concurrentCreditsFor(b, [aCredits]);
    expect(forB.attendances.map((a) => a.date)).toEqual(["2026-01-12"]);
    expect(forB.eteCredits).toEqual([]);
  });
});

describe("R6 across a concurrent pair (decision 0094)", () => {
  const partner = { sentenceDate: "2026-01-12", status: "ACTIVE" as const, hoursOrdered: 40, eteMinutesReceived: 600 };
  it("refuses an ETE credit that would take the partner past its 30 % allowance (720 minutes for 40 hours)", () => {
    expect(checkConcurrentEteCap({ date: "2026-01-20", newMinutes: 120, partner }).ok).toBe(true);
    const refused = checkConcurrentEteCap({ date: "2026-01-20", newMinutes: 121, partner });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.code).toBe("ETE_CAP_EXCEEDED");
  });
  it("does not judge the partner for a date that does not count for it, or once it is no longer active", () => {
    expect(checkConcurrentEteCap({ date: "2026-01-11", newMinutes: 500, partner }).ok).toBe(true);
    expect(
      checkConcurrentEteCap({ date: "2026-01-20", newMinutes: 500, partner: { ...partner, status: "COMPLETED" } }).ok,
    ).toBe(true);
  });
});

describe("R1 outstanding across orders: a concurrent pair once", () => {
  const req = (id: string, hours: number, credited: number, concurrentWithId: string | null = null) => ({
    id,
    concurrentWithId,
    status: "ACTIVE" as const,
    requiredMinutes: hours * 60,
    minutesCredited: credited * 60,
  });
  it("counts the larger remainder of the pair, plus any other order in full", () => {
    expect(outstandingAcrossRequirements([req("a", 200, 0), req("b", 150, 0, "a")])).toBe(200 * 60);
    expect(outstandingAcrossRequirements([req("a", 200, 100), req("b", 150, 0, "a"), req("c", 40, 0)])).toBe(190 * 60);
  });
  it("a pair of 200 and 150 hours is not over 300; two unrelated orders are", () => {
    expect(warnWhenOutstandingOver300([req("a", 200, 0), req("b", 150, 0, "a")])).toBeNull();
    expect(warnWhenOutstandingOver300([req("a", 200, 0), req("b", 150, 0)])?.code).toBe("OUTSTANDING_OVER_300_HOURS");
  });
  it("a completed partner no longer counts", () => {
    expect(
      outstandingAcrossRequirements([{ ...req("a", 200, 200), status: "COMPLETED" }, req("b", 250, 200, "a")]),
    ).toBe(50 * 60);
  });
});

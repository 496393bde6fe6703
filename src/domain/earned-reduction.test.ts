import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "./dates";
import { earnedReduction, qualifyingMinutes, type EarnedReductionInput } from "./earned-reduction";
import { policyOn } from "./policy";

// Sentencing Act 2026 s.37 (Sch 9 para 3A), commenced here on 1 June 2026.
const policy = policyOn("2026-06-01", { earnedReductionFrom: "2026-06-01" });
const H = 60;

/** Seven-hour days from 1 June 2026, one a day. */
function days(
  hours: number,
  from: IsoDate = "2026-06-01",
  minutesPerDay = 7 * H,
): { date: IsoDate; minutes: number }[] {
  const credits: { date: IsoDate; minutes: number }[] = [];
  let left = hours * H;
  for (let i = 0; left > 0; i++) {
    const minutes = Math.min(minutesPerDay, left);
    credits.push({ date: addDays(from, i), minutes });
    left -= minutes;
  }
  return credits;
}

const base = (over: Partial<EarnedReductionInput> = {}): EarnedReductionInput => ({
  asOf: "2026-12-01",
  hoursOrdered: 100,
  credits: [],
  failures: [],
  decision: null,
  ...over,
});

describe("Sch 9 para 3A earned reduction — the Act's example", () => {
  it("100 hours ordered: the qualifying amount is 25 hours", () => {
    expect(qualifyingMinutes(100, policy)).toBe(25 * H);
    expect(earnedReduction(base(), policy)).toMatchObject({ status: "NOT_YET_QUALIFIED", qualifyingMinutes: 25 * H });
  });

  it("after 36 hours worked the reduction is 5 h 30 min; in prospect 25 hours", () => {
    const r = earnedReduction(base({ credits: [{ date: "2026-06-01", minutes: 36 * H }] }), policy);
    expect(r.status).toBe("QUALIFIED");
    expect(r.currentMinutes).toBe(5 * H + 30);
    expect(r.projectedMinutes).toBe(25 * H);
  });

  it("the app only proposes: nothing comes off until the officer confirms", () => {
    const credits = [{ date: "2026-06-01", minutes: 36 * H }];
    expect(earnedReduction(base({ credits }), policy)).toMatchObject({ appliedMinutes: 0, minutesRequired: 100 * H });
    const confirmed = earnedReduction(
      base({ credits, decision: { decision: "CONFIRMED", decidedOn: "2026-06-02" } }),
      policy,
    );
    expect(confirmed).toMatchObject({
      appliedMinutes: 5 * H + 30,
      minutesRequired: 94 * H + 30,
      decision: "CONFIRMED",
    });
    const refused = earnedReduction(
      base({ credits, decision: { decision: "REFUSED", decidedOn: "2026-06-02" } }),
      policy,
    );
    expect(refused).toMatchObject({ appliedMinutes: 0, minutesRequired: 100 * H, decision: "REFUSED" });
  });

  it("at most 25 % off: the work is complete at 75 hours", () => {
    const decision = { decision: "CONFIRMED" as const, decidedOn: "2026-06-05" };
    const at74 = earnedReduction(base({ credits: days(74), decision }), policy);
    expect(at74.completedOn).toBeNull();
    expect(at74.minutesRequired).toBe(100 * H - 24 * H - 30);
    const at75 = earnedReduction(base({ credits: days(75), decision }), policy);
    expect(at75).toMatchObject({ currentMinutes: 25 * H, minutesRequired: 75 * H });
    expect(at75.completedOn).toBe(days(75).at(-1)?.date);
  });
});

describe("edge cases", () => {
  it("fractions of an hour: 41 hours → qualifying 10 h 15 min", () => {
    expect(qualifyingMinutes(41, policy)).toBe(10 * H + 15);
    const justShort = earnedReduction(
      base({ hoursOrdered: 41, credits: [{ date: "2026-06-01", minutes: 10 * H + 14 }] }),
      policy,
    );
    expect(justShort.status).toBe("NOT_YET_QUALIFIED");
    const reached = earnedReduction(
      base({ hoursOrdered: 41, credits: [{ date: "2026-06-01", minutes: 10 * H + 15 }] }),
      policy,
    );
    expect(reached).toMatchObject({ status: "QUALIFIED", qualifiedOn: "2026-06-01", currentMinutes: 0 });
  });

  it("only whole credit-earning hours count: 59 minutes past the qualifying amount earn nothing yet, 60 earn half an hour", () => {
    const at = (minutes: number) =>
      earnedReduction(base({ credits: [{ date: "2026-06-01", minutes: 25 * H + minutes }] }), policy).currentMinutes;
    expect(at(59)).toBe(0);
    expect(at(60)).toBe(30);
    expect(at(119)).toBe(30);
    expect(at(120)).toBe(60);
  });

  it("a failure to attend in the relevant period disqualifies; one after it does not", () => {
    const credits = days(36);
    const early = earnedReduction(
      base({ credits, failures: [{ date: "2026-06-02", kind: "FAILED_TO_ATTEND" }] }),
      policy,
    );
    expect(early).toMatchObject({
      status: "DISQUALIFIED",
      currentMinutes: 0,
      projectedMinutes: 0,
      minutesRequired: 100 * H,
    });
    const late = earnedReduction(
      base({ credits, failures: [{ date: "2026-06-05", kind: "FAILED_TO_ATTEND" }] }),
      policy,
    );
    expect(late.status).toBe("QUALIFIED"); // 25 h were reached on day 4 (7 + 7 + 7 + 7 = 28 h)
  });

  it("a failure dated the day the qualifying amount is reached counts as inside the relevant period", () => {
    const credits = days(28); // 25 h reached on the 4th day, 4 June
    const sameDay = earnedReduction(
      base({ credits, failures: [{ date: "2026-06-04", kind: "SENT_HOME_NOT_WORKING" }] }),
      policy,
    );
    expect(sameDay.status).toBe("DISQUALIFIED");
    expect(sameDay.disqualifyingFailure).toEqual({ date: "2026-06-04", kind: "SENT_HOME_NOT_WORKING" });
    const dayAfter = earnedReduction(
      base({ credits, failures: [{ date: "2026-06-05", kind: "SENT_HOME_NOT_WORKING" }] }),
      policy,
    );
    expect(dayAfter.status).toBe("QUALIFIED");
  });

  it("ETE time counts as hours worked, towards the qualifying amount and as credit-earning hours", () => {
    const work = [{ date: "2026-06-01", minutes: 20 * H }];
    const ete = [{ date: "2026-06-02", minutes: 16 * H }];
    expect(earnedReduction(base({ credits: [...work, ...ete] }), policy).currentMinutes).toBe(5 * H + 30);
  });

  it("hours added on breach raise the qualifying amount (it follows the hours ordered on the date)", () => {
    const credits = [{ date: "2026-06-01", minutes: 30 * H }];
    expect(earnedReduction(base({ hoursOrdered: 100, credits }), policy).status).toBe("QUALIFIED");
    const raised = earnedReduction(base({ hoursOrdered: 150, credits }), policy);
    expect(raised).toMatchObject({ status: "NOT_YET_QUALIFIED", qualifyingMinutes: 37 * H + 30 });
  });

  it("nothing before the commencement date: not in force, and the order's hours stand", () => {
    const notCommenced = policyOn("2026-06-01");
    expect(earnedReduction(base({ credits: days(50) }), notCommenced)).toMatchObject({
      status: "NOT_IN_FORCE",
      currentMinutes: 0,
      projectedMinutes: 0,
      minutesRequired: 100 * H,
    });
    expect(earnedReduction(base({ asOf: "2026-05-31", credits: days(50, "2026-04-01") }), policy).status).toBe(
      "NOT_IN_FORCE",
    );
  });

  it("hours worked before commencement count towards the qualifying amount but earn no credit", () => {
    const before = [{ date: "2026-05-20", minutes: 36 * H }];
    const r = earnedReduction(base({ credits: before }), policy);
    expect(r).toMatchObject({ status: "QUALIFIED", qualifiedOn: "2026-05-20", currentMinutes: 0 });
    const after = earnedReduction(base({ credits: [...before, { date: "2026-06-01", minutes: 2 * H }] }), policy);
    expect(after.currentMinutes).toBe(60);
  });

  it("a confirmation recorded after the work reached the reduced requirement completes on the decision date", () => {
    const credits = days(80);
    const r = earnedReduction(base({ credits, decision: { decision: "CONFIRMED", decidedOn: "2026-07-30" } }), policy);
    expect(r).toMatchObject({ currentMinutes: 25 * H, minutesRequired: 75 * H, completedOn: "2026-07-30" });
  });

  it("the percentages are dated policy values", () => {
    const later = policyOn("2027-01-01", {
      earnedReductionFrom: "2026-06-01",
      entries: [
        {
          appliesFrom: "2027-01-01",
          source: "test",
          values: { earnedReductionQualifyingPercent: 20, earnedReductionMinutesPerCreditHour: 60 },
        },
      ],
    });
    expect(qualifyingMinutes(100, later)).toBe(20 * H);
    const r = earnedReduction(base({ asOf: "2027-02-01", credits: [{ date: "2027-01-10", minutes: 30 * H }] }), later);
    expect(r.currentMinutes).toBe(10 * H);
  });
});

describe("properties", () => {
  const credit = fc.record({ day: fc.integer({ min: 0, max: 200 }), minutes: fc.integer({ min: 1, max: 480 }) });
  it("never more than the most in prospect, never past 25 % with the Act's figures, and grows with work", () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 300 }), fc.array(credit, { maxLength: 80 }), (hours, raw) => {
        const credits = raw.map((c) => ({ date: addDays("2026-06-01", c.day), minutes: c.minutes }));
        const r = earnedReduction(base({ hoursOrdered: hours, credits, asOf: "2027-06-01" }), policy);
        expect(r.currentMinutes).toBeLessThanOrEqual(r.projectedMinutes);
        expect(r.projectedMinutes).toBeLessThanOrEqual(Math.ceil(hours * 60 * 0.25));
        expect(r.currentMinutes % 30).toBe(0);
        const more = earnedReduction(
          base({ hoursOrdered: hours, credits: [...credits, { date: "2027-05-01", minutes: 60 }], asOf: "2027-06-01" }),
          policy,
        );
        expect(more.currentMinutes).toBeGreaterThanOrEqual(r.currentMinutes);
      }),
    );
  });
});

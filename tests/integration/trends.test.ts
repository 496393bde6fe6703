// Trends (src/server/queries/trends.ts) are computed from the history as it stood at each
// month end: a later extension, breach or completion must not change a past month's figure.
// A small known history in its own region; the figures are worked out by hand below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeSession,
  type TestCase,
  type TestRegion,
} from "../support/factories";
import { loadTrends, trendMonthEnds, type TrendScope } from "@/server/queries/trends";
import { utcDateFromIsoDate } from "@/domain/dates";

const AS_OF = "2026-08-15";
let region: TestRegion;
let scope: TrendScope;
let a: TestCase; // past its 12 months in February; extended in March, breached in April, completed in May
let c: TestCase; // one session worked on 20 February 2026
let d: TestCase; // completed within its 12 months

const point = <T extends { monthEnd: string }>(rows: T[], monthEnd: string): T => {
  const row = rows.find((r) => r.monthEnd === monthEnd);
  if (!row) throw new Error(`no point for ${monthEnd}`);
  return row;
};

beforeAll(async () => {
  region = await makeRegion();
  scope = { asOf: AS_OF, regionId: region.id, pduId: null, teamType: null };
  a = await makeCase(region, { sentenceDate: "2025-01-10" });
  await makeCase(region, { sentenceDate: "2025-06-01" }); // B: nothing ever recorded
  c = await makeCase(region, { sentenceDate: "2025-09-15" });
  d = await makeCase(region, {
    sentenceDate: "2025-03-01",
    status: "COMPLETED",
    hoursOrdered: 40,
    minutesCredited: 2400,
  });
  await testDb.requirement.update({
    where: { id: d.requirementId },
    data: { completedOn: utcDateFromIsoDate("2026-01-20") },
  });
  const placement = await makePlacement(region);
  const session = await makeSession(placement.id, { date: "2026-02-20" });
  const allocation = await makeAllocation(session.id, c.requirementId);
  await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 420 });
});

afterAll(() => testDb.$disconnect());

describe("trendMonthEnds", () => {
  it("gives the last 12 month ends on or before the date, oldest first", () => {
    expect(trendMonthEnds("2026-08-15")).toEqual([
      "2025-08-31",
      "2025-09-30",
      "2025-10-31",
      "2025-11-30",
      "2025-12-31",
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
    ]);
    expect(trendMonthEnds("2028-02-29").at(-1)).toBe("2028-02-29");
    expect(trendMonthEnds("2028-03-01").at(-1)).toBe("2028-02-29");
  });
});

describe("trends from the history as it stood at each month end", () => {
  it("counts February's backlog, dormant cases, hours and completion from what was recorded by then", async () => {
    const trends = await loadTrends(testDb, scope);
    expect(trends.monthEnds).toHaveLength(12);
    // 28 Feb 2026: A (12 months ended 10 Jan), B and C active; D completed in January.
    expect(point(trends.backlog, "2026-02-28")).toEqual({
      monthEnd: "2026-02-28",
      active: 3,
      backlog: 1,
      percent: 33.3,
    });
    // A and B had nothing in the 28 days up to 28 Feb; C worked on 20 Feb.
    expect(point(trends.dormant, "2026-02-28").dormant).toBe(2);
    // 420 minutes in February = 7 hours over 4 weeks.
    expect(point(trends.hours, "2026-02-28")).toEqual({
      monthEnd: "2026-02-28",
      minutes: 420,
      workMinutes: 420,
      eteMinutes: 0,
      hoursPerWeek: 1.8,
    });
    expect(point(trends.hours, "2026-03-31").minutes).toBe(0);
    // 31 Mar 2026: 12 months ended in the year before for A (10 Jan) and D (1 Mar); only D completed in time.
    expect(point(trends.completion, "2026-03-31")).toEqual({ monthEnd: "2026-03-31", cohort: 2, met: 1, percent: 50 });
    expect(point(trends.backlog, "2026-03-31").backlog).toBe(1);
  });

  it("keeps February's figures when a later extension, breach and completion are recorded, and moves the later months", async () => {
    const before = await loadTrends(testDb, scope);
    await testDb.extension.create({
      data: {
        requirementId: a.requirementId,
        grantedOn: utcDateFromIsoDate("2026-03-05"),
        newEndDate: utcDateFromIsoDate("2026-06-30"),
        court: "Test Magistrates' Court",
        reason: "More time needed",
      },
    });
    await testDb.enforcementAction.create({
      data: {
        requirementId: a.requirementId,
        orderId: a.orderId,
        type: "BREACH",
        date: utcDateFromIsoDate("2026-04-02"),
      },
    });
    await testDb.requirement.update({
      where: { id: a.requirementId },
      data: { status: "COMPLETED", completedOn: utcDateFromIsoDate("2026-05-20"), minutesCredited: 6000 },
    });
    const after = await loadTrends(testDb, scope);

    for (const monthEnd of ["2025-08-31", "2025-12-31", "2026-01-31", "2026-02-28"]) {
      expect(point(after.backlog, monthEnd)).toEqual(point(before.backlog, monthEnd));
      expect(point(after.dormant, monthEnd)).toEqual(point(before.dormant, monthEnd));
      expect(point(after.completion, monthEnd)).toEqual(point(before.completion, monthEnd));
    }
    expect(point(after.backlog, "2026-02-28").backlog).toBe(1);
    // March: the extension covers A. April: the extension and the open breach. May: A completed.
    expect(point(after.backlog, "2026-03-31")).toMatchObject({ active: 3, backlog: 0 });
    expect(point(after.backlog, "2026-04-30")).toMatchObject({ active: 3, backlog: 0 });
    expect(point(after.backlog, "2026-05-31")).toMatchObject({ active: 2, backlog: 0 });
    // July: B's 12 months ended on 1 June with nothing recorded.
    expect(point(after.backlog, "2026-07-31")).toEqual({ monthEnd: "2026-07-31", active: 2, backlog: 1, percent: 50 });
    // April: A is in breach (not dormant); B and C are.
    expect(point(after.dormant, "2026-04-30").dormant).toBe(2);
    // A completed after its 12 months: still not "in time".
    expect(point(after.completion, "2026-05-31")).toMatchObject({ cohort: 2, met: 1 });
  });

  it("filters by team type and PDU", async () => {
    const other = await loadTrends(testDb, { ...scope, teamType: "SENTENCE_MANAGEMENT" });
    expect(point(other.backlog, "2026-02-28")).toEqual({ monthEnd: "2026-02-28", active: 0, backlog: 0, percent: 0 });
    const pdu = await loadTrends(testDb, { ...scope, pduId: region.pduId });
    expect(point(pdu.hours, "2026-02-28").minutes).toBe(420);
  });
});

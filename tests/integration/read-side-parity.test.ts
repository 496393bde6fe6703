// One definition per figure: on a randomised (seeded) history in its own region, the dashboard
// figure, the trend point for the same month end and the case flags of every case agree — for
// active, backlog and dormant — with and without the Sentencing Act 2026 s.36 date in force, with
// some cases concurrent with another (a partner's credit is activity for both).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "@/domain";
import { loadDashboardFigures } from "@/server/queries/dashboard";
import { deriveRequirementViews } from "@/server/queries/requirement-facts";
import { loadTrends } from "@/server/queries/trends";
import { NO_COMMENCEMENTS, type RuleCommencements } from "@/server/rules/rule-commencements";
import { testDb } from "../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  type TestRegion,
  type TestUser,
} from "../support/factories";

const MONTH_ENDS: IsoDate[] = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"];
const S36: RuleCommencements = { twelveMonthPeriodAbolishedFrom: "2026-03-15", earnedReductionFrom: null };
let region: TestRegion;
let manager: TestUser;
const ids: string[] = [];
const seen = { active: 0, backlog: 0, dormant: 0 };

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const day = (d: IsoDate) => new Date(`${d}T00:00:00Z`);

beforeAll(async () => {
  region = await makeRegion();
  manager = (await makeRegionalStaff(region)).manager;
  const placement = await makePlacement(region);
  const next = random(20261203);
  const pick = (n: number) => Math.floor(next() * n);
  for (let i = 0; i < 24; i++) {
    const sentenceDate = addDays("2024-09-01", pick(560));
    const ending = next();
    const { requirementId, orderId } = await makeCase(region, { sentenceDate });
    // Every fourth case runs concurrently with the one before: their credits count for both (0049, 0094).
    const partner = i % 4 === 3 ? ids[ids.length - 1] : undefined;
    if (partner)
      await testDb.requirement.update({
        where: { id: requirementId },
        data: { orderRelation: "CONCURRENT", relatedRequirementId: partner },
      });
    ids.push(requirementId);
    for (let s = pick(6); s > 0; s--) {
      const date = addDays(sentenceDate, 5 + pick(500));
      if (date > "2026-04-30") continue;
      const session = await makeSession(placement.id, { date });
      const allocation = await makeAllocation(session.id, requirementId);
      await makeAttendance(
        allocation.id,
        next() < 0.8
          ? { outcome: "ATTENDED_COMPLIED", minutesCredited: 60 + pick(360) }
          : { outcome: "UNACCEPTABLE_ABSENCE" },
      );
    }
    if (next() < 0.3) {
      const grantedOn = addDays(sentenceDate, 300 + pick(120));
      await testDb.extension.create({
        data: {
          requirementId,
          grantedOn: day(grantedOn),
          newEndDate: day(addDays(grantedOn, 30 + pick(150))),
          court: "Test",
          reason: "Parity",
        },
      });
    }
    if (next() < 0.25) {
      const date = addDays(sentenceDate, 100 + pick(400));
      const action = await testDb.enforcementAction.create({
        data: { requirementId, orderId, type: "BREACH", date: day(date) },
      });
      if (next() < 0.5)
        await testDb.enforcementOutcome.create({
          data: {
            actionId: action.id,
            outcome: next() < 0.5 ? "CONTINUE" : "WARRANT_ISSUED",
            date: day(addDays(date, 20 + pick(60))),
          },
        });
    }
    if (ending < 0.15) {
      await testDb.requirement.update({
        where: { id: requirementId },
        data: {
          status: "TERMINATED",
          terminationReason: "OTHER",
          terminatedOn: day(addDays(sentenceDate, 200 + pick(300))),
        },
      });
    }
  }
});

afterAll(() => testDb.$disconnect());

describe.each([
  ["without s.36", NO_COMMENCEMENTS],
  ["with s.36 from 15 March 2026", S36],
])("dashboard figure = trend point = case flags (%s)", (_label, rules) => {
  it.each(MONTH_ENDS)("as of %s", async (asOf) => {
    if (rules.twelveMonthPeriodAbolishedFrom) {
      await testDb.policySetting.create({
        data: {
          key: "twelveMonthPeriodAbolishedFrom",
          value: rules.twelveMonthPeriodAbolishedFrom,
          effectiveFrom: day("2026-03-01"),
        },
      });
    }
    try {
      const figures = await loadDashboardFigures(testDb, { asOf, regionId: region.id, rules });
      const trends = await loadTrends(testDb, { asOf, regionId: region.id, pduId: null, teamType: null, rules });
      const views = [...(await deriveRequirementViews(manager, ids, asOf)).values()];
      const point = trends.backlog.find((p) => p.monthEnd === asOf);
      const dormantPoint = trends.dormant.find((p) => p.monthEnd === asOf);
      const flags = {
        active: views.filter((v) => v.status === "ACTIVE").length,
        backlog: views.filter((v) => v.inBacklog).length,
        dormant: views.filter((v) => v.dormant).length,
      };
      seen.active += flags.active;
      seen.backlog += flags.backlog;
      seen.dormant += flags.dormant;
      expect({ active: figures.activeCaseload, backlog: figures.backlogCount, dormant: figures.dormantCount }).toEqual(
        flags,
      );
      expect({ active: point?.active, backlog: point?.backlog, dormant: dormantPoint?.dormant }).toEqual(flags);
    } finally {
      await testDb.policySetting.deleteMany({ where: { key: "twelveMonthPeriodAbolishedFrom" } });
    }
  });
});

it("has a history varied enough that each comparison means something", () => {
  expect(seen.active).toBeGreaterThan(0);
  expect(seen.backlog).toBeGreaterThan(0);
  expect(seen.dormant).toBeGreaterThan(0);
});

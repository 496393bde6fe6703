// One definition per figure (issue 14): on a randomised (seeded) history in its own region, each
// read-side predicate gives the same answer wherever it is read — the dashboard figure, its
// drill-down list, the case list's flag filter / the work queue, the trend point and the case
// view's flags (the domain) — for in breach / under warrant, nearing end (with a confirmed s.37
// reduction of hours) and hours delivered, before and after the s.36 commencement date.
// tests/integration/read-side-parity.test.ts does the same for active, backlog and dormant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "@/domain";
import { loadDashboardFigures } from "@/server/queries/dashboard";
import { listFigureCases } from "@/server/queries/dashboard-cases";
import type { FigureKey } from "@/server/queries/dashboard-figures";
import {
  deriveRequirementViews,
  figureRowsWhere,
  openBreachWhere,
  underWarrantWhere,
} from "@/server/queries/requirement-facts";
import { loadTrends } from "@/server/queries/trends";
import { NO_COMMENCEMENTS, type RuleCommencements } from "@/server/rules/rule-commencements";
import type { Prisma } from "@/generated/prisma/client";
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

const S36_FROM: IsoDate = "2026-04-15";
const BOTH: RuleCommencements = { twelveMonthPeriodAbolishedFrom: S36_FROM, earnedReductionFrom: "2026-01-01" };
const AS_OF: IsoDate[] = ["2026-02-28", "2026-03-31", "2026-04-14", "2026-04-15", "2026-05-31"];
let region: TestRegion;
let manager: TestUser;
const ids: string[] = [];
/** Every credit recorded, to total hours delivered independently of the SQL. */
const credits: { requirementId: string; date: IsoDate; work: number; ete: number }[] = [];
const seen = { breach: 0, warrant: 0, nearing: 0, reduced: 0, hours: 0 };

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

async function work(placementId: string, requirementId: string, date: IsoDate, minutes: number) {
  const session = await makeSession(placementId, { date });
  const allocation = await makeAllocation(session.id, requirementId);
  await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: minutes });
  credits.push({ requirementId, date, work: minutes, ete: 0 });
}

beforeAll(async () => {
  region = await makeRegion();
  manager = (await makeRegionalStaff(region)).manager;
  const placement = await makePlacement(region);
  const next = random(20261204);
  const pick = (n: number) => Math.floor(next() * n);
  for (let i = 0; i < 30; i++) {
    // 12-month ends from January to December 2026, so some are near each as-of date.
    const sentenceDate = addDays("2025-01-01", pick(365));
    const hoursOrdered = [40, 60, 100, 120][pick(4)] ?? 100;
    const { requirementId, orderId } = await makeCase(region, { sentenceDate, hoursOrdered });
    ids.push(requirementId);
    // Credits stay an hour short of the order, so the stored ACTIVE status stays true (R7).
    let budget = hoursOrdered * 60 - 60;
    for (let s = pick(12); s > 0; s--) {
      const date = addDays(sentenceDate, 5 + pick(480));
      if (date > "2026-05-31") continue;
      const roll = next();
      if (roll < 0.1) {
        const session = await makeSession(placement.id, { date });
        const allocation = await makeAllocation(session.id, requirementId);
        await makeAttendance(allocation.id, {
          outcome: next() < 0.5 ? "UNACCEPTABLE_ABSENCE" : "ATTENDED_SENT_HOME_BEHAVIOUR",
        });
      } else if (roll < 0.25) {
        const minutes = Math.min(budget, 60 + pick(240));
        if (minutes <= 0) continue;
        budget -= minutes;
        await testDb.eteCredit.create({ data: { requirementId, date: day(date), minutes, activity: "Course" } });
        credits.push({ requirementId, date, work: 0, ete: minutes });
      } else {
        const minutes = Math.min(budget, 60 + pick(420));
        if (minutes <= 0) continue;
        budget -= minutes;
        await work(placement.id, requirementId, date, minutes);
      }
    }
    if (next() < 0.25) {
      const grantedOn = addDays(sentenceDate, 300 + pick(60));
      await testDb.extension.create({
        data: {
          requirementId,
          grantedOn: day(grantedOn),
          newEndDate: day(addDays(grantedOn, 20 + pick(120))),
          court: "Test",
          reason: "Parity",
        },
      });
    }
    if (next() < 0.35) {
      let date = addDays(sentenceDate, 60 + pick(400));
      const action = await testDb.enforcementAction.create({
        data: { requirementId, orderId, type: "BREACH", date: day(date) },
      });
      // A court's steps in order: a warrant, its execution, a closing decision — cut at random.
      for (const outcome of ["WARRANT_ISSUED", "WARRANT_EXECUTED", "CONTINUE"] as const) {
        if (next() < 0.35) break;
        date = addDays(date, 10 + pick(50));
        await testDb.enforcementOutcome.create({ data: { actionId: action.id, outcome, date: day(date) } });
      }
    }
    if (next() < 0.3) {
      await testDb.earnedReductionDecision.create({
        data: { requirementId, decision: "CONFIRMED", decidedOn: day(addDays("2026-01-15", pick(120))) },
      });
    }
  }
  // A person who earned a reduction, confirmed, with the 12-month end (10 April 2026) near:
  // 100 h ordered, 70 h worked since January → 22 h 30 min off, 7 h 30 min still to do (not 30 h).
  const { requirementId } = await makeCase(region, { sentenceDate: "2025-04-10", hoursOrdered: 100 });
  ids.push(requirementId);
  for (let w = 0; w < 10; w++) await work(placement.id, requirementId, addDays("2026-01-05", w * 7), 420);
  await testDb.earnedReductionDecision.create({
    data: { requirementId, decision: "CONFIRMED", decidedOn: day("2026-03-16") },
  });
});

afterAll(() => testDb.$disconnect());

async function withRules<T>(rules: RuleCommencements, run: () => Promise<T>): Promise<T> {
  for (const [key, value] of Object.entries(rules)) {
    if (value) await testDb.policySetting.create({ data: { key, value, effectiveFrom: day("2026-01-01") } });
  }
  try {
    return await run();
  } finally {
    await testDb.policySetting.deleteMany({ where: { key: { in: Object.keys(rules) } } });
  }
}

const idsOf = async (where: Prisma.RequirementWhereInput) =>
  (await testDb.requirement.findMany({ where: { AND: [where, { id: { in: ids } }] }, select: { id: true } }))
    .map((r) => r.id)
    .sort();

async function drill(figure: FigureKey, asOf: IsoDate, rules: RuleCommencements) {
  const list = await listFigureCases(
    testDb,
    manager,
    { asOf, regionId: region.id, rules },
    { figure, sort: "crn", dir: "asc", page: 1, pageSize: "all" },
  );
  return list.rows;
}

describe.each([
  ["without the Sentencing Act 2026", NO_COMMENCEMENTS],
  [`with s.37 from 1 January and s.36 from ${S36_FROM}`, BOTH],
])("figure = drill-down = list filter = case flags (%s)", (_label, rules) => {
  it.each(AS_OF)("as of %s", async (asOf) => {
    await withRules(rules, async () => {
      const views = await deriveRequirementViews(manager, ids, asOf);
      const flagged = (flag: (v: NonNullable<ReturnType<typeof views.get>>) => boolean) =>
        [...views.entries()]
          .filter(([, v]) => flag(v))
          .map(([id]) => id)
          .sort();

      // In breach / under warrant: the case list's filters and the case view.
      const breach = flagged((v) => v.openBreach);
      const warrant = flagged((v) => v.underWarrant);
      expect(await idsOf(await openBreachWhere(asOf, manager))).toEqual(breach);
      expect(await idsOf(await underWarrantWhere(asOf, manager))).toEqual(warrant);
      seen.breach += breach.length;
      seen.warrant += warrant.length;

      // Nearing end (with any confirmed reduction): figure by RAG, drill-down, work queue, case view.
      const nearing = flagged((v) => v.nearingEnd);
      const figures = await loadDashboardFigures(testDb, { asOf, regionId: region.id, rules });
      const rag = (band: string) => [...views.values()].filter((v) => v.nearingEnd && v.rag === band).length;
      expect(figures.nearingEnd).toEqual({ red: rag("RED"), amber: rag("AMBER"), green: rag("GREEN") });
      const rows = await drill("nearing-end", asOf, rules);
      expect(rows.map((r) => r.id).sort()).toEqual(nearing);
      for (const row of rows) {
        const view = views.get(row.id);
        expect({ id: row.id, outstanding: row.x, rag: row.band, end: row.keyDate }).toEqual({
          id: row.id,
          outstanding: view?.outstandingMinutes,
          rag: view?.rag,
          end: view?.effectiveEndDate,
        });
      }
      expect(await idsOf(await figureRowsWhere(manager, "nearing", asOf))).toEqual(nearing);
      if (asOf >= S36_FROM && rules.twelveMonthPeriodAbolishedFrom) expect(nearing).toEqual([]);
      seen.nearing += nearing.length;
      seen.reduced += [...views.values()].filter((v) => v.nearingEnd && v.earnedReduction.appliedMinutes > 0).length;

      // Backlog and dormant: the case list's filters read the drill-down's rows.
      expect(await idsOf(await figureRowsWhere(manager, "backlog", asOf))).toEqual(flagged((v) => v.inBacklog));
      expect(await idsOf(await figureRowsWhere(manager, "dormant", asOf))).toEqual(flagged((v) => v.dormant));

      // Hours delivered: the figure, its drill-down and the credits recorded in the 7 days up to D.
      const from = addDays(asOf, -6);
      const week = credits.filter((c) => c.date >= from && c.date <= asOf);
      const hoursRows = await drill("hours-delivered", asOf, rules);
      expect(figures.hoursDelivered.workMinutes).toBe(week.reduce((sum, c) => sum + c.work, 0));
      expect(figures.hoursDelivered.eteMinutes).toBe(week.reduce((sum, c) => sum + c.ete, 0));
      expect(hoursRows.map((r) => r.id).sort()).toEqual([...new Set(week.map((c) => c.requirementId))].sort());
      expect(hoursRows.reduce((sum, r) => sum + (r.x ?? 0) + (r.y ?? 0), 0)).toBe(figures.hoursDelivered.minutes);
      seen.hours += week.length;
    });
  });
});

it("hours delivered: four weekly figures of February 2026 add up to February's trend point", async () => {
  const weeks: IsoDate[] = ["2026-02-07", "2026-02-14", "2026-02-21", "2026-02-28"];
  let weekly = 0;
  for (const asOf of weeks)
    weekly += (await loadDashboardFigures(testDb, { asOf, regionId: region.id })).hoursDelivered.minutes;
  const trends = await loadTrends(testDb, { asOf: "2026-02-28", regionId: region.id, pduId: null, teamType: null });
  const point = trends.hours.find((p) => p.monthEnd === "2026-02-28");
  const february = credits.filter((c) => c.date >= "2026-02-01" && c.date <= "2026-02-28");
  expect(point?.minutes).toBe(weekly);
  expect({ work: point?.workMinutes, ete: point?.eteMinutes }).toEqual({
    work: february.reduce((sum, c) => sum + c.work, 0),
    ete: february.reduce((sum, c) => sum + c.ete, 0),
  });
});

it("has a history varied enough that each comparison means something", () => {
  expect(seen.breach).toBeGreaterThan(0);
  expect(seen.warrant).toBeGreaterThan(0);
  expect(seen.nearing).toBeGreaterThan(0);
  expect(seen.reduced).toBeGreaterThan(0);
  expect(seen.hours).toBeGreaterThan(0);
});

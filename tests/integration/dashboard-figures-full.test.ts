// Every figure of docs/domain.md §5 on a small history whose answers are worked out by hand (see the
// comments on each case), as of Monday 23 November 2026; and every drill-down list (page and CSV)
// has exactly the figure's count. Definitions: docs/decisions/0011-dashboard-definitions.md.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeSession,
  makeUser,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";
import { utcDateFromIsoDate as d, type IsoDate } from "@/domain";
import type { AttendanceOutcome } from "@/generated/prisma/enums";
import { AccessError } from "@/server/auth/access";
import { loadDashboardFigures } from "@/server/queries/dashboard";
import { figureCasesCsv, listFigureCases, loadFigureCasesFromUrl } from "@/server/queries/dashboard-cases";
import { FIGURE_KEYS, type FigureKey } from "@/server/queries/dashboard-figures";
import { loadBacklogForApi, loadDormantForApi, loadSummaryForApi } from "@/server/queries/dashboard-api";
import { dashboardBacklogView, dashboardDormantView, dashboardSummaryView } from "@/server/api/contracts/dashboard";
import { drillDownViewRecord, recordView } from "@/server/view-audit";

const D: IsoDate = "2026-11-23";
let A: TestRegion;
let B: TestRegion;
let pdu2: string;
let manager: TestUser;
let managerB: TestUser;
let national: TestUser;
let placementId: string;
const sessions = new Map<IsoDate, string>();
const crns: Record<string, string> = {};

async function attend(
  requirementId: string,
  date: IsoDate,
  outcome: AttendanceOutcome,
  minutes = 0,
  reason?: "STOOD_DOWN",
) {
  let sessionId = sessions.get(date);
  if (!sessionId) {
    sessionId = (await makeSession(placementId, { date, capacity: 20 })).id;
    sessions.set(date, sessionId);
  }
  const allocation = await makeAllocation(sessionId, requirementId);
  const attendance = await makeAttendance(allocation.id, { outcome, minutesCredited: minutes });
  if (reason) await testDb.attendance.update({ where: { id: attendance.id }, data: { reasonCategory: reason } });
}

async function person(personId: string, dateOfBirth: IsoDate, gender: "MALE" | "FEMALE", ethnicity: string | null) {
  await testDb.person.update({ where: { id: personId }, data: { dateOfBirth: d(dateOfBirth), gender, ethnicity } });
}

beforeAll(async () => {
  await seedReferenceData();
  A = await makeRegion();
  B = await makeRegion();
  pdu2 = (await testDb.pdu.create({ data: { regionId: A.id, code: `${A.code}-P2`, name: `Second PDU ${A.code}` } })).id;
  manager = await makeUser("MANAGER", A);
  managerB = await makeUser("MANAGER", B);
  national = await makeUser("NATIONAL_LEAD", null);
  placementId = (await makePlacement(A, { capacity: 20 })).id;

  // A1: 12 months ended 1 Oct 2026, nothing done → backlog, dormant, red, both reviews overdue, completed-cohort miss. Woman aged 22.
  const a1 = await makeCase(A, { sentenceDate: "2025-10-01" });
  await person(a1.personId, "2004-06-01", "FEMALE", "White British");
  crns.a1 = a1.crn;

  // A2: sentence management; started 10 Jun (deadline 22 Jun); warning 1 Sep; 7h work on 20 Nov and 2h ETE on 18 Nov. Man aged 46.
  const a2 = await makeCase(A, {
    sentenceDate: "2026-06-01",
    managedBy: "SENTENCE_MANAGEMENT",
    assessment: { eteEligible: true, eteReason: "NOT_IN_WORK" },
  });
  await person(a2.personId, "1980-01-01", "MALE", null);
  await testDb.requirement.update({ where: { id: a2.requirementId }, data: { commencedOn: d("2026-06-10") } });
  await attend(a2.requirementId, "2026-11-20", "ATTENDED_COMPLIED", 420);
  await testDb.eteCredit.create({
    data: { requirementId: a2.requirementId, date: d("2026-11-18"), minutes: 120, activity: "Course" },
  });
  await testDb.enforcementAction.create({
    data: { requirementId: a2.requirementId, orderId: a2.orderId, type: "WARNING", date: d("2026-09-01") },
  });

  // A3: 40 hours, full ETE allowance (720 min); never started (deadline 23 Mar); stood down twice in November; open breach
  // from 15 Oct; 6-month review done. Man aged 23, Asian.
  const a3 = await makeCase(A, {
    sentenceDate: "2026-03-02",
    hoursOrdered: 40,
    assessment: { eteEligible: true, eteReason: "NOT_IN_WORK" },
  });
  await person(a3.personId, "2003-01-01", "MALE", "Asian");
  await testDb.eteCredit.create({
    data: { requirementId: a3.requirementId, date: d("2026-10-01"), minutes: 720, activity: "Course" },
  });
  await attend(a3.requirementId, "2026-11-10", "ACCEPTABLE_ABSENCE", 0, "STOOD_DOWN");
  await attend(a3.requirementId, "2026-11-12", "ATTENDED_SENT_HOME_SERVICE", 60);
  await testDb.enforcementAction.create({
    data: { requirementId: a3.requirementId, orderId: a3.orderId, type: "BREACH", date: d("2026-10-15") },
  });
  await testDb.review.create({
    data: { requirementId: a3.requirementId, kind: "SIX_MONTH", dueOn: d("2026-09-02"), completedOn: d("2026-09-05") },
  });

  // A4: completed 20 Dec 2025, within its 12 months (15 Jan 2026) → completed-cohort hit.
  const a4 = await makeCase(A, { sentenceDate: "2025-01-15", status: "COMPLETED" });
  await person(a4.personId, "1990-01-01", "FEMALE", null);
  await testDb.requirement.update({ where: { id: a4.requirementId }, data: { completedOn: d("2025-12-20") } });

  // A5: suspended sentence order, expired incomplete on 1 Aug 2026.
  const a5 = await makeCase(A, {
    sentenceDate: "2024-08-01",
    orderType: "SUSPENDED_SENTENCE_ORDER",
    status: "TERMINATED",
    minutesCredited: 600,
  });
  await testDb.requirement.update({
    where: { id: a5.requirementId },
    data: { terminationReason: "EXPIRED_INCOMPLETE", terminatedOn: d("2026-08-01") },
  });

  // A6: restricted, sentenced 10 Nov 2026: active only. Man aged 31.
  const a6 = await makeCase(A, { sentenceDate: "2026-11-10", restricted: true });
  await person(a6.personId, "1995-01-01", "MALE", null);

  // A7 (second PDU): extended on 1 Nov to 10 Jan 2027 (48 days left), no work in 8 weeks → amber; never started
  // (deadline 22 Dec 2025); unacceptable absence on 2 Nov; both reviews overdue. Man aged 41, Black British.
  const a7 = await makeCase(A, { sentenceDate: "2025-12-01" });
  await person(a7.personId, "1985-01-01", "MALE", "Black British");
  await testDb.requirement.update({ where: { id: a7.requirementId }, data: { pduId: pdu2 } });
  await testDb.extension.create({
    data: {
      requirementId: a7.requirementId,
      grantedOn: d("2026-11-01"),
      newEndDate: d("2027-01-10"),
      court: "Test",
      reason: "Illness",
    },
  });
  await attend(a7.requirementId, "2026-11-02", "UNACCEPTABLE_ABSENCE");

  // A8: 40 hours, 5 h a week for 7 weeks (35 h) → 5 h to do in 43 days at 35 h per 8 weeks: green. Started on time; reviews overdue.
  const a8 = await makeCase(A, { sentenceDate: "2026-01-05", hoursOrdered: 40 });
  await person(a8.personId, "1970-01-01", "MALE", null);
  await testDb.requirement.update({ where: { id: a8.requirementId }, data: { commencedOn: d("2026-01-20") } });
  for (const date of [
    "2026-10-05",
    "2026-10-12",
    "2026-10-19",
    "2026-10-26",
    "2026-11-02",
    "2026-11-09",
    "2026-11-16",
  ]) {
    await attend(a8.requirementId, date, "ATTENDED_COMPLIED", 300);
  }
  // A withdrawn breach on A8 counts nowhere (not in the breach rate, not an open breach).
  await testDb.enforcementAction.create({
    data: {
      requirementId: a8.requirementId,
      orderId: a8.orderId,
      type: "BREACH",
      date: d("2026-11-03"),
      status: "WITHDRAWN",
      withdrawalReason: "Given in error",
    },
  });

  // B1: region B has one active case.
  await makeCase(B, { sentenceDate: "2026-11-01" });
});
afterAll(() => testDb.$disconnect());

/** The figure each drill-down list must add up to, from the dashboard figures. */
function expectedCount(figures: Awaited<ReturnType<typeof loadDashboardFigures>>): Record<FigureKey, number> {
  return {
    active: figures.activeCaseload,
    backlog: figures.backlogCount,
    dormant: figures.dormantCount,
    "nearing-end": figures.nearingEnd.red + figures.nearingEnd.amber + figures.nearingEnd.green,
    "nearing-red": figures.nearingEnd.red,
    "nearing-amber": figures.nearingEnd.amber,
    "nearing-green": figures.nearingEnd.green,
    commenced: figures.commenced.cohort,
    "commenced-late": figures.commenced.cohort - figures.commenced.met,
    completed: figures.completed.cohort,
    "completed-late": figures.completed.cohort - figures.completed.met,
    "ete-use": figures.ete.using,
    "ete-full": figures.ete.full,
    breach: figures.breach.count,
    "breach-under25": figures.breachRateBy.under25.count,
    "breach-25plus": figures.breachRateBy.age25plus.count,
    "breach-male": figures.breachRateBy.male.count,
    "breach-female": figures.breachRateBy.female.count,
    "stand-down": figures.standDown.cases,
    "hours-delivered": figures.hoursDelivered.cases,
    "review-6": figures.reviewsOverdue.sixMonth,
    "review-9": figures.reviewsOverdue.nineMonth,
    "expired-sso": figures.expiredIncompleteSso,
    "enforcement-overdue": figures.enforcementOverdue.cases,
  };
}

describe("every dashboard figure (docs/domain.md §5) on a known history, as of 23 November 2026", () => {
  it("gives the worked-out figures for the region", async () => {
    const f = await loadDashboardFigures(testDb, { asOf: D, regionId: A.id });
    expect({
      active: f.activeCaseload,
      backlog: f.backlogCount,
      backlogPercent: f.backlogPercent,
      dormant: f.dormantCount,
    }).toEqual({
      active: 6,
      backlog: 1,
      backlogPercent: 16.7,
      dormant: 1,
    });
    expect(f.nearingEnd).toEqual({ red: 1, amber: 1, green: 1 });
    expect(f.commenced).toEqual({ cohort: 4, met: 2, percent: 50 });
    expect(f.completed).toEqual({ cohort: 2, met: 1, percent: 50 });
    expect(f.ete).toEqual({ using: 2, full: 1, usePercent: 33.3, fullUsePercent: 16.7 });
    expect(f.breach).toEqual({ cohort: 6, count: 2, percent: 33.3 });
    expect(f.breachRateBy.under25).toEqual({ cohort: 2, count: 1, percent: 50 });
    expect(f.breachRateBy.age25plus).toEqual({ cohort: 4, count: 1, percent: 25 });
    expect(f.breachRateBy.male).toEqual({ cohort: 5, count: 2, percent: 40 });
    expect(f.breachRateBy.female).toEqual({ cohort: 1, count: 0, percent: 0 });
    expect(f.breachRateBy.byEthnicity).toEqual([
      { ethnicity: "", cohort: 3, count: 1, percent: 33.3 },
      { ethnicity: "Asian", cohort: 1, count: 1, percent: 100 },
      { ethnicity: "Black British", cohort: 1, count: 0, percent: 0 },
      { ethnicity: "White British", cohort: 1, count: 0, percent: 0 },
    ]);
    expect(f.standDown).toEqual({ allocations: 7, standDowns: 2, cases: 1, percent: 28.6 });
    expect(f.hoursDelivered).toEqual({ minutes: 540, workMinutes: 420, eteMinutes: 120, hours: 9, cases: 1 });
    expect(f.reviewsOverdue).toEqual({ sixMonth: 3, nineMonth: 3 });
    expect(f.expiredIncompleteSso).toBe(1);
    // R9 timescale: A7's unacceptable absence of Mon 2 Nov was due for action by Mon 16 Nov; none was taken.
    expect(f.enforcementOverdue).toEqual({ cases: 1, failures: 1 });
  });

  it("compares team types and PDUs from the same tallies", async () => {
    const f = await loadDashboardFigures(testDb, { asOf: D, regionId: A.id });
    expect(f.byTeamType.SENTENCE_MANAGEMENT.activeCaseload).toBe(1);
    expect(f.byTeamType.SENTENCE_MANAGEMENT.breach.percent).toBe(100);
    expect(f.byTeamType.STANDALONE_UPW.activeCaseload).toBe(5);
    expect(f.byTeamType.STANDALONE_UPW.backlogCount).toBe(1);
    const byPdu = Object.fromEntries(f.byPdu.map((row) => [row.pduId, row.figures]));
    expect(byPdu[pdu2]?.activeCaseload).toBe(1);
    expect(byPdu[pdu2]?.nearingEnd).toEqual({ red: 0, amber: 1, green: 0 });
    expect(byPdu[A.pduId]?.activeCaseload).toBe(5);
    // Filters narrow the same way: one PDU, one team type.
    const onePdu = await loadDashboardFigures(testDb, { asOf: D, regionId: A.id, pduId: pdu2 });
    expect(onePdu.activeCaseload).toBe(1);
    const oneTeam = await loadDashboardFigures(testDb, { asOf: D, regionId: A.id, teamType: "SENTENCE_MANAGEMENT" });
    expect(oneTeam.hoursDelivered.hours).toBe(9);
    expect(oneTeam.activeCaseload).toBe(1);
  });

  it("puts regions side by side for the national lead", async () => {
    const f = await loadDashboardFigures(testDb, { asOf: D, regionId: null });
    expect(f.byRegion(A.id).activeCaseload).toBe(6);
    expect(f.byRegion(B.id).activeCaseload).toBe(1);
    expect(f.byRegion(A.id).backlogCount).toBe(1);
  });

  it("does not let later events change a past date's figures", async () => {
    // As of 1 Nov 2026 A7's extension (granted 1 Nov) counts, A2's ETE (18 Nov) and work (20 Nov) do not.
    const f = await loadDashboardFigures(testDb, { asOf: "2026-10-31", regionId: A.id });
    expect(f.ete.using).toBe(1);
    expect(f.hoursDelivered.minutes).toBe(300); // A8 on 26 Oct
    expect(f.breach.count).toBe(2);
    expect(f.enforcementOverdue.cases).toBe(0);
    // Due on its due date, overdue the day after.
    expect((await loadDashboardFigures(testDb, { asOf: "2026-11-16", regionId: A.id })).enforcementOverdue.cases).toBe(
      0,
    );
    expect((await loadDashboardFigures(testDb, { asOf: "2026-11-17", regionId: A.id })).enforcementOverdue.cases).toBe(
      1,
    );
  });
});

describe("drill-down lists: the same SQL as the figure", () => {
  it.each(FIGURE_KEYS)("%s: the list's total is the figure, and the CSV has the listed rows", async (figure) => {
    const figures = await loadDashboardFigures(testDb, { asOf: D, regionId: A.id });
    const scope = { asOf: D, regionId: A.id };
    const all = await listFigureCases(testDb, manager, scope, {
      figure,
      sort: "crn",
      dir: "asc",
      page: 1,
      pageSize: "all",
    });
    expect(all.total).toBe(expectedCount(figures)[figure]);
    expect(all.rows.length).toBe(all.total - all.hiddenRestricted);
    const csv = figureCasesCsv(all).trimEnd().split("\r\n");
    expect(csv.length).toBe(all.rows.length + 1);
    expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(all.rows.map((row) => row.crn));
    const firstPage = await listFigureCases(testDb, manager, scope, {
      figure,
      sort: "crn",
      dir: "asc",
      page: 1,
      pageSize: 2,
    });
    expect(firstPage.rows).toEqual(all.rows.slice(0, 2));
    expect(firstPage.pageCount).toBe(Math.max(1, Math.ceil(all.rows.length / 2)));
  });

  it("lists the expected people, hides restricted cases it still counts, and sorts", async () => {
    const backlog = await loadFigureCasesFromUrl(testDb, manager, { figure: "backlog", asOf: D }, "page");
    expect(backlog.list.rows.map((row) => row.crn)).toEqual([crns.a1]);
    expect(backlog.list.rows[0]?.keyDate).toBe("2026-10-01");
    const active = await loadFigureCasesFromUrl(
      testDb,
      manager,
      { figure: "active", asOf: D, sort: "sentence", dir: "desc" },
      "page",
    );
    expect(active.list.total).toBe(6);
    expect(active.list.hiddenRestricted).toBe(1);
    const dates = active.list.rows.map((row) => row.sentenceDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const asian = await loadFigureCasesFromUrl(
      testDb,
      manager,
      { figure: "breach", asOf: D, ethnicity: "Asian" },
      "page",
    );
    expect(asian.list.total).toBe(1);
    // Issue 13: "not recorded" opens exactly the breaches of people with no ethnicity recorded, not every breach.
    const notRecorded = await loadFigureCasesFromUrl(
      testDb,
      manager,
      { figure: "breach", asOf: D, ethnicity: "" },
      "page",
    );
    const everyBreach = await loadFigureCasesFromUrl(testDb, manager, { figure: "breach", asOf: D }, "page");
    expect(notRecorded.list.total).toBe(1);
    expect(everyBreach.list.total).toBeGreaterThan(notRecorded.list.total);
    expect(notRecorded.list.rows.map((row) => row.crn)).not.toContain(asian.list.rows[0]?.crn);
  });

  it("is region-scoped: another region, or a PDU outside the region, is not found; the national lead may choose", async () => {
    await expect(
      loadFigureCasesFromUrl(testDb, managerB, { figure: "backlog", region: A.code, asOf: D }, "page"),
    ).rejects.toThrow(AccessError);
    await expect(
      loadFigureCasesFromUrl(testDb, managerB, { figure: "backlog", pdu: pdu2, asOf: D }, "csv"),
    ).rejects.toThrow(AccessError);
    await expect(loadFigureCasesFromUrl(testDb, manager, { figure: "no-such-figure" }, "page")).rejects.toThrow(
      AccessError,
    );
    const nationalView = await loadFigureCasesFromUrl(
      testDb,
      national,
      { figure: "backlog", region: A.code, asOf: D },
      "csv",
    );
    expect(nationalView.list.total).toBe(1);
  });

  it("audits each view as a view of personal data", async () => {
    // What the CSV route does: the list, then the view's audit row beside it.
    const drill = await loadFigureCasesFromUrl(testDb, manager, { figure: "dormant", asOf: D }, "csv");
    await recordView(manager, drillDownViewRecord("csv", drill));
    const events = await testDb.auditEvent.findMany({
      where: { actorId: manager.id, action: "dashboard.cases.export", entityId: "dormant" },
    });
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)?.regionId).toBe(A.id);
  });
});

describe("GET /api/v1/dashboard/*: every field docs/api.md lists", () => {
  it("summary carries the figures of docs/domain.md §5 in the contract's shape", async () => {
    const summary = await loadSummaryForApi(manager, { asOf: D });
    const parsed = dashboardSummaryView.strict().parse(summary);
    expect(parsed).toMatchObject({
      asOf: D,
      region: A.code,
      activeCaseload: 6,
      backlogCount: 1,
      backlogPercent: 16.7,
      dormantCount: 1,
      nearingEnd: { red: 1, amber: 1, green: 1 },
      commencedWithin15WorkingDaysPercent: 50,
      completedWithin12MonthsPercent: 50,
      eteUsePercent: 33.3,
      eteFullUsePercent: 16.7,
      breachRatePercent: 33.3,
      breachRateBy: {
        under25: 50,
        age25plus: 25,
        male: 40,
        female: 0,
        byEthnicity: { "Not recorded": 33.3, Asian: 100, "Black British": 0, "White British": 0 },
      },
      standDownRatePercent: 28.6,
      hoursDeliveredLast7Days: 9,
      reviewsOverdue: { sixMonth: 3, nineMonth: 3 },
      expiredIncompleteSso: 1,
    });
    expect(parsed.byTeamType.STANDALONE_UPW).toMatchObject({ activeCaseload: 5, backlogCount: 1 });
    expect(parsed.byTeamType.SENTENCE_MANAGEMENT).toMatchObject({ activeCaseload: 1, backlogCount: 0 });
  });

  it("backlog and dormant return the drill-down's cases", async () => {
    const backlog = dashboardBacklogView.parse(await loadBacklogForApi(manager, { asOf: D }));
    expect(backlog).toMatchObject({ activeCaseload: 6, backlogCount: 1, backlogPercent: 16.7 });
    expect(backlog.cases.map((c) => c.crn)).toEqual([crns.a1]);
    const dormant = dashboardDormantView.parse(await loadDormantForApi(manager, { asOf: D }));
    expect(dormant.count).toBe(1);
    expect(dormant.cases).toHaveLength(1);
  });
});

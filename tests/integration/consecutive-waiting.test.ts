// A consecutive requirement waiting for the earlier order (docs/decisions/0049): until the earlier
// one ends it cannot start, so it is never late to start, dormant or in the backlog — on the case
// view, the case list's flags, the work queue and the dashboard figures and drill-downs alike. Once
// the earlier one ends, R2's 15 working days and R5's 28 days count from that day. A preceding order
// ending in another region must also refresh the waiting one's region's cached figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon, utcDateFromIsoDate as d, type IsoDate } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { readRegionVersions } from "@/server/queries/dashboard-cache";
import { computeDashboardTallies, loadDashboardFigures } from "@/server/queries/dashboard";
import { computeTallies } from "@/server/queries/dashboard-cache";
import { listFigureCases } from "@/server/queries/dashboard-cases";
import type { FigureKey } from "@/server/queries/dashboard-figures";
import {
  deriveRequirementViews,
  figureRowsWhere,
  lateStartWhere,
  loadBankHolidayCalendar,
} from "@/server/queries/requirement-facts";
import { loadWorkQueue } from "@/server/queries/work-queue";
import { getCase } from "@/server/services/cases/get-case";
import { listCasesForApi } from "@/server/services/cases/list-cases";
import { testDb } from "../support/db";
import { canonicalTallies } from "../support/tallies";
import {
  makeCase,
  makeRegion,
  makeRegionalStaff,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";

let region: TestRegion;
let manager: TestUser;
let coordinator: TestUser;
let earlier: string;
let later: string;
let control: string;

beforeAll(async () => {
  await seedReferenceData(); // the bank holidays
  region = await makeRegion();
  ({ manager, coordinator } = await makeRegionalStaff(region));
  const first = await makeCase(region, { sentenceDate: "2025-01-06", hoursOrdered: 100 });
  earlier = first.requirementId;
  // Sentenced Mon 3 March 2025 to run after the first order; a control case sentenced the same day on its own.
  later = (await makeCase(region, { sentenceDate: "2025-03-03", hoursOrdered: 60, personId: first.personId }))
    .requirementId;
  await testDb.requirement.update({
    where: { id: later },
    data: { orderRelation: "CONSECUTIVE", relatedRequirementId: earlier },
  });
  control = (await makeCase(region, { sentenceDate: "2025-03-03", hoursOrdered: 60 })).requirementId;
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

const ids = () => [earlier, later, control];
const idsOf = async (where: Prisma.RequirementWhereInput) =>
  (await testDb.requirement.findMany({ where: { AND: [where, { id: { in: ids() } }] }, select: { id: true } }))
    .map((r) => r.id)
    .sort();

async function drill(figure: FigureKey, asOf: IsoDate) {
  const list = await listFigureCases(
    testDb,
    manager,
    { asOf, regionId: region.id },
    { figure, sort: "crn", dir: "asc", page: 1, pageSize: "all" },
  );
  return list.rows.filter((r) => ids().includes(r.id));
}

/** Every reader's answer for one case on one day. */
async function everywhere(id: string, asOf: IsoDate) {
  const view = (await deriveRequirementViews(manager, [id], asOf)).get(id);
  const has = async (where: Prisma.RequirementWhereInput) => (await idsOf(where)).includes(id);
  const inRows = async (figure: FigureKey) => (await drill(figure, asOf)).some((r) => r.id === id);
  const queue = await loadWorkQueue(coordinator, asOf);
  return {
    view: {
      waiting: view?.waitingForEarlierOrder,
      startDeadline: view?.startDeadline,
      late: view?.commencedWithinDeadline === false,
      dormant: view?.dormant,
      backlog: view?.inBacklog,
    },
    list: {
      late: await has(await lateStartWhere(asOf, await loadBankHolidayCalendar(), manager)),
      dormant: await has(await figureRowsWhere(manager, "dormant", asOf)),
      backlog: await has(await figureRowsWhere(manager, "backlog", asOf)),
    },
    figures: {
      commenced: await inRows("commenced"),
      late: await inRows("commenced-late"),
      dormant: await inRows("dormant"),
      backlog: await inRows("backlog"),
    },
    queue: queue.noFirstSession.rows.find((r) => r.id === id)?.startDeadline ?? null,
  };
}

describe("while the earlier order runs", () => {
  it("the consecutive case is waiting: not late, dormant or in the backlog anywhere; the control case is", async () => {
    for (const asOf of ["2025-06-02", "2026-04-01"] as IsoDate[]) {
      expect(await everywhere(later, asOf), asOf).toEqual({
        view: { waiting: true, startDeadline: null, late: false, dormant: false, backlog: false },
        list: { late: false, dormant: false, backlog: false },
        figures: { commenced: false, late: false, dormant: false, backlog: false },
        queue: null,
      });
    }
    // 15 working days from Mon 3 March 2025: Mon 24 March.
    expect(await everywhere(control, "2025-06-02")).toEqual({
      view: { waiting: false, startDeadline: "2025-03-24", late: true, dormant: true, backlog: false },
      list: { late: true, dormant: true, backlog: false },
      figures: { commenced: true, late: true, dormant: true, backlog: false },
      queue: "2025-03-24",
    });
    expect((await everywhere(control, "2026-04-01")).list.backlog).toBe(true);
    const figures = await loadDashboardFigures(testDb, { asOf: "2025-06-02", regionId: region.id });
    expect(figures.dormantCount).toBe(2); // the earlier order and the control case
  });

  it("the API's case list (one statement) says so too, exactly as GET /cases/{id}", async () => {
    const asOf: IsoDate = "2025-06-02";
    const listed = await listCasesForApi(manager, { region: region.code, asOf });
    const single = await getCase(manager, { caseId: later, asOf });
    if (!listed.ok || !single.ok) throw new Error("the case list or the case refused");
    const item = listed.value.cases.find((c) => c.id === later);
    expect(item).toEqual(single.value);
    expect(item).toMatchObject({ waitingForEarlierOrder: true, startDeadline: null, dormant: false });
  });
});

describe("once the earlier order has ended", () => {
  beforeAll(async () => {
    // Completed on Fri 22 August 2025; Mon 25 August 2025 is the summer bank holiday.
    await testDb.requirement.update({
      where: { id: earlier },
      data: { status: "COMPLETED", completedOn: d("2025-08-22") },
    });
  });

  it("the day before it ended the case still waits", async () => {
    expect((await everywhere(later, "2025-08-21")).view).toMatchObject({ waiting: true, startDeadline: null });
  });

  it("15 working days from the day after it ended, skipping the bank holiday: Mon 15 September 2025", async () => {
    expect(await everywhere(later, "2025-09-15")).toEqual({
      view: { waiting: false, startDeadline: "2025-09-15", late: false, dormant: false, backlog: false },
      list: { late: false, dormant: false, backlog: false },
      figures: { commenced: false, late: false, dormant: false, backlog: false },
      queue: "2025-09-15",
    });
    expect(await everywhere(later, "2025-09-16")).toEqual({
      view: { waiting: false, startDeadline: "2025-09-15", late: true, dormant: false, backlog: false },
      list: { late: true, dormant: false, backlog: false },
      figures: { commenced: true, late: true, dormant: false, backlog: false },
      queue: "2025-09-15",
    });
  });

  it("dormant 28 days after the day it ended (19 September), not before", async () => {
    expect((await everywhere(later, "2025-09-18")).figures.dormant).toBe(false);
    const on19 = await everywhere(later, "2025-09-19");
    expect([on19.view.dormant, on19.list.dormant, on19.figures.dormant]).toEqual([true, true, true]);
  });
});

it("the earlier order ending in another region refreshes the waiting case's region (cached figures)", async () => {
  const other = await makeRegion();
  const first = await makeCase(region, { sentenceDate: "2025-01-06" });
  const waiting = await makeCase(other, { sentenceDate: "2025-03-03", personId: first.personId });
  await testDb.requirement.update({
    where: { id: waiting.requirementId },
    data: { orderRelation: "CONSECUTIVE", relatedRequirementId: first.requirementId },
  });
  const before = BigInt((await readRegionVersions(testDb)).get(other.id) ?? "0");
  await testDb.requirement.update({
    where: { id: first.requirementId },
    data: { status: "COMPLETED", completedOn: d("2025-08-22") },
  });
  const after = BigInt((await readRegionVersions(testDb)).get(other.id) ?? "0");
  expect(after).toBeGreaterThan(before);
});

it("the earlier order ending refreshes today's figure facts of the case waiting on it", async () => {
  // Today's figures come from per-requirement facts (docs/decisions/0090) refreshed for the
  // requirements a write marks; ending the earlier order marks it, and the waiting case's row
  // must be refreshed with it, or today's figures would keep it waiting.
  const home = await makeRegion();
  const first = await makeCase(home, { sentenceDate: "2025-01-06" });
  const waiting = await makeCase(home, { sentenceDate: "2025-03-03", personId: first.personId });
  await testDb.requirement.update({
    where: { id: waiting.requirementId },
    data: { orderRelation: "CONSECUTIVE", relatedRequirementId: first.requirementId },
  });
  const scope = { asOf: todayInLondon(), regionId: home.id };
  const sameAsFullCount = async () =>
    expect(canonicalTallies(await computeTallies(testDb, scope))).toBe(
      canonicalTallies(await computeDashboardTallies(testDb, scope)),
    );
  await sameAsFullCount(); // the facts now hold the waiting case as waiting
  await testDb.requirement.update({
    where: { id: first.requirementId },
    data: { status: "COMPLETED", completedOn: d("2025-08-22") },
  });
  await sameAsFullCount(); // and now as dormant, late to start and in the backlog
});

// GET /api/v1/cases in one statement (issue 15): the list is read with ONE query whatever the
// number of cases, it selects exactly the cases visibleRequirementsWhere lets each kind of user
// see, and every case's flags are the case page's for a mix of cases (backlog, dormant, breach,
// warrant, recent, completed, restricted).
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon, type IsoDate } from "@/domain";
import { PrismaClient } from "@/generated/prisma/client";
import { visibleRequirementsSql, visibleRequirementsWhere } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { loadCaseDetail } from "@/server/queries/case-detail";
import { getCase } from "@/server/services/cases/get-case";
import { listCasesForApi } from "@/server/services/cases/list-cases";
import { readCaseRows } from "@/server/services/cases/case-list-statement";
import { caseViewSelect } from "@/server/services/cases/load-case-view";
import { testDatabaseUrl, testDb } from "../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  makeUser,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";

const today = todayInLondon();
const ago = (days: number): IsoDate => addDays(today, -days);
const day = (d: IsoDate) => new Date(`${d}T00:00:00Z`);

let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let otherRegion: TestRegion;
const ids: Record<string, string> = {};

async function worked(requirementId: string, date: IsoDate, supervisorId?: string) {
  const placement = await makePlacement(region);
  const session = await makeSession(placement.id, { date, supervisorId });
  const allocation = await makeAllocation(session.id, requirementId);
  await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 240 });
}

async function breach(requirementId: string, date: IsoDate, warrantOn?: IsoDate) {
  const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } });
  const action = await testDb.enforcementAction.create({
    data: {
      requirementId,
      orderId: requirement.orderId,
      type: "BREACH",
      date: day(date),
      failureDate: day(date),
      failureDescription: "Did not attend",
    },
  });
  if (warrantOn) {
    await testDb.enforcementOutcome.create({
      data: { actionId: action.id, outcome: "WARRANT_ISSUED", date: day(warrantOn) },
    });
  }
}

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  otherRegion = await makeRegion();
  staff = await makeRegionalStaff(region);
  ids.recent = (
    await makeCase(region, { sentenceDate: ago(30), assessment: { complete: true, riskCodes: ["RW", "RC"] } })
  ).requirementId;
  await worked(ids.recent, ago(10), staff.supervisor.id);
  ids.backlog = (await makeCase(region, { sentenceDate: ago(500) })).requirementId;
  ids.dormant = (await makeCase(region, { sentenceDate: ago(200) })).requirementId;
  await worked(ids.dormant, ago(150));
  ids.breach = (await makeCase(region, { sentenceDate: ago(200) })).requirementId;
  await breach(ids.breach, ago(20));
  ids.warrant = (await makeCase(region, { sentenceDate: ago(250) })).requirementId;
  await breach(ids.warrant, ago(40), ago(10));
  ids.completed = (
    await makeCase(region, { sentenceDate: ago(300), status: "COMPLETED", hoursOrdered: 40 })
  ).requirementId;
  ids.restricted = (await makeCase(region, { sentenceDate: ago(60), restricted: true })).requirementId;
  await testDb.requirementAccess.create({ data: { requirementId: ids.restricted, userId: staff.manager.id } });
  ids.elsewhere = (await makeCase(otherRegion, { sentenceDate: ago(60) })).requirementId;
  // Every relation caseViewSelect reads, on one case, for the field-by-field comparison below.
  ids.rich = (
    await makeCase(region, { sentenceDate: ago(90), assessment: { complete: true, riskCodes: ["RW"] } })
  ).requirementId;
  await worked(ids.rich, ago(60), staff.supervisor.id);
  await testDb.eteCredit.create({
    data: { requirementId: ids.rich, date: day(ago(50)), minutes: 120, activity: "Course" },
  });
  await testDb.extension.create({
    data: {
      requirementId: ids.rich,
      grantedOn: day(ago(40)),
      newEndDate: day(addDays(today, 300)),
      court: "Leeds",
      reason: "Illness",
    },
  });
  await testDb.earnedReductionDecision.create({
    data: { requirementId: ids.rich, decision: "CONFIRMED", decidedOn: day(ago(30)), note: "Good progress" },
  });
  await breach(ids.rich, ago(20), ago(10));
  await testDb.requirement.update({
    where: { id: ids.rich },
    data: { orderRelation: "CONSECUTIVE", relatedRequirementId: ids.completed },
  });
  await testDb.requirementTransfer.create({
    data: {
      requirementId: ids.rich,
      fromRegionId: region.id,
      toRegionId: otherRegion.id,
      reason: "Moved house",
      requestedById: staff.coordinator.id,
    },
  });
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

describe("GET /api/v1/cases in one statement", () => {
  it("reads the whole list with one query (and JIT switched off for it)", async () => {
    const counting = new PrismaClient({
      adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 2 }),
      log: [{ emit: "event", level: "query" }],
    });
    const statements: string[] = [];
    counting.$on("query", (event) => statements.push(event.query));
    try {
      const result = await counting.$transaction((tx) => listCasesForApi(staff.manager, {}, { tx }));
      expect(result.ok && result.value.cases.length).toBe(8);
      // The one read, and the setting that keeps JIT from compiling it (case-list-statement.ts).
      const read = statements.filter((q) => !/^(BEGIN|COMMIT)/.test(q.trim()));
      expect(read).toHaveLength(2);
      expect(read[0]).toContain("set_config('jit', 'off', true)");
    } finally {
      await counting.$disconnect();
    }
  });

  it("selects exactly the cases visibleRequirementsWhere does, for every kind of user", async () => {
    const mine = Object.values(ids);
    const users = [
      staff.coordinator,
      staff.manager,
      staff.supervisor,
      await makeUser("NATIONAL_LEAD", null),
      await makeUser("ADMIN", null),
      await makeUser("COORDINATOR", otherRegion),
    ];
    for (const user of users) {
      const byPrisma = await testDb.requirement.findMany({
        where: { AND: [visibleRequirementsWhere(user), { id: { in: mine } }] },
        select: { id: true },
      });
      const bySql = await testDb.$queryRaw<{ id: string }[]>`
        SELECT r."id"::text AS id FROM "Requirement" r WHERE ${visibleRequirementsSql(user)} AND r."id"::text = ANY(${mine})`;
      expect(bySql.map((r) => r.id).sort(), user.role).toEqual(byPrisma.map((r) => r.id).sort());
    }
  });

  it("builds each case's row exactly as Prisma reads it for caseViewSelect, field by field", async () => {
    const read = await testDb.$transaction((tx) => readCaseRows(tx, staff.manager, {}));
    if (!read) throw new Error("no rows");
    const byPrisma = await testDb.requirement.findMany({
      where: { id: { in: read.rows.map((row) => row.id) } },
      select: caseViewSelect,
    });
    expect(read.rows.map((row) => row.id)).toContain(ids.rich);
    // JSON has no Decimal: compare what either path gives as plain JSON values.
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    for (const row of read.rows) {
      const expected = byPrisma.find((candidate) => candidate.id === row.id);
      expect(plain(row), row.id).toEqual(plain(expected));
    }
  });

  it("gives every case the case page's flags", async () => {
    const result = await listCasesForApi(staff.manager, {});
    if (!result.ok) throw new Error(result.message);
    const listed = result.value.cases;
    expect(listed.map((c) => c.id).sort()).toEqual(
      Object.entries(ids)
        .filter(([name]) => name !== "elsewhere")
        .map(([, id]) => id)
        .sort(),
    );
    for (const item of listed) {
      const page = await loadCaseDetail(staff.manager, item.id);
      expect(page, item.id).not.toBeNull();
      const view = page!.view;
      // And the whole case exactly as GET /api/v1/cases/{id} (read through Prisma) gives it.
      const one = await getCase(staff.manager, { caseId: item.id });
      expect(one.ok && one.value, item.id).toEqual(item);
      expect(
        {
          status: item.status,
          inBacklog: item.inBacklog,
          dormant: item.dormant,
          openBreach: item.openBreach,
          underWarrant: item.underWarrant,
          rag: item.rag,
          startDeadline: item.startDeadline,
          outstandingMinutes: item.outstandingMinutes,
        },
        item.id,
      ).toEqual({
        status: view.status,
        inBacklog: view.inBacklog,
        dormant: view.dormant,
        openBreach: view.openBreach,
        underWarrant: view.underWarrant,
        rag: view.rag,
        startDeadline: view.startDeadline,
        outstandingMinutes: view.outstandingMinutes,
      });
    }
    const flag = (id: string | undefined) => listed.find((c) => c.id === id)!;
    // The mix really covers each flag.
    expect(flag(ids.backlog).inBacklog).toBe(true);
    expect(flag(ids.dormant).dormant).toBe(true);
    expect(flag(ids.breach).openBreach).toBe(true);
    expect(flag(ids.warrant).underWarrant).toBe(true);
    expect(flag(ids.recent)).toMatchObject({ inBacklog: false, dormant: false, openBreach: false });
  });
});

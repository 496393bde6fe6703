// Per-region data versions (docs/decisions/0076-figures-per-region.md). A write bumps only the
// regions whose figures it can change (a transfer: both), at commit, once per transaction; a
// rolled-back one bumps nothing; writers in different regions never wait for each other; and the
// cached figures — the nation's put together from every region's snapshot — always equal a full
// recomputation, for the nation, each region, a PDU, a team type and a past date (property test).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDatabaseUrl, testDb } from "../support/db";
import { createPrismaClient } from "@/server/db/create-client";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeSession,
  seedReferenceData,
  type TestRegion,
} from "../support/factories";
import { addDays, todayInLondon, utcDateFromIsoDate as d, type IsoDate } from "@/domain";
import { loadDashboardFigures, type FigureScope } from "@/server/queries/dashboard";
import { loadDashboardFiguresCached, readRegionVersions } from "@/server/queries/dashboard-cache";

const today: IsoDate = todayInLondon();
const past = addDays(today, -45);
let regions: TestRegion[] = [];
const placements = new Map<string, string>();
const requirements: { id: string; orderId: string; personId: string; region: TestRegion }[] = [];

async function versions(): Promise<Map<string, number>> {
  const all = await readRegionVersions(testDb);
  return new Map([...all].map(([id, v]) => [id, Number(v)]));
}

async function expectSameAsLive(scope: FigureScope) {
  const { computedAt, ...cached } = await loadDashboardFiguresCached(testDb, scope);
  expect(computedAt).toBeInstanceOf(Date);
  const live = await loadDashboardFigures(testDb, scope);
  expect(JSON.stringify(cached), JSON.stringify(scope)).toBe(JSON.stringify(live));
}

const scopes = (): FigureScope[] => [
  { asOf: today, regionId: null },
  ...regions.map((r) => ({ asOf: today, regionId: r.id })),
  { asOf: today, regionId: regions[0]?.id ?? null, pduId: regions[0]?.pduId },
  { asOf: today, regionId: null, pduId: regions[1]?.pduId },
  { asOf: today, regionId: null, teamType: "STANDALONE_UPW" },
  { asOf: past, regionId: null },
  { asOf: past, regionId: regions[2]?.id ?? null },
];

async function addCase(region: TestRegion, sentencedDaysAgo: number) {
  const made = await makeCase(region, {
    sentenceDate: addDays(today, -sentencedDaysAgo),
    hoursOrdered: 40 + (sentencedDaysAgo % 5) * 20,
  });
  requirements.push({ id: made.requirementId, orderId: made.orderId, personId: made.personId, region });
  return made;
}

async function attend(
  requirementId: string,
  region: TestRegion,
  daysAgo: number,
  outcome: "ATTENDED_COMPLIED" | "UNACCEPTABLE_ABSENCE" | "ATTENDED_SENT_HOME_SERVICE",
  minutes: number,
) {
  const session = await makeSession(placements.get(region.id) ?? "", { date: addDays(today, -daysAgo), capacity: 30 });
  const allocation = await makeAllocation(session.id, requirementId);
  return makeAttendance(allocation.id, { outcome, minutesCredited: minutes });
}

// One kind of write each; `pick` chooses a requirement, `n` varies dates and amounts.
type Write = { kind: (typeof KINDS)[number]; pick: number; n: number };
const KINDS = [
  "attendance",
  "absence",
  "correction",
  "ete",
  "extension",
  "breach",
  "standDown",
  "transfer",
  "newCase",
  "complete",
  "person",
  "rolledBack",
] as const;

async function apply(write: Write): Promise<string> {
  const target = requirements[write.pick % requirements.length];
  if (!target) throw new Error("no requirements");
  const days = 1 + (write.n % 60);
  switch (write.kind) {
    case "attendance":
      await attend(target.id, target.region, days, "ATTENDED_COMPLIED", 60 + (write.n % 4) * 60);
      break;
    case "absence":
      await attend(target.id, target.region, days, "UNACCEPTABLE_ABSENCE", 0);
      break;
    case "correction": {
      const attendance = await testDb.attendance.findFirst({
        where: { requirementId: target.id },
        orderBy: { sessionDate: "desc" },
      });
      if (attendance)
        await testDb.attendance.update({
          where: { id: attendance.id },
          data: { outcome: "ATTENDED_COMPLIED", minutesCredited: 30 + (write.n % 5) * 30 },
        });
      break;
    }
    case "ete":
      await testDb.eteCredit.create({
        data: {
          requirementId: target.id,
          date: d(addDays(today, -days)),
          minutes: 60 * (1 + (write.n % 3)),
          activity: "Course",
        },
      });
      break;
    case "extension":
      await testDb.extension.create({
        data: {
          requirementId: target.id,
          grantedOn: d(addDays(today, -days)),
          newEndDate: d(addDays(today, 200)),
          court: "Test Court",
          reason: "More time",
        },
      });
      break;
    case "breach":
      await testDb.enforcementAction.create({
        data: {
          requirementId: target.id,
          orderId: target.orderId,
          type: "BREACH",
          date: d(addDays(today, -days)),
          failureDate: d(addDays(today, -days)),
          failureDescription: "Missed",
        },
      });
      break;
    case "standDown":
      await attend(target.id, target.region, 1 + (write.n % 20), "ATTENDED_SENT_HOME_SERVICE", 0);
      break;
    case "transfer": {
      const to = regions[(regions.indexOf(target.region) + 1 + (write.n % (regions.length - 1))) % regions.length];
      if (!to) break;
      await testDb.requirement.update({ where: { id: target.id }, data: { regionId: to.id, pduId: to.pduId } });
      target.region = to;
      break;
    }
    case "newCase":
      await addCase(regions[write.n % regions.length] ?? target.region, 10 + write.n * 7);
      break;
    case "complete":
      await testDb.requirement.update({
        where: { id: target.id },
        data: { status: "COMPLETED", completedOn: d(addDays(today, -days)) },
      });
      break;
    case "person":
      await testDb.person.update({
        where: { id: target.personId },
        data: { gender: write.n % 2 === 0 ? "FEMALE" : "MALE", ethnicity: write.n % 3 === 0 ? "W1" : "A2" },
      });
      break;
    case "rolledBack":
      await testDb
        .$transaction(async (tx) => {
          await tx.requirement.update({ where: { id: target.id }, data: { hoursOrdered: 999 } });
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      break;
  }
  return target.region.id;
}

beforeAll(async () => {
  await seedReferenceData();
  regions = [await makeRegion(), await makeRegion(), await makeRegion()];
  for (const region of regions) placements.set(region.id, (await makePlacement(region, { capacity: 30 })).id);
  for (const [i, region] of regions.entries()) {
    for (let k = 0; k < 3; k++) {
      const made = await addCase(region, 30 + 40 * k + i * 11);
      await attend(made.requirementId, region, 5 + k, "ATTENDED_COMPLIED", 120);
    }
  }
});

afterAll(() => testDb.$disconnect());

describe("per-region data versions", () => {
  it("a write bumps its own region only, once per transaction; a transfer bumps both; a rollback none", async () => {
    const [A, B, C] = regions as [TestRegion, TestRegion, TestRegion];
    const reqA = requirements.find((r) => r.region === A) ?? requirements[0];
    if (!reqA) throw new Error("no case");
    let before = await versions();
    await attend(reqA.id, A, 2, "ATTENDED_COMPLIED", 60);
    let after = await versions();
    // makeSession, makeAllocation and makeAttendance: three transactions that write A's figures' tables (Allocation, Attendance) — Session is not one.
    expect((after.get(A.id) ?? 0) - (before.get(A.id) ?? 0)).toBe(2);
    expect(after.get(B.id)).toBe(before.get(B.id));
    expect(after.get(C.id)).toBe(before.get(C.id));

    before = after;
    await testDb.$transaction([
      testDb.eteCredit.create({
        data: { requirementId: reqA.id, date: d(addDays(today, -3)), minutes: 60, activity: "Course" },
      }),
      testDb.eteCredit.create({
        data: { requirementId: reqA.id, date: d(addDays(today, -4)), minutes: 60, activity: "Course" },
      }),
      testDb.requirement.update({ where: { id: reqA.id }, data: { hoursOrdered: 80 } }),
    ]);
    after = await versions();
    expect((after.get(A.id) ?? 0) - (before.get(A.id) ?? 0)).toBe(1);

    before = after;
    await testDb
      .$transaction(async (tx) => {
        await tx.eteCredit.create({
          data: { requirementId: reqA.id, date: d(addDays(today, -3)), minutes: 60, activity: "Course" },
        });
        throw new Error("no");
      })
      .catch(() => undefined);
    expect(await versions()).toEqual(before);

    await testDb.requirement.update({ where: { id: reqA.id }, data: { regionId: B.id, pduId: B.pduId } });
    after = await versions();
    expect((after.get(A.id) ?? 0) - (before.get(A.id) ?? 0)).toBe(1);
    expect((after.get(B.id) ?? 0) - (before.get(B.id) ?? 0)).toBe(1);
    expect(after.get(C.id)).toBe(before.get(C.id));
    await testDb.requirement.update({ where: { id: reqA.id }, data: { regionId: A.id, pduId: A.pduId } });

    // A statement that changes no row bumps nothing.
    before = await versions();
    await testDb.attendance.updateMany({
      where: { requirementId: "00000000-0000-0000-0000-000000000000" },
      data: { note: "x" },
    });
    expect(await versions()).toEqual(before);

    // Bank holidays change every region's working days: every region moves.
    await testDb.bankHoliday.create({ data: { date: d("2099-12-27"), name: "Test holiday" } });
    after = await versions();
    for (const region of regions) expect(after.get(region.id)).toBe((before.get(region.id) ?? 0) + 1);
    await testDb.bankHoliday.delete({ where: { date: d("2099-12-27") } });
  });

  it("writers in different regions do not wait for each other; in the same region they queue only at commit", async () => {
    const [A, B] = regions as [TestRegion, TestRegion];
    const reqA = requirements.find((r) => r.region === A);
    const reqB = requirements.find((r) => r.region === B);
    if (!reqA || !reqB) throw new Error("no case");
    const holder = createPrismaClient(testDatabaseUrl(), { max: 1 });
    const other = createPrismaClient(testDatabaseUrl(), { max: 2 });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    try {
      // Someone is committing in region A (holding A's version row).
      const holding = holder.$transaction(
        async (tx) => {
          await tx.$executeRaw`INSERT INTO "DashboardRegionVersion" ("regionId") VALUES (${A.id}::uuid) ON CONFLICT DO NOTHING`;
          await tx.$queryRaw`SELECT 1 FROM "DashboardRegionVersion" WHERE "regionId" = ${A.id}::uuid FOR UPDATE`;
          locked();
          await released;
        },
        { timeout: 20_000 },
      );
      await isLocked;
      const inRegion = (requirementId: string) =>
        other.$transaction(async (tx) => {
          await tx.$executeRaw`SET LOCAL lock_timeout = '1500ms'`;
          await tx.eteCredit.create({
            data: { requirementId, date: d(addDays(today, -2)), minutes: 30, activity: "Course" },
          });
        });
      const started = performance.now();
      await inRegion(reqB.id);
      expect(performance.now() - started).toBeLessThan(1_500);
      await expect(inRegion(reqA.id)).rejects.toThrow(/lock timeout|55P03/i);
      release();
      await holding;
      await inRegion(reqA.id);
    } finally {
      release();
      await holder.$disconnect();
      await other.$disconnect();
    }
  });

  it("transfers both ways and bank-holiday changes at the same time never deadlock", async () => {
    const [A, B] = regions as [TestRegion, TestRegion];
    const a = await addCase(A, 90);
    const b = await addCase(B, 91);
    const writers = createPrismaClient(testDatabaseUrl(), { max: 8 });
    try {
      const moves = Array.from({ length: 24 }, (_, i) =>
        writers.$transaction(async (tx) => {
          // Touch both regions in opposite orders: A then B, or B then A.
          const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
          await tx.eteCredit.create({
            data: { requirementId: first.requirementId, date: d(addDays(today, -1)), minutes: 15, activity: "Course" },
          });
          await tx.eteCredit.create({
            data: { requirementId: second.requirementId, date: d(addDays(today, -1)), minutes: 15, activity: "Course" },
          });
          if (i % 6 === 5)
            await tx.bankHoliday.upsert({
              where: { date: d("2099-12-28") },
              create: { date: d("2099-12-28"), name: "Test" },
              update: { name: `Test ${i}` },
            });
        }),
      );
      const results = await Promise.allSettled(moves);
      expect(
        results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
      ).toEqual([]);
    } finally {
      await writers.$disconnect();
      await testDb.bankHoliday.deleteMany({ where: { date: d("2099-12-28") } });
    }
  });

  it("a cold national request counts the regions one after another, so it never queues past the pool's wait limit", async () => {
    // Before: every region's ~17 queries at once (hundreds for 12 regions) waited for a pooled
    // connection longer than DATABASE_CONNECT_TIMEOUT_MS and the page failed ("timeout exceeded when
    // trying to connect"). A small pool with a short wait shows it on the test data.
    for (let i = 0; i < 6; i++) await makeRegion();
    const small = createPrismaClient(testDatabaseUrl(), { max: 2, connectTimeoutMs: 1_000 });
    try {
      const cached = await loadDashboardFiguresCached(small, { asOf: today, regionId: null });
      const live = await loadDashboardFigures(testDb, { asOf: today, regionId: null });
      expect(cached.activeCaseload).toBe(live.activeCaseload);
    } finally {
      await small.$disconnect();
    }
  });

  it("property: after any sequence of writes the cached figures equal a full recomputation in every scope", async () => {
    const write = fc.record({ kind: fc.constantFrom(...KINDS), pick: fc.nat(1_000), n: fc.nat(1_000) });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 3, maxLength: 8 }), async (writes) => {
        for (const scope of scopes()) await loadDashboardFiguresCached(testDb, scope);
        for (const [i, w] of writes.entries()) {
          await apply(w);
          // Check every scope after some writes, and always after the last.
          if (i % 3 === 2 || i === writes.length - 1) for (const scope of scopes()) await expectSameAsLive(scope);
        }
      }),
      { numRuns: 6, seed: 20261203, endOnFailure: true },
    );
  }, 240_000);
});

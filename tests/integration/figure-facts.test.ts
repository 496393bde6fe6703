// The figures kept current per requirement (docs/decisions/0090-figure-facts.md): every write marks
// the requirements it touches in its own transaction (a rolled-back one marks nothing), a reader
// replaces their rows before counting, and the figures counted from FigureFact always equal a full
// recount over the source tables — for the nation, each region, a PDU, a team type — after any
// sequence of writes (property test), with writers and readers at the same time, and across two
// app instances. Past dates still come from the dated history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDatabaseUrl, testDb } from "../support/db";
import { canonicalTallies } from "../support/tallies";
import { createPrismaClient, type PrismaClient } from "@/server/db/create-client";
import { makePlacement, makeRegion, makeUser, seedReferenceData } from "../support/factories";
import { addCase, apply, attend, KINDS, world } from "../support/random-writes";
import { addDays, todayInLondon, utcDateFromIsoDate as d, type IsoDate } from "@/domain";
import { computeDashboardTallies, loadDashboardFigures, type FigureScope } from "@/server/queries/dashboard";
import { computeTallies, loadDashboardFiguresCached } from "@/server/queries/dashboard-cache";
import { figureFactStats, figureFactTuning, refreshFigureFacts } from "@/server/queries/figure-facts";

const today: IsoDate = todayInLondon();
const past = addDays(today, -40);
const { regions, placements, requirements } = world;

/** The tallies as sorted lines, so two computations that found the same rows in another order compare equal. */

const scopes = (): FigureScope[] => [
  { asOf: today, regionId: null },
  ...regions.map((r) => ({ asOf: today, regionId: r.id })),
  { asOf: today, regionId: regions[0]?.id ?? null, pduId: regions[0]?.pduId },
  { asOf: today, regionId: null, pduId: regions[1]?.pduId },
  { asOf: today, regionId: null, teamType: "SENTENCE_MANAGEMENT" },
];

/** From the facts (today) equals a full recount, in every scope; a past date's cached figures equal its live ones. */
async function expectExact(client: PrismaClient = testDb) {
  for (const scope of scopes()) {
    const facts = await computeTallies(client, scope);
    const full = await computeDashboardTallies(client, scope);
    expect(canonicalTallies(facts), JSON.stringify(scope)).toBe(canonicalTallies(full));
  }
  for (const scope of [
    { asOf: past, regionId: null },
    { asOf: past, regionId: regions[1]?.id ?? null },
  ]) {
    const { computedAt, ...cached } = await loadDashboardFiguresCached(client, scope);
    expect(computedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(await loadDashboardFigures(client, scope)));
  }
}

const marks = async () =>
  (await testDb.$queryRaw<{ id: string | null }[]>`SELECT "requirementId"::text AS id FROM "FigureFactMark"`).map(
    (m) => m.id,
  );

beforeAll(async () => {
  await seedReferenceData();
  regions.push(await makeRegion(), await makeRegion(), await makeRegion());
  world.userId = (await makeUser("MANAGER", regions[0] ?? null)).id;
  for (const region of regions) placements.set(region.id, (await makePlacement(region, { capacity: 40 })).id);
  for (const [i, region] of regions.entries()) {
    for (let k = 0; k < 4; k++) {
      const made = await addCase(region, 30 + 90 * k + i * 11);
      await attend(made.requirementId, region, 5 + k, "ATTENDED_COMPLIED", 120);
    }
  }
});

afterAll(() => testDb.$disconnect());

describe("figure facts", () => {
  it("a write marks its requirement in its own transaction; a rolled-back one marks nothing; a reader consumes the marks", async () => {
    await refreshFigureFacts(testDb, today, undefined);
    expect(await marks()).toEqual([]);
    const [a, b] = requirements;
    if (!a || !b) throw new Error("no case");
    await testDb.eteCredit.create({
      data: { requirementId: a.id, date: d(addDays(today, -2)), minutes: 60, activity: "Course" },
    });
    expect(await marks()).toEqual([a.id]);

    await testDb
      .$transaction(async (tx) => {
        await tx.eteCredit.create({
          data: { requirementId: b.id, date: d(addDays(today, -2)), minutes: 60, activity: "Course" },
        });
        throw new Error("no");
      })
      .catch(() => undefined);
    expect(await marks()).toEqual([a.id]);

    // A statement that changes no row marks nothing.
    await testDb.attendance.updateMany({
      where: { requirementId: "00000000-0000-0000-0000-000000000000" },
      data: { note: "x" },
    });
    expect(await marks()).toEqual([a.id]);

    expect(await refreshFigureFacts(testDb, today, undefined)).toBe("replaced");
    expect(await marks()).toEqual([]);
    await expectExact();

    // Bank holidays change every requirement's working days: the table is rebuilt.
    await testDb.bankHoliday.create({ data: { date: d("2099-12-27"), name: "Test holiday" } });
    expect(await marks()).toEqual([null]);
    expect(await refreshFigureFacts(testDb, today, undefined)).toBe("rebuilt");
    await testDb.bankHoliday.delete({ where: { date: d("2099-12-27") } });
    await expectExact();
  });

  it("another day or other rules rebuild the table before it is read", async () => {
    await refreshFigureFacts(testDb, today, undefined);
    await testDb.$executeRaw`UPDATE "FigureFactState" SET "asOf" = ${addDays(today, -1)}::date`;
    const before = figureFactStats.rebuilt;
    await expectExact();
    expect(figureFactStats.rebuilt).toBe(before + 1);
  });

  it("a rebuild in slices of requirements (as at national sizes) gives the same facts as one statement", async () => {
    const slice = figureFactTuning.rebuildSlice;
    figureFactTuning.rebuildSlice = 5;
    try {
      await testDb.$executeRaw`UPDATE "FigureFactState" SET "asOf" = ${addDays(today, -1)}::date`;
      expect(await refreshFigureFacts(testDb, today, undefined)).toBe("rebuilt");
      await expectExact();
    } finally {
      figureFactTuning.rebuildSlice = slice;
    }
  });

  it("writers on the same requirements and readers at the same time, on two app instances, leave the facts exact", async () => {
    const one = createPrismaClient(testDatabaseUrl(), { max: 4 });
    const two = createPrismaClient(testDatabaseUrl(), { max: 4 });
    const writers = createPrismaClient(testDatabaseUrl(), { max: 6 });
    const [a, b] = requirements;
    if (!a || !b) throw new Error("no case");
    try {
      const writes = Array.from({ length: 24 }, (_, i) =>
        writers.$transaction(async (tx) => {
          // Both writers touch a and b, in opposite orders, with a reader in between.
          const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
          await tx.eteCredit.create({
            data: { requirementId: first.id, date: d(addDays(today, -1 - (i % 5))), minutes: 15, activity: "Course" },
          });
          await tx.eteCredit.create({
            data: { requirementId: second.id, date: d(addDays(today, -1 - (i % 3))), minutes: 15, activity: "Course" },
          });
        }),
      );
      const reads = Array.from({ length: 12 }, (_, i) =>
        computeTallies(i % 2 === 0 ? one : two, { asOf: today, regionId: i % 3 === 0 ? null : a.region.id }),
      );
      const results = await Promise.allSettled([...writes, ...reads]);
      expect(
        results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
      ).toEqual([]);
      await expectExact(one);
      await expectExact(two);
    } finally {
      await Promise.all([one.$disconnect(), two.$disconnect(), writers.$disconnect()]);
    }
  });

  it("property: after any sequence of writes the figures from the facts equal a full recount in every scope", async () => {
    const write = fc.record({ kind: fc.constantFrom(...KINDS), pick: fc.nat(1_000), n: fc.nat(1_000) });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 3, maxLength: 10 }), async (writes) => {
        for (const [i, w] of writes.entries()) {
          await apply(w);
          if (i % 4 === 3 || i === writes.length - 1) await expectExact();
        }
      }),
      { numRuns: 8, seed: 20261204, endOnFailure: true },
    );
  }, 300_000);
});

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
} from "../support/factories";
import { addDays, todayInLondon, utcDateFromIsoDate as d, type IsoDate } from "@/domain";
import { computeDashboardTallies, loadDashboardFigures, type FigureScope } from "@/server/queries/dashboard";
import { computeTallies, loadDashboardFiguresCached } from "@/server/queries/dashboard-cache";
import { figureFactStats, figureFactTuning, refreshFigureFacts } from "@/server/queries/figure-facts";

const today: IsoDate = todayInLondon();
const past = addDays(today, -40);
let regions: TestRegion[] = [];
let userId = "";
const placements = new Map<string, string>();
const requirements: { id: string; orderId: string; personId: string; region: TestRegion }[] = [];

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

async function addCase(region: TestRegion, sentencedDaysAgo: number) {
  const made = await makeCase(region, {
    sentenceDate: addDays(today, -sentencedDaysAgo),
    hoursOrdered: 40 + (sentencedDaysAgo % 5) * 20,
    managedBy: sentencedDaysAgo % 2 === 0 ? "STANDALONE_UPW" : "SENTENCE_MANAGEMENT",
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
  const session = await makeSession(placements.get(region.id) ?? "", { date: addDays(today, -daysAgo), capacity: 40 });
  const allocation = await makeAllocation(session.id, requirementId);
  return makeAttendance(allocation.id, { outcome, minutesCredited: minutes });
}

type Write = { kind: (typeof KINDS)[number]; pick: number; n: number };
const KINDS = [
  "attendance",
  "absence",
  "correction",
  "ete",
  "extension",
  "breach",
  "warning",
  "courtOutcome",
  "standDown",
  "transfer",
  "newCase",
  "complete",
  "review",
  "person",
  "rolledBack",
] as const;

async function apply(write: Write): Promise<void> {
  const target = requirements[write.pick % requirements.length];
  if (!target) throw new Error("no requirements");
  const days = 1 + (write.n % 60);
  switch (write.kind) {
    case "attendance":
      await attend(target.id, target.region, days, "ATTENDED_COMPLIED", 60 + (write.n % 4) * 60);
      return;
    case "absence":
      await attend(target.id, target.region, days, "UNACCEPTABLE_ABSENCE", 0);
      return;
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
      return;
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
      return;
    case "extension":
      await testDb.extension.create({
        data: {
          requirementId: target.id,
          grantedOn: d(addDays(today, -days)),
          newEndDate: d(addDays(today, write.n % 2 === 0 ? 20 : 200)),
          court: "Test Court",
          reason: "More time",
        },
      });
      return;
    case "breach":
    case "warning":
      await testDb.enforcementAction.create({
        data: {
          requirementId: target.id,
          orderId: target.orderId,
          type: write.kind === "breach" ? "BREACH" : "WARNING",
          date: d(addDays(today, -days)),
          failureDate: d(addDays(today, -days)),
          failureDescription: "Missed",
        },
      });
      return;
    case "courtOutcome": {
      const action = await testDb.enforcementAction.findFirst({ where: { requirementId: target.id, type: "BREACH" } });
      if (action)
        await testDb.enforcementOutcome.create({
          data: {
            actionId: action.id,
            outcome: write.n % 2 === 0 ? "WARRANT_ISSUED" : "CONTINUE",
            date: d(addDays(today, -(write.n % 3))),
          },
        });
      return;
    }
    case "standDown":
      await attend(target.id, target.region, 1 + (write.n % 20), "ATTENDED_SENT_HOME_SERVICE", 0);
      return;
    case "transfer": {
      // As the transfer service does: the accepted transfer and the new region in one transaction.
      const to = regions[(regions.indexOf(target.region) + 1 + (write.n % (regions.length - 1))) % regions.length];
      if (!to) return;
      await testDb.$transaction([
        testDb.requirementTransfer.create({
          data: {
            requirementId: target.id,
            fromRegionId: target.region.id,
            toRegionId: to.id,
            reason: "Moved",
            status: "ACCEPTED",
            requestedById: userId,
            decidedById: userId,
            decidedAt: new Date(),
            acceptedOn: d(addDays(today, -(write.n % 10))),
          },
        }),
        testDb.requirement.update({ where: { id: target.id }, data: { regionId: to.id, pduId: to.pduId } }),
      ]);
      target.region = to;
      return;
    }
    case "newCase":
      await addCase(regions[write.n % regions.length] ?? target.region, 10 + write.n * 7);
      return;
    case "complete":
      await testDb.requirement.update({
        where: { id: target.id },
        data: { status: "COMPLETED", completedOn: d(addDays(today, -days)) },
      });
      return;
    case "review":
      await testDb.review.upsert({
        where: {
          requirementId_kind_dueOn: { requirementId: target.id, kind: "SIX_MONTH", dueOn: d(addDays(today, -100)) },
        },
        create: {
          requirementId: target.id,
          kind: "SIX_MONTH",
          dueOn: d(addDays(today, -100)),
          completedOn: d(addDays(today, -days)),
        },
        update: { completedOn: d(addDays(today, -days)) },
      });
      return;
    case "person":
      await testDb.person.update({
        where: { id: target.personId },
        data: {
          gender: write.n % 2 === 0 ? "FEMALE" : "MALE",
          ethnicity: write.n % 3 === 0 ? "W1" : "A2",
          dateOfBirth: d(addDays(today, -365 * (19 + (write.n % 30)))),
        },
      });
      return;
    case "rolledBack":
      await testDb
        .$transaction(async (tx) => {
          await tx.requirement.update({ where: { id: target.id }, data: { hoursOrdered: 999 } });
          await tx.eteCredit.create({
            data: { requirementId: target.id, date: d(addDays(today, -1)), minutes: 600, activity: "Course" },
          });
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      return;
  }
}

beforeAll(async () => {
  await seedReferenceData();
  regions = [await makeRegion(), await makeRegion(), await makeRegion()];
  userId = (await makeUser("MANAGER", regions[0] ?? null)).id;
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

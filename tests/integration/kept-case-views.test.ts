// GET /api/v1/cases from kept case views (docs/decisions/0101-kept-case-views.md): a list read twice
// with nothing written in between is answered from the views the first read kept, and after any
// sequence of writes — every kind the figures read, plus the assessment, its risk codes and the
// shared rows a case view shows (a risk code's code, a region's over-subscription, a PDU's code, a
// placement's type) — the kept list equals the list worked out afresh. Writers and list readers on
// two app instances at once leave no out-of-date view kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDatabaseUrl, testDb } from "../support/db";
import { makePlacement, makeRegion, makeUser, seedReferenceData, type TestUser } from "../support/factories";
import { addCase, apply, attend, KINDS, world } from "../support/random-writes";
import { addDays, todayInLondon, utcDateFromIsoDate as d, type IsoDate } from "@/domain";
import { createPrismaClient } from "@/server/db/create-client";
import { listCasesAsJson, listCasesForApi } from "@/server/services/cases/list-cases";
import { keptCaseViewHooks, keptCaseViewStats, readKeptCaseList } from "@/server/services/cases/kept-case-views";
import { refreshFigureFacts } from "@/server/queries/figure-facts";

const today: IsoDate = todayInLondon();
const { regions, placements, requirements } = world;
const managers: TestUser[] = [];

/**
 * Each region's list as a request gets it (kept views) equals the one worked out afresh in a
 * transaction of its own; and the JSON text GET /api/v1/cases sends, read first (so after writes it
 * works views out and keeps them) and again (from the kept views alone), is that list written with
 * JSON.stringify, byte for byte.
 */
async function expectKeptExact() {
  for (const manager of managers) {
    const worked = await listCasesAsJson(manager, {});
    const kept = await listCasesAsJson(manager, {});
    const values = await listCasesForApi(manager, {});
    const fresh = await testDb.$transaction((tx) => listCasesForApi(manager, {}, { tx }));
    expect(values, manager.regionCode ?? "").toEqual(fresh);
    if (!worked.ok || !kept.ok || !fresh.ok) throw new Error("the case list was refused");
    for (const json of [worked, kept]) {
      expect(json.value.json.text, manager.regionCode ?? "").toBe(JSON.stringify(fresh.value));
      expect(json.value.ids).toEqual(fresh.value.cases.map((c) => c.id));
    }
  }
}

const CASE_VIEW_KINDS = [
  "concurrent",
  "unrelate",
  "partnerEte",
  "assessment",
  "riskCode",
  "overSubscription",
  "pduCode",
  "placementType",
  "autoEnforcement",
] as const;
type CaseViewWrite = { kind: (typeof CASE_VIEW_KINDS)[number] | (typeof KINDS)[number]; pick: number; n: number };

/** The writes to what a case view shows beyond the figures; anything else as the figure facts' test writes it. */
async function applyAny(write: CaseViewWrite): Promise<void> {
  const target = requirements[write.pick % requirements.length];
  if (!target) throw new Error("no requirements");
  switch (write.kind) {
    case "assessment": {
      const codes = await testDb.riskCode.findMany({ orderBy: { id: "asc" }, take: 3 });
      const code = codes[write.n % codes.length];
      const assessment = await testDb.assessment.upsert({
        where: { requirementId: target.id },
        create: { requirementId: target.id, rosh: "MEDIUM", complete: write.n % 2 === 0, eteEligible: true },
        update: { rosh: write.n % 2 === 0 ? "HIGH" : "LOW", complete: true, version: { increment: 1 } },
      });
      if (code)
        await testDb.assessmentRiskCode.upsert({
          where: { assessmentId_riskCodeId: { assessmentId: assessment.id, riskCodeId: code.id } },
          create: {
            assessmentId: assessment.id,
            riskCodeId: code.id,
            title: code.title,
            guidance: code.guidance,
            catalogueVersion: 1,
          },
          update: { note: `note ${write.n}` },
        });
      return;
    }
    case "riskCode": {
      const link = await testDb.assessmentRiskCode.findFirst({ include: { riskCode: true } });
      if (link)
        await testDb.riskCode.update({
          where: { id: link.riskCodeId },
          data: { code: `X${write.n}${link.riskCode.code}`.slice(0, 16) },
        });
      return;
    }
    case "overSubscription":
      await testDb.region.update({
        where: { id: target.region.id },
        data: { overSubscriptionPercent: 100 + (write.n % 40) },
      });
      return;
    case "pduCode":
      await testDb.pdu.update({
        where: { id: target.region.pduId },
        data: { code: `P${write.n}-${target.region.pduId.slice(0, 8)}` },
      });
      return;
    case "placementType":
      await testDb.placement.update({
        where: { id: placements.get(target.region.id) ?? "" },
        data: { type: write.n % 2 === 0 ? "INDIVIDUAL" : "GROUP" },
      });
      return;
    case "concurrent": {
      // Another requirement runs alongside the target: every hour of either counts for both (decision 0094).
      const other = requirements[(write.pick + 1 + (write.n % (requirements.length - 1))) % requirements.length];
      if (other && other.id !== target.id)
        await testDb.requirement.update({
          where: { id: other.id },
          data: { orderRelation: "CONCURRENT", relatedRequirementId: target.id },
        });
      return;
    }
    case "unrelate":
      // The relation lives on the row that names the other: only that row is written.
      await testDb.requirement.updateMany({
        where: { relatedRequirementId: target.id },
        data: { orderRelation: null, relatedRequirementId: null },
      });
      return;
    case "partnerEte": {
      // Straight to the table, as an import or an administrator's SQL would: only the partner's own row is marked.
      const partner = await testDb.requirement.findFirst({
        where: { OR: [{ relatedRequirementId: target.id }, { relatedBy: { some: { id: target.id } } }] },
      });
      await testDb.eteCredit.create({
        data: { requirementId: (partner ?? target).id, date: d(addDays(today, -3)), minutes: 30, activity: "Course" },
      });
      return;
    }
    case "autoEnforcement":
      // Shows in no case view, so it marks nothing; the kept views stay right either way.
      await testDb.region.update({ where: { id: target.region.id }, data: { autoEnforcement: write.n % 2 === 0 } });
      return;
    default:
      await apply({ kind: write.kind, pick: write.pick, n: write.n });
  }
}

beforeAll(async () => {
  await seedReferenceData();
  regions.push(await makeRegion(), await makeRegion());
  world.userId = (await makeUser("MANAGER", regions[0] ?? null)).id;
  for (const region of regions) {
    managers.push(await makeUser("MANAGER", region));
    placements.set(region.id, (await makePlacement(region, { capacity: 40 })).id);
  }
  for (const [i, region] of regions.entries()) {
    for (let k = 0; k < 4; k++) {
      const made = await addCase(region, 30 + 90 * k + i * 11);
      await attend(made.requirementId, region, 5 + k, "ATTENDED_COMPLIED", 120);
    }
  }
});

afterAll(() => testDb.$disconnect());

describe("kept case views", () => {
  it("a second read with nothing written answers from the views the first one kept; a write is seen at once", async () => {
    const [manager] = managers;
    const [a] = requirements;
    if (!manager || !a) throw new Error("no manager");
    await listCasesForApi(manager, {});
    const before = { ...keptCaseViewStats };
    const again = await listCasesForApi(manager, {});
    expect(keptCaseViewStats.whole).toBe(before.whole + 1);
    expect(keptCaseViewStats.workedOut).toBe(before.workedOut);
    if (!again.ok) throw new Error(again.message);
    const kept = await testDb.keptCaseView.count({
      where: { requirementId: { in: again.value.cases.map((c) => c.id) } },
    });
    expect(kept).toBe(again.value.cases.length);

    // An ETE credit on one case: that view alone is worked out again, and shows the credit.
    await testDb.eteCredit.create({
      data: { requirementId: a.id, date: d(addDays(today, -1)), minutes: 60, activity: "Course" },
    });
    const mid = { ...keptCaseViewStats };
    const after = await listCasesForApi(manager, {});
    if (!after.ok) throw new Error(after.message);
    expect(keptCaseViewStats.workedOut).toBe(mid.workedOut + 1);
    const before60 = again.value.cases.find((c) => c.id === a.id)?.minutesEte ?? 0;
    expect(after.value.cases.find((c) => c.id === a.id)?.minutesEte).toBe(before60 + 60);
    await expectKeptExact();
  });

  it("a concurrent relation made or removed on one row changes the other case's kept view", async () => {
    const [manager] = managers;
    const [x, c] = requirements.filter((r) => r.region === regions[0]);
    if (!manager || !x || !c) throw new Error("no cases");
    await expectKeptExact(); // x's view is kept
    await testDb.requirement.update({
      where: { id: c.id },
      data: { orderRelation: "CONCURRENT", relatedRequirementId: x.id },
    });
    await expectKeptExact();
    // The relation ends: only c's row is written, and x no longer counts c's credits.
    await testDb.requirement.update({ where: { id: c.id }, data: { orderRelation: null, relatedRequirementId: null } });
    await expectKeptExact();
  });

  it("a past date, a filter and a search read the same as afresh", async () => {
    const [manager] = managers;
    if (!manager) throw new Error("no manager");
    for (const query of [{ asOf: addDays(today, -20) }, { status: "ACTIVE" as const }, { q: "a" }]) {
      const kept = await listCasesForApi(manager, query);
      const fresh = await testDb.$transaction((tx) => listCasesForApi(manager, query, { tx }));
      expect(kept).toEqual(fresh);
    }
  });

  it("a view worked out from a snapshot that a refresh has since passed is not kept", async () => {
    const [manager] = managers;
    const [a] = requirements;
    if (!manager || !a) throw new Error("no case");
    await testDb.keptCaseView.deleteMany({ where: { requirementId: a.id } });
    // While the list works out a's view, a credit on a commits and another request's refresh takes its mark.
    keptCaseViewHooks.beforeKeeping = async () => {
      keptCaseViewHooks.beforeKeeping = undefined;
      await testDb.eteCredit.create({
        data: { requirementId: a.id, date: d(addDays(today, -2)), minutes: 45, activity: "Course" },
      });
      await refreshFigureFacts(testDb, today, undefined);
    };
    const before = keptCaseViewStats.notKept;
    try {
      await listCasesForApi(manager, {});
    } finally {
      keptCaseViewHooks.beforeKeeping = undefined;
    }
    expect(keptCaseViewStats.notKept).toBe(before + 1);
    await expectKeptExact();
  });

  it("writers and list readers on two app instances at once leave no out-of-date view kept", async () => {
    const one = createPrismaClient(testDatabaseUrl(), { max: 4 });
    const two = createPrismaClient(testDatabaseUrl(), { max: 4 });
    const [a, b] = requirements;
    const [manager] = managers;
    if (!a || !b || !manager) throw new Error("no case");
    try {
      const writes = Array.from({ length: 20 }, (_, i) =>
        testDb.eteCredit.create({
          data: {
            requirementId: (i % 2 ? a : b).id,
            date: d(addDays(today, -1 - (i % 4))),
            minutes: 15,
            activity: "Course",
          },
        }),
      );
      const reads = Array.from({ length: 16 }, (_, i) => readKeptCaseList(i % 2 ? one : two, manager, {}, today));
      const results = await Promise.allSettled([...writes, ...reads]);
      expect(
        results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
      ).toEqual([]);
      await expectKeptExact();
    } finally {
      await Promise.all([one.$disconnect(), two.$disconnect()]);
    }
  });

  it("property: after any sequence of writes the kept list equals the list worked out afresh", async () => {
    const write = fc.record({
      kind: fc.constantFrom(...KINDS, ...CASE_VIEW_KINDS),
      pick: fc.nat(1_000),
      n: fc.nat(1_000),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 3, maxLength: 10 }), async (writes) => {
        for (const [i, w] of writes.entries()) {
          await applyAny(w);
          if (i % 3 === 2 || i === writes.length - 1) await expectKeptExact();
        }
      }),
      { numRuns: 10, seed: 20261204, endOnFailure: true },
    );
  }, 300_000);
});

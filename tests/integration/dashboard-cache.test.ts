// The dashboard figures cache (docs/decisions/0015-dashboard-figures-cache.md): a snapshot is
// served only while no data the figures read has changed; scopes never share one; a manager only
// ever reaches their own region's; past and current as-of dates are both right; simultaneous
// requests compute once. Every cached answer is compared with the live computation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl, testDb } from "../support/db";
import { createPrismaClient } from "@/server/db/create-client";
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
import { addDays, todayInLondon, utcDateFromIsoDate as d, type IsoDate } from "@/domain";
import { AccessError } from "@/server/auth/access";
import { loadDashboardFigures, type FigureScope } from "@/server/queries/dashboard";
import {
  dashboardCacheStats,
  dashboardScopeKey,
  loadDashboardFiguresCached,
  loadDashboardTalliesCached,
  readRegionVersions,
} from "@/server/queries/dashboard-cache";
import { loadSummaryForApi } from "@/server/queries/dashboard-api";

const today: IsoDate = todayInLondon();
const yesterday = addDays(today, -1);
const past = addDays(today, -60);
const versionOf = async (regionId: string) => Number((await readRegionVersions(testDb, regionId)).get(regionId));
let A: TestRegion;
let B: TestRegion;
let managerA: TestUser;
let national: TestUser;
let requirementA: string;
let placementA: string;

/** The cached figures, without when they were computed, must equal the live ones exactly. */
async function expectSameAsLive(scope: FigureScope) {
  const { computedAt, ...cached } = await loadDashboardFiguresCached(testDb, scope);
  expect(computedAt).toBeInstanceOf(Date);
  const live = await loadDashboardFigures(testDb, scope);
  expect(JSON.stringify(cached)).toBe(JSON.stringify(live));
  return cached;
}

async function credit(requirementId: string, date: IsoDate, minutes: number) {
  const session = await makeSession(placementA, { date, capacity: 20 });
  const allocation = await makeAllocation(session.id, requirementId);
  await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: minutes });
}

beforeAll(async () => {
  await seedReferenceData();
  A = await makeRegion();
  B = await makeRegion();
  managerA = await makeUser("MANAGER", A);
  national = await makeUser("NATIONAL_LEAD", null);
  placementA = (await makePlacement(A, { capacity: 20 })).id;
  requirementA = (await makeCase(A, { sentenceDate: addDays(today, -200), hoursOrdered: 100 })).requirementId;
  await testDb.requirement.update({ where: { id: requirementA }, data: { commencedOn: d(addDays(today, -190)) } });
  await makeCase(A, { sentenceDate: addDays(today, -30) });
  for (let i = 0; i < 3; i++) await makeCase(B, { sentenceDate: addDays(today, -100 - i) });
  await credit(requirementA, addDays(today, -3), 120);
});

afterAll(() => testDb.$disconnect());

describe("dashboard figures cache", () => {
  it("serves the snapshot while nothing has changed, and it equals the live figures", async () => {
    const scope = { asOf: today, regionId: A.id };
    const first = await loadDashboardTalliesCached(testDb, scope);
    expect(["computed", "snapshot"]).toContain(first.source);
    const again = await loadDashboardTalliesCached(testDb, scope);
    expect(again.source).toBe("memory");
    expect(again.marker).toBe(first.marker);
    const figures = await expectSameAsLive(scope);
    expect(figures.activeCaseload).toBe(2);
    expect(figures.hoursDelivered.workMinutes).toBe(120);
  });

  it("another app instance (another client, empty memory) gets the same figures from the shared snapshot", async () => {
    const scope = { asOf: today, regionId: A.id };
    const mine = await loadDashboardFiguresCached(testDb, scope);
    const otherInstance = createPrismaClient(testDatabaseUrl(), { max: 2 });
    try {
      expect((await loadDashboardTalliesCached(otherInstance, scope)).source).toBe("snapshot");
      const theirs = await loadDashboardFiguresCached(otherInstance, scope);
      // computedAt: undefined drops it from the JSON (the figures must match, not the clock).
      expect(JSON.stringify({ ...theirs, computedAt: undefined })).toBe(
        JSON.stringify({ ...mine, computedAt: undefined }),
      );
    } finally {
      await otherInstance.$disconnect();
    }
  });

  it("a new attendance changes the figures at once (the data version moves in the same transaction)", async () => {
    const scope = { asOf: today, regionId: A.id };
    const before = await loadDashboardFiguresCached(testDb, scope);
    const markerBefore = await versionOf(A.id);
    await credit(requirementA, yesterday, 90);
    expect(await versionOf(A.id)).toBeGreaterThan(markerBefore);
    const after = await loadDashboardTalliesCached(testDb, scope);
    expect(after.source).toBe("computed");
    const figures = await expectSameAsLive(scope);
    expect(figures.hoursDelivered.workMinutes).toBe(before.hoursDelivered.workMinutes + 90);
  });

  it("a rolled-back write leaves the snapshot in use", async () => {
    const scope = { asOf: today, regionId: A.id };
    await loadDashboardTalliesCached(testDb, scope);
    const marker = await versionOf(A.id);
    await expect(
      testDb.$transaction(async (tx) => {
        await tx.requirement.update({ where: { id: requirementA }, data: { hoursOrdered: 120 } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await versionOf(A.id)).toBe(marker);
    expect((await loadDashboardTalliesCached(testDb, scope)).source).toBe("memory");
  });

  it("two scopes never share a snapshot", async () => {
    const scopes: FigureScope[] = [
      { asOf: today, regionId: A.id },
      { asOf: today, regionId: B.id },
      { asOf: today, regionId: null },
      { asOf: today, regionId: A.id, teamType: "SENTENCE_MANAGEMENT" },
      { asOf: today, regionId: A.id, pduId: A.pduId },
      { asOf: past, regionId: A.id },
    ];
    const keys = scopes.map(dashboardScopeKey);
    expect(new Set(keys).size).toBe(scopes.length);
    const figures = [];
    for (const scope of scopes) figures.push(await expectSameAsLive(scope));
    expect(figures[0]?.activeCaseload).toBe(2);
    expect(figures[1]?.activeCaseload).toBe(3);
    expect(figures[2]?.activeCaseload).toBeGreaterThanOrEqual(5);
    // Snapshots are per region: the nation's figures are put together from each region's.
    const national = keys[2] ?? "";
    const regionKeys = [
      ...keys.filter((key) => key !== national),
      ...[A.id, B.id].map((regionId) => dashboardScopeKey({ asOf: today, regionId })),
    ];
    const stored = await testDb.$queryRaw<
      { scopeKey: string }[]
    >`SELECT "scopeKey" FROM "DashboardSnapshot" WHERE "scopeKey" = ANY(${keys.concat(regionKeys)})`;
    expect(stored.map((row) => row.scopeKey).sort()).toEqual([...new Set(regionKeys)].sort());
  });

  it("a region's manager never gets another region's snapshot", async () => {
    const forB = await loadSummaryForApi(national, { region: B.code, asOf: today });
    expect(forB).toMatchObject({ region: B.code, activeCaseload: 3 });
    const own = await loadSummaryForApi(managerA, { asOf: today });
    expect(own).toMatchObject({ region: A.code, activeCaseload: 2 });
    await expect(loadSummaryForApi(managerA, { region: B.code, asOf: today })).rejects.toThrow(AccessError);
  });

  it("as of a past date and as of today are both right, before and after a write", async () => {
    const pastScope = { asOf: past, regionId: A.id };
    const todayScope = { asOf: today, regionId: A.id };
    const pastBefore = await expectSameAsLive(pastScope);
    await expectSameAsLive(todayScope);
    expect(pastBefore.activeCaseload).toBe(1);
    await makeCase(A, { sentenceDate: addDays(today, -2) });
    const pastAfter = await expectSameAsLive(pastScope);
    const todayAfter = await expectSameAsLive(todayScope);
    expect(pastAfter.activeCaseload).toBe(1);
    expect(todayAfter.activeCaseload).toBe(3);
  });

  it("ten simultaneous requests for one scope compute once", async () => {
    await makeCase(B, { sentenceDate: addDays(today, -50) });
    const scope = { asOf: today, regionId: B.id };
    const computedBefore = dashboardCacheStats.computed;
    const answers = await Promise.all(Array.from({ length: 10 }, () => loadDashboardFiguresCached(testDb, scope)));
    expect(dashboardCacheStats.computed - computedBefore).toBe(1);
    expect(new Set(answers.map((a) => a.activeCaseload))).toEqual(new Set([4]));
  });
});

// The trends cache (src/server/queries/trends-cache.ts, decision 0088): a cached trend equals a
// fresh computation; every as-of date in a month shares it; a write in the region — even a late
// one dated in a past month — invalidates it; a write in an unrelated region does not invalidate
// a regional trend but does the nation's; a case transferred away still invalidates the trend of
// the region it came from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeSession,
  type TestRegion,
} from "../support/factories";
import { loadTrends, type TrendScope } from "@/server/queries/trends";
import { loadTrendsCached } from "@/server/queries/trends-cache";

let london: TestRegion;
let wales: TestRegion;
let moved: string;
const scopeOf = (region: TestRegion | null, asOf = "2026-06-15"): TrendScope => ({
  asOf,
  regionId: region?.id ?? null,
  pduId: null,
  teamType: null,
});
const withoutSource = (trends: Awaited<ReturnType<typeof loadTrendsCached>>) =>
  Object.fromEntries(Object.entries(trends).filter(([key]) => key !== "source"));

async function worked(region: TestRegion, requirementId: string, date: string, minutes: number) {
  const placement = await makePlacement(region);
  const session = await makeSession(placement.id, { date });
  const allocation = await makeAllocation(session.id, requirementId);
  await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: minutes });
}

beforeAll(async () => {
  london = await makeRegion();
  wales = await makeRegion();
  const a = await makeCase(london, { sentenceDate: "2025-09-01" });
  await worked(london, a.requirementId, "2026-02-10", 240);
  await makeCase(london, { sentenceDate: "2025-01-10" });
  await makeCase(wales, { sentenceDate: "2025-10-01" });
  // A London case transferred to another region on 1 April 2026: it counts in London before then.
  const elsewhere = await makeRegion();
  moved = (await makeCase(london, { sentenceDate: "2025-11-01" })).requirementId;
  await worked(london, moved, "2026-01-20", 120);
  const manager = await testDb.user.create({
    data: { email: `transfer-${Date.now()}@test.test`, name: "Transfer", passwordHash: "x", role: "MANAGER" },
  });
  await testDb.requirementTransfer.create({
    data: {
      requirementId: moved,
      fromRegionId: london.id,
      toRegionId: elsewhere.id,
      reason: "Moved house",
      status: "ACCEPTED",
      requestedById: manager.id,
      decidedAt: new Date("2026-04-01T09:00:00Z"),
      acceptedOn: new Date("2026-04-01T00:00:00Z"),
    },
  });
  await testDb.requirement.update({ where: { id: moved }, data: { regionId: elsewhere.id } });
});
afterAll(() => testDb.$disconnect());

describe("trends cached by month end", () => {
  it("serves a copy equal to a fresh computation, shared by every as-of date in the month", async () => {
    const first = await loadTrendsCached(testDb, scopeOf(london));
    expect(first.source).toBe("computed");
    expect(withoutSource(first)).toEqual(await loadTrends(testDb, scopeOf(london)));
    const again = await loadTrendsCached(testDb, scopeOf(london, "2026-06-02"));
    expect(again.source).toBe("memory");
    expect(withoutSource(again)).toEqual(await loadTrends(testDb, scopeOf(london, "2026-06-02")));
  });

  it("a late write in the region (dated in a past month) invalidates it; the fresh copy shows it", async () => {
    const before = await loadTrendsCached(testDb, scopeOf(london));
    expect(before.source).toBe("memory");
    const late = await makeCase(london, { sentenceDate: "2025-12-01" });
    await worked(london, late.requirementId, "2026-03-05", 180);
    const after = await loadTrendsCached(testDb, scopeOf(london));
    expect(after.source).toBe("computed");
    expect(withoutSource(after)).toEqual(await loadTrends(testDb, scopeOf(london)));
    const march = (t: typeof after) => t.hours.find((p) => p.monthEnd === "2026-03-31")!.workMinutes;
    expect(march(after) - march(before)).toBe(180);
  });

  it("a write in another region leaves a regional trend cached, and the nation's recomputes", async () => {
    await loadTrendsCached(testDb, scopeOf(london));
    await loadTrendsCached(testDb, scopeOf(null));
    const w = await makeCase(wales, { sentenceDate: "2025-10-02" });
    await worked(wales, w.requirementId, "2026-02-11", 60);
    expect((await loadTrendsCached(testDb, scopeOf(london))).source).toBe("memory");
    const nation = await loadTrendsCached(testDb, scopeOf(null));
    expect(nation.source).toBe("computed");
    expect(withoutSource(nation)).toEqual(await loadTrends(testDb, scopeOf(null)));
  });

  it("a write to a case transferred away invalidates the trend of the region it came from", async () => {
    await loadTrendsCached(testDb, scopeOf(london));
    expect((await loadTrendsCached(testDb, scopeOf(london))).source).toBe("memory");
    // A late record dated in January, while the case was in London (its region now is elsewhere).
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: moved } });
    const elsewhere = await testDb.region.findUniqueOrThrow({ where: { id: requirement.regionId } });
    await worked({ ...london, id: elsewhere.id }, moved, "2026-01-27", 90);
    const after = await loadTrendsCached(testDb, scopeOf(london));
    expect(after.source).toBe("computed");
    expect(withoutSource(after)).toEqual(await loadTrends(testDb, scopeOf(london)));
  });
});

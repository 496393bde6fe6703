import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/server/db/create-client";
import { loadTrends, trendMonthEnds, type Trends, type TrendScope } from "./trends";

// The trends cache (docs/decisions/0088-trends-cached-by-month-end.md). Every trend point is
// worked out from the history dated on or before its month end, so the 12 points depend only on
// the last month end (every as-of date in a month shares them) and on the data of the requirements
// the scope can count. A cached copy is served while the data versions of the regions holding
// those requirements (docs/decisions/0076-figures-per-region.md) are what they were when it was
// computed: for the nation every region; for a region, itself and the regions that now hold a
// requirement that was ever transferred into or out of it (a trend counts a case where it was at
// each month end, and a write to a case bumps the region it is in now). A late correction bumps
// its region, so a changed past is never served; a write elsewhere leaves a regional trend alone.
// In this process only: a copy is exact in any instance (the versions are read from the
// database), so another instance computes its own at worst.

/** Bump when a trend's definition or the shape of `Trends` changes. */
export const TRENDS_CACHE_VERSION = 1;
const MEMORY_ENTRIES = 200;

/** How each request was answered (tests and diagnostics). */
export const trendsCacheStats = { memory: 0, computed: 0 };

type Entry = { marker: string; trends: Trends };

/** The key: the last month end (not the as-of date) and everything else the figures depend on. */
export function trendsScopeKey(scope: TrendScope): string {
  const lastMonthEnd = trendMonthEnds(scope.asOf).at(-1) ?? scope.asOf;
  return [
    `v${TRENDS_CACHE_VERSION}`,
    lastMonthEnd,
    scope.regionId ?? "all",
    scope.pduId ?? "all-pdus",
    scope.teamType ?? "all-teams",
    `s36:${scope.rules?.twelveMonthPeriodAbolishedFrom ?? "-"},s37:${scope.rules?.earnedReductionFrom ?? "-"}`,
  ].join("|");
}

/** The data versions a scope's trends depend on, as "region:version,…" in region-id order. */
export async function readTrendsMarker(client: PrismaClient, regionId: string | null): Promise<string> {
  const regions = regionId
    ? Prisma.sql`WHERE g."id" = ${regionId}::uuid OR g."id" IN (
        SELECT r."regionId" FROM "RequirementTransfer" t JOIN "Requirement" r ON r."id" = t."requirementId"
        WHERE t."status" = 'ACCEPTED' AND (t."fromRegionId" = ${regionId}::uuid OR t."toRegionId" = ${regionId}::uuid))`
    : Prisma.empty;
  const rows = await client.$queryRaw<{ regionId: string; version: string }[]>`
    SELECT g."id"::text AS "regionId", COALESCE(v."version", 0)::text AS version
    FROM "Region" g LEFT JOIN "DashboardRegionVersion" v ON v."regionId" = g."id" ${regions} ORDER BY g."id"`;
  return rows.map((row) => `${row.regionId}:${row.version}`).join(",");
}

const memory = new WeakMap<PrismaClient, Map<string, Entry>>();
const inFlight = new WeakMap<PrismaClient, Map<string, Promise<Entry>>>();
const mapFor = <V>(store: WeakMap<PrismaClient, Map<string, V>>, client: PrismaClient): Map<string, V> => {
  let map = store.get(client);
  if (!map) store.set(client, (map = new Map()));
  return map;
};

/**
 * The trends for a scope, as loadTrends computes them: from this process's copy while the data
 * versions are unchanged, else computed (once, however many ask at the same time). The versions
 * are read BEFORE computing, so a write committed meanwhile moves them past this copy's marker
 * and the copy is never served again: never wrong, at worst wasted.
 */
export async function loadTrendsCached(
  client: PrismaClient,
  scope: TrendScope,
): Promise<Trends & { source: "memory" | "computed" }> {
  const key = trendsScopeKey(scope);
  const marker = await readTrendsMarker(client, scope.regionId);
  const map = mapFor(memory, client);
  const known = map.get(key);
  if (known && known.marker === marker) {
    map.delete(key);
    map.set(key, known);
    trendsCacheStats.memory++;
    return { ...known.trends, source: "memory" };
  }
  const flights = mapFor(inFlight, client);
  const flightKey = `${key}#${marker}`;
  let flight = flights.get(flightKey);
  if (!flight) {
    trendsCacheStats.computed++;
    flight = loadTrends(client, scope)
      .then((trends) => ({ marker, trends }))
      .finally(() => flights.delete(flightKey));
    flights.set(flightKey, flight);
  }
  const entry = await flight;
  map.delete(key);
  map.set(key, entry);
  for (const oldest of map.keys()) {
    if (map.size <= MEMORY_ENTRIES) break;
    map.delete(oldest);
  }
  return { ...entry.trends, source: "computed" };
}

import "server-only";
import { isReadOnly, type PrismaClient } from "@/server/db/create-client";
import { todayInLondon } from "@/domain/dates";
import {
  computeDashboardTallies,
  dashboardFiguresFrom,
  pendingApprovals,
  type DashboardTallies,
  type FigureScope,
} from "./dashboard";
import { talliesFromFacts } from "./figure-facts";
import type { SourceKey, Tally } from "./dashboard-figures";
import { logger } from "@/server/log";

// The dashboard figures cache (docs/decisions/0015-dashboard-figures-cache.md, made per region by
// docs/decisions/0076-figures-per-region.md). Exact: a region's snapshot of a scope's tallies is
// served only while DashboardRegionVersion.version for that region is what it was when the tallies
// were computed; every transaction that writes data a region's figures read bumps that region's
// version at commit (deferred triggers, migration dashboard_region_versions), whoever writes —
// commands, seeds, scripts. The nation's tallies are every region's put together: each tally row
// is a count (or a sum) for one region, so the national figures are sums over them, and only the
// regions written since their snapshot are counted again. Shared by every app instance through the
// DashboardSnapshot table, with a small in-process copy in front of it, and single-flight:
// simultaneous requests for the same region's scope at the same version compute once. Drill-down
// lists do not use it: they stay live.

/** Bump when what a snapshot holds, or a figure's definition, changes: older snapshots are then never read. */
// 2: the "enforcement overdue" source joined the tallies (older snapshots lack it).
// 3: snapshots are per region (0076); the nation's are put together from them.
export const FIGURES_CACHE_VERSION = 3;
const MEMORY_ENTRIES = 600;

/** How often each path was taken in this process, per region's part (for tests and diagnostics). */
export const dashboardCacheStats = { memory: 0, snapshot: 0, computed: 0 };

type Entry = { marker: string; computedAt: Date; data: DashboardTallies };
/** Where a request's tallies came from: this process's copy, another instance's snapshot, or computed now. */
export type CacheSource = "memory" | "snapshot" | "computed";

/** The snapshot's key: everything the figures depend on besides the data. */
export function dashboardScopeKey(scope: FigureScope): string {
  const rules = `s36:${scope.rules?.twelveMonthPeriodAbolishedFrom ?? "-"},s37:${scope.rules?.earnedReductionFrom ?? "-"}`;
  return [
    `v${FIGURES_CACHE_VERSION}`,
    scope.asOf,
    scope.regionId ?? "all",
    scope.pduId ?? "all-pdus",
    scope.teamType ?? "all-teams",
    rules,
  ].join("|");
}

// Per client (i.e. per database), so a script or test holding two clients never mixes them.
const memory = new WeakMap<PrismaClient, Map<string, Entry>>();
const inFlight = new WeakMap<PrismaClient, Map<string, Promise<Entry & { source: CacheSource }>>>();

const mapFor = <V>(store: WeakMap<PrismaClient, Map<string, V>>, client: PrismaClient): Map<string, V> => {
  let map = store.get(client);
  if (!map) {
    map = new Map();
    store.set(client, map);
  }
  return map;
};

/** Every region's data version now (text, as it is a bigint; "0" before its first write), in region-id order. */
export async function readRegionVersions(client: PrismaClient, regionId?: string): Promise<Map<string, string>> {
  const rows = regionId
    ? await client.$queryRaw<{ regionId: string; version: string }[]>`
        SELECT ${regionId} AS "regionId", COALESCE((SELECT "version" FROM "DashboardRegionVersion" WHERE "regionId" = ${regionId}::uuid), 0)::text AS version`
    : await client.$queryRaw<{ regionId: string; version: string }[]>`
        SELECT g."id"::text AS "regionId", COALESCE(v."version", 0)::text AS version
        FROM "Region" g LEFT JOIN "DashboardRegionVersion" v ON v."regionId" = g."id" ORDER BY g."id"`;
  return new Map(rows.map((row) => [row.regionId, row.version]));
}

function remember<V>(map: Map<string, V>, key: string, entry: V): void {
  map.delete(key);
  map.set(key, entry);
  // Oldest first out: a Map iterates in insertion order and a hit re-inserts.
  for (const oldest of map.keys()) {
    if (map.size <= MEMORY_ENTRIES) break;
    map.delete(oldest);
  }
}

async function readSnapshot(client: PrismaClient, key: string, marker: string): Promise<Entry | null> {
  const rows = await client.$queryRaw<{ figures: DashboardTallies; computedAt: Date }[]>`
    SELECT "figures", "computedAt" FROM "DashboardSnapshot" WHERE "scopeKey" = ${key} AND "dataMarker" = ${marker}::bigint`;
  const row = rows[0];
  return row ? { marker, computedAt: row.computedAt, data: row.figures } : null;
}

async function saveSnapshot(
  client: PrismaClient,
  key: string,
  scope: FigureScope & { regionId: string },
  entry: Entry,
): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "DashboardSnapshot" ("scopeKey", "regionId", "asOf", "dataMarker", "figures")
    VALUES (${key}, ${scope.regionId}::uuid, ${scope.asOf}::date, ${entry.marker}::bigint, ${JSON.stringify(entry.data)}::jsonb)
    ON CONFLICT ("scopeKey") DO UPDATE SET "asOf" = EXCLUDED."asOf", "dataMarker" = EXCLUDED."dataMarker",
      "figures" = EXCLUDED."figures", "computedAt" = EXCLUDED."computedAt"
    WHERE "DashboardSnapshot"."dataMarker" < EXCLUDED."dataMarker"`;
  // A snapshot of this region at an older version can never be served again.
  await client.$executeRaw`DELETE FROM "DashboardSnapshot" WHERE "regionId" = ${scope.regionId}::uuid AND "dataMarker" < ${entry.marker}::bigint`;
}

/**
 * The marker is read BEFORE the figures are computed, each query in its own READ COMMITTED
 * snapshot taken after that read. If nothing commits meanwhile, the tallies are exactly the data
 * at `marker`; if something does, the version has moved past `marker` and this snapshot is never
 * served (readers compare with the version they read first). So it is never wrong, only wasted.
 */
async function computeEntry(
  client: PrismaClient,
  key: string,
  scope: FigureScope & { regionId: string },
  marker: string,
): Promise<Entry & { source: CacheSource }> {
  const stored = await readSnapshot(client, key, marker);
  if (stored) {
    dashboardCacheStats.snapshot++;
    return { ...stored, source: "snapshot" };
  }
  dashboardCacheStats.computed++;
  const data = await computeTallies(client, scope);
  const entry: Entry = { marker, computedAt: new Date(), data };
  // On a read replica the marker and the tallies are both the replica's, so they agree as on the
  // primary; but a standby takes no writes, so this instance keeps its copy to itself.
  if (isReadOnly(client)) return { ...entry, source: "computed" };
  try {
    await saveSnapshot(client, key, scope, entry);
  } catch (error) {
    // The figures are right; only sharing them with other instances failed. Say so, serve them.
    logger().warn({ err: error }, "Dashboard figures cache: could not save the snapshot");
  }
  return { ...entry, source: "computed" };
}

/**
 * Figures as of today come from the figure facts (docs/decisions/0090-figure-facts.md); any other date from the dated
 * history. A read replica cannot refresh the facts (a standby takes no writes), so it counts from the history too.
 */
const fromFacts = (client: PrismaClient, scope: FigureScope) => scope.asOf === todayInLondon() && !isReadOnly(client);

/** A scope's tallies computed now: GROUP BYs over the figure facts for today, the full count from the history otherwise. */
export async function computeTallies(client: PrismaClient, scope: FigureScope): Promise<DashboardTallies> {
  if (!fromFacts(client, scope)) return computeDashboardTallies(client, scope);
  const [facts, pending] = await Promise.all([talliesFromFacts(client, scope), pendingApprovals(client, scope)]);
  return { ...facts, pendingApprovals: pending };
}

/** One region's tallies for a scope at the region's version `marker`: memory, snapshot or computed (once). */
async function regionTallies(
  client: PrismaClient,
  scope: FigureScope & { regionId: string },
  marker: string,
): Promise<Entry & { source: CacheSource }> {
  const key = dashboardScopeKey(scope);
  const map = mapFor(memory, client);
  const known = map.get(key);
  // A copy at this version — or a newer one, computed for a request that read the version after
  // this one did: at least as fresh as what this request read, so serving it is right, and
  // recounting the region at an older version would be wasted (under constant writes, every
  // national request did, and none finished).
  if (known && BigInt(known.marker) >= BigInt(marker)) {
    remember(map, key, known);
    dashboardCacheStats.memory++;
    return { ...known, source: "memory" };
  }
  const flights = mapFor(inFlight, client);
  const flightKey = `${key}#${marker}`;
  let flight = flights.get(flightKey);
  if (!flight) {
    flight = computeEntry(client, key, scope, marker).finally(() => flights.delete(flightKey));
    flights.set(flightKey, flight);
  }
  const { source, ...entry } = await flight;
  const latest = map.get(key);
  if (!latest || BigInt(latest.marker) <= BigInt(entry.marker)) remember(map, key, entry);
  return { ...entry, source };
}

/**
 * The regions' tallies put together. Every tally row is one region's count (or sum) — a
 * requirement is in exactly one region — so concatenating the rows gives the nation's: the
 * figures and every comparison are sums over them. Pending approvals are a count per region too.
 */
export function combineTallies(parts: DashboardTallies[]): DashboardTallies {
  const [first] = parts;
  const keys = (first ? Object.keys(first.tallies) : []) as SourceKey[];
  const tallies = Object.fromEntries(
    keys.map((key) => [key, parts.flatMap((part): Tally[] => part.tallies[key] ?? [])]),
  ) as Record<SourceKey, Tally[]>;
  return {
    tallies,
    demographics: parts.flatMap((part) => part.demographics),
    pendingApprovals: parts.reduce((sum, part) => sum + part.pendingApprovals, 0),
  };
}

// The nation's put-together tallies, kept while no region's version has moved (the same object,
// so the shaped figures below are reused too).
const combined = new WeakMap<PrismaClient, Map<string, Entry>>();
const WORST: Record<CacheSource, number> = { memory: 0, snapshot: 1, computed: 2 };

/**
 * The dashboard's tallies for a scope as the data stands now. A region's scope: from the cache when
 * nothing has been written in that region since they were computed, else computed (once, however
 * many ask at the same time). The nation's (no region): every region's part the same way, put
 * together, so a write in London recounts London only.
 */
export async function loadDashboardTalliesCached(
  client: PrismaClient,
  scope: FigureScope,
): Promise<Entry & { source: CacheSource }> {
  if (scope.regionId) {
    const versions = await readRegionVersions(client, scope.regionId);
    return regionTallies(client, { ...scope, regionId: scope.regionId }, versions.get(scope.regionId) ?? "0");
  }
  const versions = await readRegionVersions(client);
  const marker = [...versions].map(([id, version]) => `${id}:${version}`).join(",");
  const key = dashboardScopeKey(scope);
  const map = mapFor(combined, client);
  const known = map.get(key);
  if (known && known.marker === marker) {
    remember(map, key, known);
    return { ...known, source: "memory" };
  }
  if (fromFacts(client, scope)) {
    // Today's figures for the nation: one GROUP BY over the figure facts (every region's rows).
    const flights = mapFor(inFlight, client);
    const flightKey = `${key}#${marker}`;
    let flight = flights.get(flightKey);
    if (!flight) {
      flight = (async () => {
        dashboardCacheStats.computed++;
        const entry: Entry = { marker, computedAt: new Date(), data: await computeTallies(client, scope) };
        return { ...entry, source: "computed" as const };
      })().finally(() => flights.delete(flightKey));
      flights.set(flightKey, flight);
    }
    const { source, ...entry } = await flight;
    remember(map, key, entry);
    return { ...entry, source };
  }
  // One region after another: each region's own queries already run side by side, and every
  // region at once would queue hundreds of queries for the pool (past its wait limit when cold).
  const parts: (Entry & { source: CacheSource })[] = [];
  for (const [regionId, version] of versions) parts.push(await regionTallies(client, { ...scope, regionId }, version));
  // The versions the parts are actually at (some may be newer than those read above).
  const used = parts.map((part, i) => `${[...versions.keys()][i] ?? ""}:${part.marker}`).join(",");
  const source = parts.reduce<CacheSource>(
    (worst, part) => (WORST[part.source] > WORST[worst] ? part.source : worst),
    "memory",
  );
  const computedAt = parts.reduce((oldest, part) => (part.computedAt < oldest ? part.computedAt : oldest), new Date());
  const entry: Entry = { marker: used, computedAt, data: combineTallies(parts.map((part) => part.data)) };
  remember(map, key, entry);
  return { ...entry, source };
}

// The figures shaped from one entry's tallies (the same object while it is served from memory), so
// a hit does not redo the sums; read-only for callers. Dropped with the entry.
const shaped = new WeakMap<DashboardTallies, ReturnType<typeof dashboardFiguresFrom>>();

/** Every dashboard figure for a scope, as `loadDashboardFigures` computes them, through the cache. */
export async function loadDashboardFiguresCached(client: PrismaClient, scope: FigureScope) {
  const entry = await loadDashboardTalliesCached(client, scope);
  let figures = shaped.get(entry.data);
  if (!figures) {
    figures = dashboardFiguresFrom(scope.asOf, entry.data);
    shaped.set(entry.data, figures);
  }
  return { ...figures, computedAt: entry.computedAt };
}

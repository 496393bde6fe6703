import "server-only";
import type { PrismaClient } from "@/server/db/create-client";
import { computeDashboardTallies, dashboardFiguresFrom, type DashboardTallies, type FigureScope } from "./dashboard";
import { logger } from "@/server/log";

// The dashboard figures cache (docs/decisions/0015-dashboard-figures-cache.md). Exact: a snapshot
// of a scope's tallies is served only while DashboardDataVersion.version is what it was when the
// tallies were computed; every transaction that writes a table the figures read bumps that
// version at commit (deferred triggers, migration dashboard_figures_cache), whoever writes —
// commands, seeds, scripts. Shared by every app instance through the DashboardSnapshot table,
// with a small in-process copy in front of it, and single-flight: simultaneous requests for the
// same scope at the same version compute once. Drill-down lists do not use it: they stay live.

/** Bump when what a snapshot holds, or a figure's definition, changes: older snapshots are then never read. */
// 2: the "enforcement overdue" source joined the tallies (older snapshots lack it).
export const FIGURES_CACHE_VERSION = 2;
const MEMORY_ENTRIES = 200;

/** How often each path was taken in this process (for tests and diagnostics). */
export const dashboardCacheStats = { memory: 0, snapshot: 0, computed: 0 };

type Entry = { marker: string; computedAt: Date; data: DashboardTallies };
/** Where a request's tallies came from: this process's copy, another instance's snapshot, or computed now. */
export type CacheSource = "memory" | "snapshot" | "computed";

/** The snapshot's key: everything the figures depend on besides the data. */
export function dashboardScopeKey(scope: FigureScope): string {
  const rules = `s36:${scope.rules?.twelveMonthPeriodAbolishedFrom ?? "-"},s37:${scope.rules?.earnedReductionFrom ?? "-"}`;
  return [`v${FIGURES_CACHE_VERSION}`, scope.asOf, scope.regionId ?? "all", scope.pduId ?? "all-pdus", scope.teamType ?? "all-teams", rules].join("|");
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

/** The data version now (text, as it is a bigint). Null only if the migration's row is missing. */
export async function readDataMarker(client: PrismaClient): Promise<string | null> {
  const rows = await client.$queryRaw<{ version: string }[]>`SELECT "version"::text AS version FROM "DashboardDataVersion" WHERE "id" = 1`;
  return rows[0]?.version ?? null;
}

function remember(client: PrismaClient, key: string, entry: Entry): void {
  const map = mapFor(memory, client);
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

async function saveSnapshot(client: PrismaClient, key: string, scope: FigureScope, entry: Entry): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "DashboardSnapshot" ("scopeKey", "asOf", "dataMarker", "figures")
    VALUES (${key}, ${scope.asOf}::date, ${entry.marker}::bigint, ${JSON.stringify(entry.data)}::jsonb)
    ON CONFLICT ("scopeKey") DO UPDATE SET "asOf" = EXCLUDED."asOf", "dataMarker" = EXCLUDED."dataMarker",
      "figures" = EXCLUDED."figures", "computedAt" = EXCLUDED."computedAt"
    WHERE "DashboardSnapshot"."dataMarker" < EXCLUDED."dataMarker"`;
  // A snapshot of an older version can never be served again.
  await client.$executeRaw`DELETE FROM "DashboardSnapshot" WHERE "dataMarker" < ${entry.marker}::bigint`;
}

/**
 * The marker is read BEFORE the figures are computed, each query in its own READ COMMITTED
 * snapshot taken after that read. If nothing commits meanwhile, the tallies are exactly the data
 * at `marker`; if something does, the version has moved past `marker` and this snapshot is never
 * served (readers compare with the version they read first). So it is never wrong, only wasted.
 */
async function computeEntry(client: PrismaClient, key: string, scope: FigureScope, marker: string): Promise<Entry & { source: CacheSource }> {
  const stored = await readSnapshot(client, key, marker);
  if (stored) {
    dashboardCacheStats.snapshot++;
    return { ...stored, source: "snapshot" };
  }
  dashboardCacheStats.computed++;
  const data = await computeDashboardTallies(client, scope);
  const entry: Entry = { marker, computedAt: new Date(), data };
  try {
    await saveSnapshot(client, key, scope, entry);
  } catch (error) {
    // The figures are right; only sharing them with other instances failed. Say so, serve them.
    logger().warn({ err: error }, "Dashboard figures cache: could not save the snapshot");
  }
  return { ...entry, source: "computed" };
}

/**
 * The dashboard's tallies for a scope as the data stands now, from the cache when nothing has
 * been written since they were computed, else computed (once, however many ask at the same time).
 */
export async function loadDashboardTalliesCached(client: PrismaClient, scope: FigureScope): Promise<Entry & { source: CacheSource }> {
  const marker = await readDataMarker(client);
  if (marker === null) return { marker: "none", computedAt: new Date(), data: await computeDashboardTallies(client, scope), source: "computed" };
  const key = dashboardScopeKey(scope);
  const known = mapFor(memory, client).get(key);
  if (known && known.marker === marker) {
    remember(client, key, known);
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
  const latest = mapFor(memory, client).get(key);
  if (!latest || Number(latest.marker) <= Number(entry.marker)) remember(client, key, entry);
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

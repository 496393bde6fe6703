import "server-only";
import type { PrismaClient } from "@/server/db/create-client";
import type { DashboardScope, SourceKey, TeamType } from "./figures/scope";
import type { SentenceCalendar } from "./figures/sentence-calendar";
import { sourceRows } from "./figures/sources";

// The dashboard figures' public entry point (docs/decisions/0011-dashboard-definitions.md). The
// parts live in ./figures (scope and windows, the sentence-date calendar and its memo, the source
// per figure family, the drill-down registry) and ./predicates (the read-side predicates); this
// module re-exports them under their old names so callers import one path, and counts the sources.

export * from "./figures/scope";
export { loadSentenceCalendar, type SentenceCalendar } from "./figures/sentence-calendar";
export { enforceableOn, failureAwaitingActionOn } from "./predicates/requirement";
export { sourceRows } from "./figures/sources";
export * from "./figures/registry";

// ───────────────────────────── counting the sources

export type Tally = {
  regionId: string;
  pduId: string | null;
  managedBy: TeamType;
  band: string | null;
  n: number;
  met: number;
  x: number;
  y: number;
};

/** One grouped count of a source: by region, PDU, team type and band; a few hundred rows at most. */
export async function tallySource(
  client: PrismaClient,
  key: SourceKey,
  scope: DashboardScope,
  cal: SentenceCalendar,
): Promise<Tally[]> {
  return client.$queryRaw<Tally[]>`
    SELECT s."regionId"::text AS "regionId", s."pduId"::text AS "pduId", s."managedBy"::text AS "managedBy", s.band,
           COUNT(*)::int AS n, COUNT(*) FILTER (WHERE s.met)::int AS met,
           COALESCE(SUM(s.x), 0)::float8 AS x, COALESCE(SUM(s.y), 0)::float8 AS y
    FROM (${sourceRows(key, scope, cal)}) s
    GROUP BY 1, 2, 3, 4`;
}

export type DemographicTally = { band: string; gender: string; ethnicity: string | null; n: number; met: number };

/** The breach source split by age band, gender and ethnicity (docs/domain.md §5 disproportionality). */
export async function tallyBreachDemographics(
  client: PrismaClient,
  scope: DashboardScope,
  cal: SentenceCalendar,
): Promise<DemographicTally[]> {
  return client.$queryRaw<DemographicTally[]>`
    SELECT s.band, p."gender"::text AS gender, NULLIF(p."ethnicity", '') AS ethnicity,
           COUNT(*)::int AS n, COUNT(*) FILTER (WHERE s.met)::int AS met
    FROM (${sourceRows("breach", scope, cal)}) s JOIN "Person" p ON p."id" = s."personId"
    GROUP BY 1, 2, 3`;
}

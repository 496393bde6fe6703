import "server-only";
import type { PrismaClient } from "@/server/db/create-client";
import { backlogPercent } from "@/domain/backlog";
import { roundedPercent } from "@/domain/format";
import {
  loadSentenceCalendar,
  SOURCES,
  tallyBreachDemographics,
  tallySource,
  TEAM_TYPES,
  type DashboardScope,
  type DemographicTally,
  type SentenceCalendar,
  type SourceKey,
  type Tally,
  type TeamType,
} from "./dashboard-figures";

// The figures of docs/domain.md §5, aggregated in PostgreSQL (house style: dashboards aggregate in SQL).
// Each figure is one SQL source in ./dashboard-figures.ts (one row per requirement behind it);
// this module counts those rows once, grouped by region, PDU and team type, and shapes the
// totals and comparisons the page and the API show. tests/integration/dashboard-figures*.test.ts
// prove the SQL agrees with the domain functions on the same rows.

export {
  loadSentenceCalendar,
  REPORTING_WINDOW_MONTHS,
  type DashboardScope,
  type SentenceCalendar,
} from "./dashboard-figures";

export type FigureScope = DashboardScope;
export type CountByRegion = Map<string, number>;

/**
 * National targets (R4: backlog below 2 %; §5: completed within 12 months, 75 %). Written once,
 * here, because the policy module has no targets yet; move them there when it does.
 */
export const TARGETS = { backlogPercentBelow: 2, completedWithinTwelveMonthsPercentAtLeast: 75 } as const;

export const total = (counts: CountByRegion): number => [...counts.values()].reduce((sum, n) => sum + n, 0);

const byRegion = (tallies: Tally[]): CountByRegion => {
  const counts = new Map<string, number>();
  for (const t of tallies) counts.set(t.regionId, (counts.get(t.regionId) ?? 0) + t.n);
  return counts;
};

/** Active caseload on D: requirements ACTIVE on that date (restricted cases included). */
export async function activeCaseload(
  client: PrismaClient,
  scope: FigureScope,
  cal?: SentenceCalendar,
): Promise<CountByRegion> {
  return byRegion(await tallySource(client, "active", scope, cal ?? (await loadSentenceCalendar(client, scope))));
}

// R4 — mirrors isInBacklog (src/domain/backlog.ts)
export async function backlogCount(
  client: PrismaClient,
  scope: FigureScope,
  cal: SentenceCalendar,
): Promise<CountByRegion> {
  return byRegion(await tallySource(client, "backlog", scope, cal));
}

// R5 — mirrors isDormant (src/domain/dormant.ts)
export async function dormantCount(
  client: PrismaClient,
  scope: FigureScope,
  cal?: SentenceCalendar,
): Promise<CountByRegion> {
  return byRegion(await tallySource(client, "dormant", scope, cal ?? (await loadSentenceCalendar(client, scope))));
}

export type NearingEnd = { red: number; amber: number; green: number };

const ragOf = (tallies: Tally[]): NearingEnd => ({
  red: sumWhere(tallies, (t) => t.band === "RED"),
  amber: sumWhere(tallies, (t) => t.band === "AMBER"),
  green: sumWhere(tallies, (t) => t.band === "GREEN"),
});

// §5 — mirrors isNearingEnd and ragStatus (src/domain/rag.ts)
export async function nearingEnd(client: PrismaClient, scope: FigureScope, cal: SentenceCalendar): Promise<NearingEnd> {
  return ragOf(await tallySource(client, "nearing", scope, cal));
}

export type Share = { cohort: number; met: number };
const shareOf = (tallies: Tally[]): Share => ({
  cohort: sumWhere(tallies, () => true),
  met: tallies.reduce((sum, t) => sum + t.met, 0),
});

// R2 — mirrors commencedWithinDeadline (src/domain/requirement-dates.ts)
export async function commencedWithinDeadline(
  client: PrismaClient,
  scope: FigureScope,
  cal: SentenceCalendar,
): Promise<Share> {
  return shareOf(await tallySource(client, "commenced", scope, cal));
}

/** Approvals waiting for a manager's decision now (3rd+ accepted absences, risk overrides, high RoSH on individual placements). */
export async function pendingApprovals(client: PrismaClient, scope: FigureScope): Promise<number> {
  return client.approval.count({
    where: { status: "PENDING", ...(scope.regionId ? { regionId: scope.regionId } : {}) },
  });
}

function sumWhere(tallies: Tally[], keep: (t: Tally) => boolean): number {
  return tallies.reduce((sum, t) => (keep(t) ? sum + t.n : sum), 0);
}

export type FigureSet = ReturnType<typeof figureSet>;

/** Every figure for one slice of the tallies (all of them, or one region, PDU or team type). */
function figureSet(tallies: Record<SourceKey, Tally[]>, keep: (t: Tally) => boolean) {
  const of = (key: SourceKey) => tallies[key].filter(keep);
  const count = (key: SourceKey) => sumWhere(of(key), () => true);
  const metOf = (key: SourceKey) => of(key).reduce((sum, t) => sum + t.met, 0);
  const sum = (key: SourceKey, column: "x" | "y") => of(key).reduce((acc, t) => acc + t[column], 0);
  const active = count("active");
  const backlog = count("backlog");
  const commenced = shareOf(of("commenced"));
  const completed = shareOf(of("completed"));
  const breachCohort = count("breach");
  const breached = metOf("breach");
  const allocations = sum("standDown", "x");
  const standDowns = sum("standDown", "y");
  const workMinutes = sum("hours", "x");
  const eteMinutes = sum("hours", "y");
  return {
    activeCaseload: active,
    backlogCount: backlog,
    backlogPercent: backlogPercent(backlog, active),
    dormantCount: count("dormant"),
    nearingEnd: ragOf(of("nearing")),
    commenced: { ...commenced, percent: roundedPercent(commenced.met, commenced.cohort) },
    completed: { ...completed, percent: roundedPercent(completed.met, completed.cohort) },
    ete: {
      using: count("ete"),
      full: metOf("ete"),
      usePercent: roundedPercent(count("ete"), active),
      fullUsePercent: roundedPercent(metOf("ete"), active),
    },
    breach: { cohort: breachCohort, count: breached, percent: roundedPercent(breached, breachCohort) },
    standDown: { allocations, standDowns, cases: metOf("standDown"), percent: roundedPercent(standDowns, allocations) },
    hoursDelivered: {
      minutes: workMinutes + eteMinutes,
      workMinutes,
      eteMinutes,
      hours: Math.round((workMinutes + eteMinutes) / 6) / 10,
      cases: count("hours"),
    },
    reviewsOverdue: { sixMonth: count("review6"), nineMonth: count("review9") },
    expiredIncompleteSso: count("expiredSso"),
    enforcementOverdue: { cases: count("enforcementOverdue"), failures: sum("enforcementOverdue", "x") },
  };
}

export type RateGroup = { cohort: number; count: number; percent: number };
const rate = (rows: DemographicTally[]): RateGroup => {
  const cohort = rows.reduce((s, r) => s + r.n, 0);
  const count = rows.reduce((s, r) => s + r.met, 0);
  return { cohort, count, percent: roundedPercent(count, cohort) };
};

/** Breach rate by age band, gender and ethnicity ("" = not recorded). */
function breachRateBy(rows: DemographicTally[]) {
  const ethnicities = [...new Set(rows.map((r) => r.ethnicity ?? ""))].sort();
  return {
    under25: rate(rows.filter((r) => r.band === "UNDER_25")),
    age25plus: rate(rows.filter((r) => r.band === "AGE_25_PLUS")),
    male: rate(rows.filter((r) => r.gender === "MALE")),
    female: rate(rows.filter((r) => r.gender === "FEMALE")),
    other: rate(rows.filter((r) => r.gender === "OTHER")),
    byEthnicity: ethnicities.map((ethnicity) => ({
      ethnicity,
      ...rate(rows.filter((r) => (r.ethnicity ?? "") === ethnicity)),
    })),
  };
}

/**
 * What the figures are made from: one grouped tally per source (a few hundred rows each), the
 * breach demographics and the pending approvals. Plain JSON, so the figures cache
 * (./dashboard-cache.ts) can keep it in DashboardSnapshot and any app instance can reuse it.
 */
export type DashboardTallies = {
  tallies: Record<SourceKey, Tally[]>;
  demographics: DemographicTally[];
  pendingApprovals: number;
};

/** Counts every source for a scope: one grouped query per figure family, run side by side. */
export async function computeDashboardTallies(client: PrismaClient, scope: FigureScope): Promise<DashboardTallies> {
  const cal = await loadSentenceCalendar(client, scope);
  const [pending, demographics, ...lists] = await Promise.all([
    pendingApprovals(client, scope),
    tallyBreachDemographics(client, scope, cal),
    ...SOURCES.map((key) => tallySource(client, key, scope, cal)),
  ]);
  const tallies = Object.fromEntries(SOURCES.map((key, i) => [key, lists[i] ?? []])) as Record<SourceKey, Tally[]>;
  return { tallies, demographics, pendingApprovals: pending };
}

/** Every figure and comparison from the tallies: sums over those few hundred grouped rows, no SQL. */
export function dashboardFiguresFrom(
  asOf: FigureScope["asOf"],
  { tallies, demographics, pendingApprovals: pending }: DashboardTallies,
) {
  const keys = (pick: (t: Tally) => string | null) => [...new Set(Object.values(tallies).flat().map(pick))];
  return {
    asOf,
    ...figureSet(tallies, () => true),
    breachRateBy: breachRateBy(demographics),
    pendingApprovals: pending,
    byRegion: (regionId: string) => figureSet(tallies, (t) => t.regionId === regionId),
    // In PDU-id order (none last), so the same tallies in any row order give the same figures.
    byPdu: keys((t) => t.pduId)
      .sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
      .map((pduId) => ({ pduId, figures: figureSet(tallies, (t) => t.pduId === pduId) })),
    byTeamType: Object.fromEntries(
      TEAM_TYPES.map((team) => [team, figureSet(tallies, (t) => t.managedBy === team)]),
    ) as Record<TeamType, FigureSet>,
  };
}

/**
 * Every figure of docs/domain.md §5 for a scope (region or all; optionally one PDU and team type) as of a
 * date, with the comparisons: by region, by PDU and by team type, computed now. The page and the
 * API go through the cache (loadDashboardFiguresCached in ./dashboard-cache.ts), which gives the same.
 */
export async function loadDashboardFigures(client: PrismaClient, scope: FigureScope) {
  return dashboardFiguresFrom(scope.asOf, await computeDashboardTallies(client, scope));
}

/** PDUs for the dashboard's filter and its PDU comparison: the region's, or all. */
export async function listDashboardPdus(client: PrismaClient, regionId: string | null) {
  return client.pdu.findMany({
    where: regionId ? { regionId } : {},
    select: { id: true, name: true, regionId: true },
    orderBy: { name: "asc" },
  });
}

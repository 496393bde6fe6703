import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/server/db/create-client";
import { addCalendarMonths, addDays, daysBetween, daysInMonth, isoDateFromUtcDate, type IsoDate } from "@/domain/dates";
import { dormancyWindowStart } from "@/domain/dormant";
import { roundedPercent } from "@/domain/format";
import { isTwelveMonthPeriodAbolished, policyOn } from "@/domain/policy";
import { twelveMonthEnd } from "@/domain/requirement-dates";
import { loadRuleCommencements, NO_COMMENCEMENTS, type RuleCommencements } from "@/server/rules/rule-commencements";
import { activeOn, creditsBetween, dormantOn, inBacklogOn } from "./predicates/requirement";
import { inRegionOn } from "./region-on-date";

// Trends (issue 6): backlog %, dormant count, hours delivered per week and completion within
// 12 months at each of the last 12 month ends, computed from the recorded history AS IT STOOD
// on each month end — only events dated on or before it count (sentence, completion and
// termination dates, extension grant dates, breach and court-outcome dates, session dates,
// ETE dates), never today's status columns — so a later extension, breach or completion
// cannot rewrite a past month. One SQL query per series over all 12 month ends. The rule
// dates (12-month end, dormancy window) come from the domain functions, passed as arrays.

export const TEAM_TYPES = ["STANDALONE_UPW", "SENTENCE_MANAGEMENT"] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

/** The dashboard's URL filters (region code, PDU id, team type, as-of date). */
const blank = (value: unknown) => (value === "" ? undefined : value);
export const trendsQuerySchema = z.object({
  region: z.preprocess(blank, z.string().trim().min(1).max(8).optional()),
  pdu: z.preprocess(blank, z.uuid().optional()),
  teamType: z.preprocess(blank, z.enum(TEAM_TYPES).optional()),
  asOf: z.preprocess(blank, z.iso.date().optional()),
});

export type TrendScope = {
  asOf: IsoDate;
  regionId: string | null;
  pduId: string | null;
  teamType: TeamType | null;
  /** The Sentencing Act 2026 commencement dates the services use; none when omitted. */
  rules?: RuleCommencements;
};

export const TREND_MONTHS = 12;

/** The last `months` month ends on or before `asOf`, oldest first. */
export function trendMonthEnds(asOf: IsoDate, months = TREND_MONTHS): IsoDate[] {
  const [year, month, day] = asOf.split("-").map(Number) as [number, number, number];
  const lastComplete = day === daysInMonth(year, month) ? asOf : addDays(`${asOf.slice(0, 8)}01`, -1);
  const ends: IsoDate[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = addCalendarMonths(`${lastComplete.slice(0, 8)}01`, -i);
    const [y, m] = d.split("-").map(Number) as [number, number];
    ends.push(`${d.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, "0")}`);
  }
  return ends;
}

const dates = (list: readonly IsoDate[]) => Prisma.sql`${list}::text[]::date[]`;

/**
 * `at` is the date each point counts the region on (a transferred case counts where it was then,
 * region-on-date.ts); null leaves the region out (the sentence-date calendar, a join table only).
 */
function inScope(scope: TrendScope, at: Prisma.Sql | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.regionId && at) parts.push(Prisma.sql`AND ${inRegionOn(scope.regionId, at)}`);
  if (scope.pduId) parts.push(Prisma.sql`AND r."pduId" = ${scope.pduId}::uuid`);
  if (scope.teamType) parts.push(Prisma.sql`AND r."managedBy" = ${scope.teamType}::"ManagedBy"`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

// The predicates are the dashboard's own (./predicates/requirement.ts), asked about m.month_end.
const monthEnd = Prisma.sql`m.month_end`;

/** R3: each sentence date in scope with its 12-month end from the domain (one row per distinct date, not per case). */
async function sentenceCalendar(client: PrismaClient, scope: TrendScope): Promise<Prisma.Sql> {
  const rows = await client.$queryRaw<
    { d: Date }[]
  >`SELECT DISTINCT r."sentenceDate" AS d FROM "Requirement" r WHERE r."sentenceDate" <= ${scope.asOf}::date ${inScope(scope, null)}`;
  const sentenceDates = rows.map((row) => isoDateFromUtcDate(row.d));
  return Prisma.sql`JOIN unnest(${dates(sentenceDates)}, ${dates(sentenceDates.map((d) => twelveMonthEnd(d)))}) AS sc("sentenceDate", "twelveMonthEnd")
    ON sc."sentenceDate" = r."sentenceDate"`;
}

export type BacklogPoint = { monthEnd: IsoDate; active: number; backlog: number; percent: number };
export type DormantPoint = { monthEnd: IsoDate; dormant: number };
export type HoursPoint = {
  monthEnd: IsoDate;
  minutes: number;
  workMinutes: number;
  eteMinutes: number;
  hoursPerWeek: number;
};
export type CompletionPoint = { monthEnd: IsoDate; cohort: number; met: number; percent: number };

// R4 at each month end — mirrors isInBacklog with the history as it stood then
export async function backlogTrend(
  client: PrismaClient,
  scope: TrendScope,
  monthEnds: readonly IsoDate[],
): Promise<BacklogPoint[]> {
  const applies = monthEnds.map((d) => !isTwelveMonthPeriodAbolished(d, policyOn(d, scope.rules ?? NO_COMMENCEMENTS)));
  const calendar = await sentenceCalendar(client, scope);
  const rows = await client.$queryRaw<{ month_end: Date; active: number; backlog: number }[]>`
    WITH m AS (SELECT * FROM unnest(${dates(monthEnds)}, ${applies}::boolean[]) AS m(month_end, rule_applies))
    SELECT m.month_end, COUNT(r."id")::int AS active,
      COUNT(r."id") FILTER (WHERE ${inBacklogOn(monthEnd, Prisma.sql`sc."twelveMonthEnd"`, Prisma.sql`m.rule_applies`)})::int AS backlog
    FROM m LEFT JOIN ("Requirement" r ${calendar}) ON ${activeOn(monthEnd)} ${inScope(scope, Prisma.sql`m.month_end`)}
    GROUP BY m.month_end ORDER BY m.month_end`;
  return rows.map((row) => ({
    monthEnd: isoDateFromUtcDate(row.month_end),
    active: row.active,
    backlog: row.backlog,
    percent: roundedPercent(row.backlog, row.active),
  }));
}

// R5 at each month end — mirrors isDormant with the history as it stood then
export async function dormantTrend(
  client: PrismaClient,
  scope: TrendScope,
  monthEnds: readonly IsoDate[],
): Promise<DormantPoint[]> {
  const windowStarts = monthEnds.map((d) => dormancyWindowStart(d, policyOn(d, scope.rules ?? NO_COMMENCEMENTS)));
  const sentencedBy = monthEnds.map((d) => addDays(d, -policyOn(d, scope.rules ?? NO_COMMENCEMENTS).dormantDays));
  const rows = await client.$queryRaw<{ month_end: Date; dormant: number }[]>`
    WITH m AS (SELECT * FROM unnest(${dates(monthEnds)}, ${dates(windowStarts)}, ${dates(sentencedBy)}) AS m(month_end, window_start, sentenced_by))
    SELECT m.month_end,
      COUNT(r."id") FILTER (WHERE ${dormantOn(monthEnd, { sentencedBy: Prisma.sql`m.sentenced_by`, windowStart: Prisma.sql`m.window_start` })})::int AS dormant
    FROM m LEFT JOIN "Requirement" r ON ${activeOn(monthEnd)} ${inScope(scope, Prisma.sql`m.month_end`)}
    GROUP BY m.month_end ORDER BY m.month_end`;
  return rows.map((row) => ({ monthEnd: isoDateFromUtcDate(row.month_end), dormant: row.dormant }));
}

/**
 * §5 hours delivered in each calendar month — the dashboard figure's credits (creditsBetween: work
 * minutes credited at sessions and ETE minutes), as hours per week (minutes ÷ 60 ÷ (days in month ÷ 7)).
 */
export async function hoursDeliveredTrend(
  client: PrismaClient,
  scope: TrendScope,
  monthEnds: readonly IsoDate[],
): Promise<HoursPoint[]> {
  const monthStarts = monthEnds.map((d) => `${d.slice(0, 8)}01`);
  const scoped = scope.regionId !== null || scope.pduId !== null || scope.teamType !== null;
  // One pass over the year's credits grouped by month (not one range per month); the
  // requirement join only when a filter needs it.
  const rows = await client.$queryRaw<{ month_end: Date; work: bigint | number; ete: bigint | number }[]>`
    WITH m AS (SELECT * FROM unnest(${dates(monthEnds)}, ${dates(monthStarts)}) AS m(month_end, month_start))
    SELECT m.month_end, COALESCE(x.work, 0)::bigint AS work, COALESCE(x.ete, 0)::bigint AS ete
    FROM m LEFT JOIN (
      SELECT date_trunc('month', c.on_date)::date AS month_start, SUM(c.work) AS work, SUM(c.ete) AS ete
      FROM ${creditsBetween(monthStarts[0] ?? scope.asOf, monthEnds.at(-1) ?? scope.asOf)} c
      ${scoped ? Prisma.sql`JOIN "Requirement" r ON r."id" = c."requirementId" ${inScope(scope, Prisma.sql`c.on_date`)}` : Prisma.empty}
      GROUP BY 1
    ) x ON x.month_start = m.month_start
    ORDER BY m.month_end`;
  return rows.map((row) => {
    const monthEnd = isoDateFromUtcDate(row.month_end);
    const workMinutes = Number(row.work);
    const eteMinutes = Number(row.ete);
    const minutes = workMinutes + eteMinutes;
    const weeks = (daysBetween(`${monthEnd.slice(0, 8)}01`, monthEnd) + 1) / 7;
    return { monthEnd, minutes, workMinutes, eteMinutes, hoursPerWeek: Math.round((minutes / 60 / weeks) * 10) / 10 };
  });
}

// §5 / SL029 at each month end — of requirements whose 12 months ended in the 12 months up to it, the share completed within them
export async function completionTrend(
  client: PrismaClient,
  scope: TrendScope,
  monthEnds: readonly IsoDate[],
): Promise<CompletionPoint[]> {
  const yearBefore = monthEnds.map((d) => addCalendarMonths(d, -12));
  const calendar = await sentenceCalendar(client, scope);
  const rows = await client.$queryRaw<{ month_end: Date; cohort: number; met: number }[]>`
    WITH m AS (SELECT * FROM unnest(${dates(monthEnds)}, ${dates(yearBefore)}) AS m(month_end, year_before))
    SELECT m.month_end, COUNT(r."id")::int AS cohort, COUNT(r."id") FILTER (WHERE r."completedOn" <= sc."twelveMonthEnd")::int AS met
    FROM m LEFT JOIN ("Requirement" r ${calendar}) ON sc."twelveMonthEnd" <= m.month_end AND sc."twelveMonthEnd" > m.year_before ${inScope(scope, Prisma.sql`m.month_end`)}
    GROUP BY m.month_end ORDER BY m.month_end`;
  return rows.map((row) => ({
    monthEnd: isoDateFromUtcDate(row.month_end),
    cohort: row.cohort,
    met: row.met,
    percent: roundedPercent(row.met, row.cohort),
  }));
}

export async function loadTrends(client: PrismaClient, scope: TrendScope) {
  const monthEnds = trendMonthEnds(scope.asOf);
  const [backlog, dormant, hours, completion] = await Promise.all([
    backlogTrend(client, scope, monthEnds),
    dormantTrend(client, scope, monthEnds),
    hoursDeliveredTrend(client, scope, monthEnds),
    completionTrend(client, scope, monthEnds),
  ]);
  return { monthEnds, backlog, dormant, hours, completion };
}

export type TrendsFilters = { region?: string; pdu?: string; teamType?: TeamType; asOf: IsoDate };

/**
 * The trends page's scope from its URL, as the user may see it: a manager always sees their own
 * region (another region's code, or a PDU outside it, is "not found"); a national lead sees all
 * regions or the one chosen. Null means 404. An unreadable as-of date falls back to today.
 */
export async function resolveTrendsView(
  client: PrismaClient,
  user: { role: string; regionId: string | null },
  params: Record<string, unknown>,
  today: IsoDate,
) {
  const parsed = trendsQuerySchema.safeParse(
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const query = parsed.success ? parsed.data : {};
  const asOf = query.asOf && query.asOf <= today ? query.asOf : today;
  const regions = await client.region.findMany({
    select: { id: true, code: true, name: true },
    orderBy: { name: "asc" },
  });
  const national = user.role === "NATIONAL_LEAD";
  const region = national ? regions.find((r) => r.code === query.region) : regions.find((r) => r.id === user.regionId);
  if (!region && (!national || query.region)) return null;
  if (!national && query.region && query.region !== region?.code) return null; // another region's figures: not found
  const pdus = region
    ? await client.pdu.findMany({
        where: { regionId: region.id },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  const pdu = query.pdu ? pdus.find((p) => p.id === query.pdu) : undefined;
  if (query.pdu && !pdu) return null;
  const filters: TrendsFilters = {
    region: national ? region?.code : undefined,
    pdu: pdu?.id,
    teamType: query.teamType,
    asOf,
  };
  const rules = await loadRuleCommencements(client);
  const scope: TrendScope = {
    asOf,
    regionId: region?.id ?? null,
    pduId: pdu?.id ?? null,
    teamType: query.teamType ?? null,
    rules,
  };
  return {
    national,
    regions,
    region: region ?? null,
    pdus,
    pdu: pdu ?? null,
    filters,
    scope,
    asOfWasInvalid: Boolean(params.asOf) && params.asOf !== asOf,
  };
}

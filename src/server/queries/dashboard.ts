import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/server/db/create-client";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { calendarFrom } from "@/domain/bank-holidays";
import { addCalendarMonths, addDays, isoDateFromUtcDate, type IsoDate } from "@/domain/dates";
import { backlogPercent } from "@/domain/backlog";
import { dormancyWindowStart } from "@/domain/dormant";
import { roundedPercent } from "@/domain/format";
import { isTwelveMonthPeriodAbolished, policyOn } from "@/domain/policy";
import { startDeadline, twelveMonthEnd } from "@/domain/requirement-dates";

// The headline figures of domain §5, aggregated in PostgreSQL (house style: dashboards
// aggregate in SQL). Where a figure mirrors a domain rule the SQL sits in ONE function
// named for it, and tests/integration/dashboard-figures.test.ts proves it agrees with the
// domain function on the same rows. Every number comes from the policy module; dates that
// depend on a rule (12-month end, start deadline) come from the domain functions too, via
// `loadSentenceCalendar`. Functions take the client so tests can pass their own.

export type FigureScope = { asOf: IsoDate; regionId: string | null };
export type CountByRegion = Map<string, number>;

/**
 * National targets (R4: backlog below 2 %; §5: completed within 12 months, 75 %). Written once,
 * here, because the policy module has no targets yet; move them there when it does.
 */
export const TARGETS = { backlogPercentBelow: 2, completedWithinTwelveMonthsPercentAtLeast: 75 } as const;

/** One year of cohorts, like HMPPS's annual performance measures. A reporting choice, not a rule. */
export const REPORTING_WINDOW_MONTHS = 12;

const inScope = (scope: FigureScope) => (scope.regionId ? Prisma.sql`AND r."regionId" = ${scope.regionId}::uuid` : Prisma.empty);
const day = (d: IsoDate) => Prisma.sql`${d}::date`;

/** Requirement ACTIVE on D (domain `statusOn`): sentenced by D and not completed or terminated by D. */
const activeOn = (d: IsoDate) => Prisma.sql`r."sentenceDate" <= ${day(d)}
  AND (r."status" = 'ACTIVE'
       OR (CASE r."status" WHEN 'COMPLETED' THEN r."completedOn" ELSE r."terminatedOn" END) > ${day(d)})`;

/** Open breach on D (domain `breachStateOn`): a breach started by D and not closed by a court outcome by D. A warrant implies one. */
const inBreachOrWarrantOn = (d: IsoDate) => Prisma.sql`EXISTS (
  SELECT 1 FROM "EnforcementAction" ea
  WHERE ea."requirementId" = r."id" AND ea."type" = 'BREACH' AND ea."date" <= ${day(d)}
    AND NOT EXISTS (SELECT 1 FROM "EnforcementOutcome" eo
                    WHERE eo."actionId" = ea."id" AND eo."date" <= ${day(d)}
                      AND eo."outcome" IN ('CONTINUE', 'HOURS_ADDED', 'REVOKED')))`;

/**
 * The rule dates of every sentence date in scope, computed by the domain (R2 startDeadline with
 * the BankHoliday table, R3 twelveMonthEnd) and joined in SQL. Why TS, not SQL: the working-day
 * and month-end rules then exist once, unit-tested; there are at most a few thousand distinct
 * sentence dates, so this costs one small query and a loop over dates, not over requirements.
 */
export type SentenceCalendar = { sentenceDates: IsoDate[]; twelveMonthEnds: IsoDate[]; startDeadlines: IsoDate[] };

export async function loadSentenceCalendar(client: PrismaClient, scope: FigureScope): Promise<SentenceCalendar> {
  const [dates, holidays] = await Promise.all([
    client.$queryRaw<{ d: Date }[]>`SELECT DISTINCT r."sentenceDate" AS d FROM "Requirement" r
      WHERE r."sentenceDate" <= ${day(scope.asOf)} ${inScope(scope)}`,
    client.bankHoliday.findMany({ select: { date: true } }),
  ]);
  const calendar = calendarFrom(holidays.map((h) => isoDateFromUtcDate(h.date)));
  const sentenceDates = dates.map((row) => isoDateFromUtcDate(row.d));
  return {
    sentenceDates,
    twelveMonthEnds: sentenceDates.map((d) => twelveMonthEnd(d)),
    startDeadlines: sentenceDates.map((d) => startDeadline(d, calendar)),
  };
}

const joinCalendar = (cal: SentenceCalendar) => Prisma.sql`JOIN unnest(
  ${cal.sentenceDates}::text[]::date[], ${cal.twelveMonthEnds}::text[]::date[], ${cal.startDeadlines}::text[]::date[]
) AS sc("sentenceDate", "twelveMonthEnd", "startDeadline") ON sc."sentenceDate" = r."sentenceDate"`;

async function countByRegion(client: PrismaClient, query: Prisma.Sql): Promise<CountByRegion> {
  const rows = await client.$queryRaw<{ regionId: string; n: number }[]>(query);
  return new Map(rows.map((row) => [row.regionId, row.n]));
}

export const total = (counts: CountByRegion): number => [...counts.values()].reduce((sum, n) => sum + n, 0);

/** Active caseload on D: requirements ACTIVE on that date (restricted cases included). */
export function activeCaseload(client: PrismaClient, scope: FigureScope): Promise<CountByRegion> {
  return countByRegion(
    client,
    Prisma.sql`SELECT r."regionId", COUNT(*)::int AS n FROM "Requirement" r
      WHERE ${activeOn(scope.asOf)} ${inScope(scope)} GROUP BY r."regionId"`,
  );
}

// R4 — mirrors isInBacklog (src/domain/backlog.ts)
/** Backlog on D: ACTIVE, D after sentence + 12 months, no extension granted by D with newEndDate ≥ D, no open breach or warrant. */
export async function backlogCount(client: PrismaClient, scope: FigureScope, cal: SentenceCalendar): Promise<CountByRegion> {
  if (isTwelveMonthPeriodAbolished(scope.asOf, policyOn(scope.asOf))) return new Map();
  return countByRegion(
    client,
    Prisma.sql`SELECT r."regionId", COUNT(*)::int AS n FROM "Requirement" r ${joinCalendar(cal)}
      WHERE ${activeOn(scope.asOf)} ${inScope(scope)}
        AND ${day(scope.asOf)} > sc."twelveMonthEnd"
        AND NOT EXISTS (SELECT 1 FROM "Extension" x WHERE x."requirementId" = r."id"
                        AND x."grantedOn" <= ${day(scope.asOf)} AND x."newEndDate" >= ${day(scope.asOf)})
        AND NOT ${inBreachOrWarrantOn(scope.asOf)}
      GROUP BY r."regionId"`,
  );
}

// R5 — mirrors isDormant (src/domain/dormant.ts)
/** Dormant on D: ACTIVE, sentenced at least 28 days before D, no open breach or warrant, no attendance or ETE credit in the 28 days up to D. */
export function dormantCount(client: PrismaClient, scope: FigureScope): Promise<CountByRegion> {
  const policy = policyOn(scope.asOf);
  const sentencedBy = addDays(scope.asOf, -policy.dormantDays);
  const windowStart = dormancyWindowStart(scope.asOf, policy);
  return countByRegion(
    client,
    Prisma.sql`SELECT r."regionId", COUNT(*)::int AS n FROM "Requirement" r
      WHERE ${activeOn(scope.asOf)} ${inScope(scope)}
        AND r."sentenceDate" <= ${day(sentencedBy)}
        AND NOT ${inBreachOrWarrantOn(scope.asOf)}
        AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."requirementId" = r."id"
                        AND a."sessionDate" BETWEEN ${day(windowStart)} AND ${day(scope.asOf)})
        AND NOT EXISTS (SELECT 1 FROM "EteCredit" e WHERE e."requirementId" = r."id"
                        AND e."date" BETWEEN ${day(windowStart)} AND ${day(scope.asOf)})
      GROUP BY r."regionId"`,
  );
}

export type NearingEnd = { red: number; amber: number; green: number };

// §5 — mirrors isNearingEnd and ragStatus (src/domain/rag.ts), with R3's effective end date as of D
/**
 * Active cases with hours outstanding on D whose effective end date (latest extension granted by D,
 * else sentence + 12 months) is within 8 weeks of D or past. Red: past or 4 weeks or fewer left.
 * Amber: at the pace of the last 8 weeks (none = no pace) the hours would be done after the end date.
 */
export async function nearingEnd(client: PrismaClient, scope: FigureScope, cal: SentenceCalendar): Promise<NearingEnd> {
  const policy = policyOn(scope.asOf);
  if (isTwelveMonthPeriodAbolished(scope.asOf, policy)) return { red: 0, amber: 0, green: 0 };
  const paceDays = policy.paceWeeks * 7;
  const paceFrom = addDays(scope.asOf, -(paceDays - 1));
  const redDays = policy.redWeeks * 7;
  // ragStatus projects ceil(outstanding × paceDays ÷ recent) days ahead; that passes the end date
  // exactly when outstanding × paceDays > recent × days left, so the SQL stays in whole numbers.
  const [row] = await client.$queryRaw<NearingEnd[]>`
    WITH cases AS (
      SELECT r."hoursOrdered" * 60 AS required,
        COALESCE((SELECT x."newEndDate" FROM "Extension" x WHERE x."requirementId" = r."id" AND x."grantedOn" <= ${day(scope.asOf)}
                  ORDER BY x."grantedOn" DESC, x."newEndDate" DESC LIMIT 1), sc."twelveMonthEnd") AS end_date,
        (SELECT COALESCE(SUM(a."minutesCredited"), 0) FROM "Attendance" a WHERE a."requirementId" = r."id" AND a."sessionDate" <= ${day(scope.asOf)})
          + (SELECT COALESCE(SUM(e."minutes"), 0) FROM "EteCredit" e WHERE e."requirementId" = r."id" AND e."date" <= ${day(scope.asOf)}) AS credited,
        (SELECT COALESCE(SUM(a."minutesCredited"), 0) FROM "Attendance" a WHERE a."requirementId" = r."id"
           AND a."sessionDate" BETWEEN ${day(paceFrom)} AND ${day(scope.asOf)})
          + (SELECT COALESCE(SUM(e."minutes"), 0) FROM "EteCredit" e WHERE e."requirementId" = r."id"
           AND e."date" BETWEEN ${day(paceFrom)} AND ${day(scope.asOf)}) AS recent
      FROM "Requirement" r ${joinCalendar(cal)}
      WHERE ${activeOn(scope.asOf)} ${inScope(scope)}
    ), near AS (
      SELECT *, (end_date - ${day(scope.asOf)}) AS days_left FROM cases
      WHERE credited < required AND end_date <= ${day(addDays(scope.asOf, policy.nearingEndWeeks * 7))}
    )
    SELECT COUNT(*) FILTER (WHERE days_left <= ${redDays})::int AS red,
           COUNT(*) FILTER (WHERE days_left > ${redDays} AND (required - credited)::bigint * ${paceDays} > recent::bigint * days_left)::int AS amber,
           COUNT(*) FILTER (WHERE days_left > ${redDays} AND (required - credited)::bigint * ${paceDays} <= recent::bigint * days_left)::int AS green
    FROM near`;
  return row ?? { red: 0, amber: 0, green: 0 };
}

export type Share = { cohort: number; met: number };

// R2 — mirrors commencedWithinDeadline (src/domain/requirement-dates.ts)
/** Of requirements whose start deadline passed in the 12 months before D, how many had commenced by it. */
export async function commencedWithinDeadline(client: PrismaClient, scope: FigureScope, cal: SentenceCalendar): Promise<Share> {
  const from = addCalendarMonths(scope.asOf, -REPORTING_WINDOW_MONTHS);
  const [row] = await client.$queryRaw<Share[]>`
    SELECT COUNT(*)::int AS cohort,
           COUNT(*) FILTER (WHERE r."commencedOn" <= sc."startDeadline" AND r."commencedOn" <= ${day(scope.asOf)})::int AS met
    FROM "Requirement" r ${joinCalendar(cal)}
    WHERE sc."startDeadline" < ${day(scope.asOf)} AND sc."startDeadline" >= ${day(from)} ${inScope(scope)}`;
  return row ?? { cohort: 0, met: 0 };
}

// §5 / SL029 — mirrors completedWithinTwelveMonths (src/domain/requirement-dates.ts)
/** Of requirements whose 12 months ended in the 12 months up to D, how many were completed by then (extensions ignored). */
export async function completedWithinTwelveMonths(client: PrismaClient, scope: FigureScope, cal: SentenceCalendar): Promise<Share> {
  const from = addCalendarMonths(scope.asOf, -REPORTING_WINDOW_MONTHS);
  const [row] = await client.$queryRaw<Share[]>`
    SELECT COUNT(*)::int AS cohort,
           COUNT(*) FILTER (WHERE r."status" = 'COMPLETED' AND r."completedOn" <= sc."twelveMonthEnd")::int AS met
    FROM "Requirement" r ${joinCalendar(cal)}
    WHERE sc."twelveMonthEnd" <= ${day(scope.asOf)} AND sc."twelveMonthEnd" > ${day(from)} ${inScope(scope)}`;
  return row ?? { cohort: 0, met: 0 };
}

/** Approvals waiting for a manager's decision now (3rd+ accepted absences, risk overrides, high RoSH on individual placements). */
export async function pendingApprovals(client: PrismaClient, scope: FigureScope): Promise<number> {
  return client.approval.count({ where: { status: "PENDING", ...(scope.regionId ? { regionId: scope.regionId } : {}) } });
}

export type RegionFigures = { regionId: string; activeCaseload: number; backlogCount: number; backlogPercent: number; dormantCount: number };

/** Every headline figure for one region (or all) as of a date, plus the per-region split of the first three. */
export async function loadDashboardFigures(client: PrismaClient, scope: FigureScope) {
  const cal = await loadSentenceCalendar(client, scope);
  const [active, backlog, dormant, nearing, commenced, completed, pending] = await Promise.all([
    activeCaseload(client, scope),
    backlogCount(client, scope, cal),
    dormantCount(client, scope),
    nearingEnd(client, scope, cal),
    commencedWithinDeadline(client, scope, cal),
    completedWithinTwelveMonths(client, scope, cal),
    pendingApprovals(client, scope),
  ]);
  const byRegion = (regionId: string): RegionFigures => {
    const activeCount = active.get(regionId) ?? 0;
    const backlogInRegion = backlog.get(regionId) ?? 0;
    return {
      regionId,
      activeCaseload: activeCount,
      backlogCount: backlogInRegion,
      backlogPercent: backlogPercent(backlogInRegion, activeCount),
      dormantCount: dormant.get(regionId) ?? 0,
    };
  };
  return {
    asOf: scope.asOf,
    activeCaseload: total(active),
    backlogCount: total(backlog),
    backlogPercent: backlogPercent(total(backlog), total(active)),
    dormantCount: total(dormant),
    nearingEnd: nearing,
    commenced: { ...commenced, percent: roundedPercent(commenced.met, commenced.cohort) },
    completed: { ...completed, percent: roundedPercent(completed.met, completed.cohort) },
    pendingApprovals: pending,
    byRegion,
  };
}

export type DashboardFigures = Awaited<ReturnType<typeof loadDashboardFigures>>;

// ───────────────────────────── the manager's pending approvals (read-only until issue 3)

/**
 * Approvals waiting in the manager's region, oldest first, with what each asks: the absence it
 * would accept, or the booking it would allow. Restricted cases only for their named users.
 */
export async function listPendingApprovals(client: PrismaClient, user: AppUser) {
  const approvals = await client.approval.findMany({
    where: { status: "PENDING", regionId: user.regionId ?? "", requirement: visibleRequirementsWhere(user) },
    select: {
      id: true,
      kind: true,
      reason: true,
      requestedAt: true,
      requestedById: true,
      attendanceId: true,
      allocationId: true,
      requirement: { select: { id: true, person: { select: { crn: true, firstName: true, lastName: true } } } },
    },
    orderBy: { requestedAt: "asc" },
  });
  const ids = (pick: (a: (typeof approvals)[number]) => string | null) => [...new Set(approvals.map(pick).filter((id): id is string => id !== null))];
  const [requesters, attendances, allocations] = await Promise.all([
    client.user.findMany({ where: { id: { in: ids((a) => a.requestedById) } }, select: { id: true, name: true } }),
    client.attendance.findMany({
      where: { id: { in: ids((a) => a.attendanceId) } },
      select: { id: true, sessionDate: true, reasonCategory: true, note: true },
    }),
    client.allocation.findMany({
      where: { id: { in: ids((a) => a.allocationId) } },
      select: { id: true, sessionDate: true, session: { select: { startTime: true, placement: { select: { name: true } } } } },
    }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [requesterById, attendanceById, allocationById] = [byId(requesters), byId(attendances), byId(allocations)];
  return approvals.map((approval) => {
    const attendance = approval.attendanceId ? attendanceById.get(approval.attendanceId) : undefined;
    const allocation = approval.allocationId ? allocationById.get(approval.allocationId) : undefined;
    return {
      id: approval.id,
      kind: approval.kind,
      reason: approval.reason,
      requestedAt: approval.requestedAt,
      requestedBy: approval.requestedById ? (requesterById.get(approval.requestedById)?.name ?? null) : null,
      person: { crn: approval.requirement.person.crn, name: `${approval.requirement.person.firstName} ${approval.requirement.person.lastName}` },
      absence: attendance ? { date: isoDateFromUtcDate(attendance.sessionDate), reasonCategory: attendance.reasonCategory, note: attendance.note } : null,
      booking: allocation
        ? { date: isoDateFromUtcDate(allocation.sessionDate), startTime: allocation.session.startTime, placementName: allocation.session.placement.name }
        : null,
    };
  });
}

export type PendingApproval = Awaited<ReturnType<typeof listPendingApprovals>>[number];

import "server-only";
import { Prisma } from "@/generated/prisma/client";
import {
  enforcementDecisionDueBy,
  enforcementDue,
  enforcementTimescale,
  isoDateFromUtcDate,
  policyOn,
  todayInLondon,
  type AttendanceOutcome,
  type EnforcementTimescale,
  type EnforcementType,
  type IsoDate,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import type { PrismaClient } from "@/server/db/create-client";
import { enforceableOn, failureAwaitingActionOn } from "./dashboard-figures";
import { loadBankHolidayCalendar, loadReaderRuleCommencements } from "./requirement-facts";

// R9: failures to comply that no warning or breach answers yet, each with the day by which the
// officer should act (10 working days, a dated policy value) and whether that has passed. The
// work queue, the case page, the case list and the dashboard's "enforcement overdue" all read
// the one SQL predicate (failureAwaitingActionOn / enforceableOn in dashboard-figures.ts).

export type FailureAwaitingAction = {
  attendanceId: string;
  caseId: string;
  person: { firstName: string; lastName: string; crn: string };
  failureDate: IsoDate;
  outcome: AttendanceOutcome;
  placementName: string;
  dueBy: IsoDate;
  timescale: EnforcementTimescale;
  /** What R9 calls for: a warning, or a breach when a warning on the order is still live. */
  actionDue: EnforcementType;
  /** The person was asked to explain by this date (optional step). */
  respondBy: IsoDate | null;
};

type Row = { attendanceId: string; caseId: string; failureDate: Date };

/** The failures awaiting action on `asOf` in the caller's view (optionally of some cases), oldest first. */
export async function loadFailuresAwaitingAction(
  user: AppUser,
  options: {
    asOf?: IsoDate;
    caseIds?: readonly string[];
    limit?: number;
    offset?: number;
    /** The primary (default), or the read replica for a list that may lag (docs/decisions/0093). */
    client?: PrismaClient;
  } = {},
): Promise<{ total: number; overdue: number; rows: FailureAwaitingAction[] }> {
  const asOf = options.asOf ?? todayInLondon();
  const client = options.client ?? db;
  if (options.caseIds && options.caseIds.length === 0) return { total: 0, overdue: 0, rows: [] };
  const candidates = await client.$queryRaw<Row[]>`
    SELECT a."id"::text AS "attendanceId", a."requirementId"::text AS "caseId", a."sessionDate" AS "failureDate"
    FROM "Attendance" a JOIN "Requirement" r ON r."id" = a."requirementId"
    WHERE ${failureAwaitingActionOn(asOf)} AND ${enforceableOn(asOf)}
      ${user.regionId ? Prisma.sql`AND r."regionId" = ${user.regionId}::uuid` : Prisma.empty}
      ${options.caseIds ? Prisma.sql`AND r."id" = ANY(${[...options.caseIds]}::uuid[])` : Prisma.empty}
    ORDER BY a."sessionDate" ASC, a."id" ASC`;
  if (candidates.length === 0) return { total: 0, overdue: 0, rows: [] };
  // Restricted cases the caller may not see are left out (house rule: not even counted in lists).
  const visible = await client.requirement.findMany({
    where: { AND: [visibleRequirementsWhere(user), { id: { in: [...new Set(candidates.map((c) => c.caseId))] } }] },
    select: { id: true, orderId: true, person: { select: { firstName: true, lastName: true, crn: true } } },
  });
  const caseById = new Map(visible.map((r) => [r.id, r]));
  const shown = candidates.filter((c) => caseById.has(c.caseId));
  const [calendar, rules] = await Promise.all([loadBankHolidayCalendar(), loadReaderRuleCommencements()]);
  // The policy on the as-of date with the commencement dates, as the dashboard's figure uses (one rule for figure and list).
  const policy = policyOn(asOf, rules);
  const dueOf = (failureDate: IsoDate) => enforcementDecisionDueBy(failureDate, calendar, policy);
  const overdue = shown.filter(
    (c) => enforcementTimescale(dueOf(isoDateFromUtcDate(c.failureDate)), asOf) === "OVERDUE",
  ).length;
  const offset = options.offset ?? 0;
  const page = options.limit === undefined ? shown.slice(offset) : shown.slice(offset, offset + options.limit);

  const pageIds = page.map((c) => c.attendanceId);
  const [details, orderActions] = await Promise.all([
    client.attendance.findMany({
      where: { id: { in: pageIds } },
      select: {
        id: true,
        outcome: true,
        explanationRequest: { select: { respondBy: true } },
        allocation: { select: { session: { select: { placement: { select: { name: true } } } } } },
      },
    }),
    client.enforcementAction.findMany({
      where: {
        status: "ACTIVE",
        orderId: { in: [...new Set(page.map((c) => caseById.get(c.caseId)?.orderId ?? ""))] },
      },
      select: { orderId: true, type: true, date: true },
    }),
  ]);
  const detailById = new Map(details.map((d) => [d.id, d]));
  const rows = page.flatMap((c): FailureAwaitingAction[] => {
    const requirement = caseById.get(c.caseId);
    const detail = detailById.get(c.attendanceId);
    if (!requirement || !detail) return [];
    const failureDate = isoDateFromUtcDate(c.failureDate);
    const dueBy = dueOf(failureDate);
    const onOrder = orderActions
      .filter((a) => a.orderId === requirement.orderId)
      .map((a) => ({ type: a.type, date: isoDateFromUtcDate(a.date) }));
    return [
      {
        attendanceId: c.attendanceId,
        caseId: c.caseId,
        person: requirement.person,
        failureDate,
        outcome: detail.outcome,
        placementName: detail.allocation.session.placement.name,
        dueBy,
        timescale: enforcementTimescale(dueBy, asOf),
        actionDue: enforcementDue(failureDate, onOrder, policy),
        respondBy: detail.explanationRequest ? isoDateFromUtcDate(detail.explanationRequest.respondBy) : null,
      },
    ];
  });
  return { total: shown.length, overdue, rows };
}

/** Per case: the most urgent state of its failures awaiting action (OVERDUE beats DUE), for flags. */
export async function enforcementStateByCase(
  user: AppUser,
  caseIds: readonly string[],
  asOf?: IsoDate,
  client: PrismaClient = db,
): Promise<Map<string, EnforcementTimescale>> {
  const { rows } = await loadFailuresAwaitingAction(user, { caseIds, client, ...(asOf ? { asOf } : {}) });
  const state = new Map<string, EnforcementTimescale>();
  for (const row of rows) if (state.get(row.caseId) !== "OVERDUE") state.set(row.caseId, row.timescale);
  return state;
}

/** The case ids with a failure awaiting action (for the case list's filter). */
export async function casesWithFailuresAwaitingAction(
  user: AppUser,
  asOf?: IsoDate,
  client: PrismaClient = db,
): Promise<string[]> {
  const { rows } = await loadFailuresAwaitingAction(user, { client, ...(asOf ? { asOf } : {}) });
  return [...new Set(rows.map((r) => r.caseId))];
}

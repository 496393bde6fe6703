import "server-only";
import { todayInLondon } from "@/domain/dates";
import type { AppUser } from "@/server/auth/access";
import { replicaDb as db } from "@/server/db/replica";
import { resolveDashboardScope, type DashboardQuery } from "@/server/api/contracts/dashboard";
import { backlogPercent } from "@/domain/backlog";
import { activeCaseload, loadSentenceCalendar, total, type FigureSet } from "./dashboard";
import { loadDashboardFiguresCached } from "./dashboard-cache";
import { listFigureCases, type DrillRow } from "./dashboard-cases";

// The dashboard figures shaped for /api/v1/dashboard/*: one call per route, the same SQL as the page.
// They read the replica when there is one (docs/decisions/0093-read-replica.md).

const teamFigures = (set: FigureSet) => ({
  activeCaseload: set.activeCaseload,
  backlogCount: set.backlogCount,
  backlogPercent: set.backlogPercent,
  dormantCount: set.dormantCount,
  completedWithin12MonthsPercent: set.completed.percent,
  commencedWithin15WorkingDaysPercent: set.commenced.percent,
  breachRatePercent: set.breach.percent,
});

export async function loadSummaryForApi(user: AppUser, query: DashboardQuery) {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  const figures = await loadDashboardFiguresCached(db, scope);
  return {
    asOf: figures.asOf,
    region: scope.regionCode,
    activeCaseload: figures.activeCaseload,
    backlogCount: figures.backlogCount,
    backlogPercent: figures.backlogPercent,
    dormantCount: figures.dormantCount,
    nearingEnd: figures.nearingEnd,
    commencedWithin15WorkingDaysPercent: figures.commenced.percent,
    completedWithin12MonthsPercent: figures.completed.percent,
    eteUsePercent: figures.ete.usePercent,
    eteFullUsePercent: figures.ete.fullUsePercent,
    breachRatePercent: figures.breach.percent,
    breachRateBy: {
      under25: figures.breachRateBy.under25.percent,
      age25plus: figures.breachRateBy.age25plus.percent,
      male: figures.breachRateBy.male.percent,
      female: figures.breachRateBy.female.percent,
      byEthnicity: Object.fromEntries(
        figures.breachRateBy.byEthnicity.map((group) => [group.ethnicity || "Not recorded", group.percent]),
      ),
    },
    standDownRatePercent: figures.standDown.percent,
    hoursDeliveredLast7Days: figures.hoursDelivered.hours,
    reviewsOverdue: figures.reviewsOverdue,
    expiredIncompleteSso: figures.expiredIncompleteSso,
    enforcementOverdue: figures.enforcementOverdue,
    byTeamType: {
      STANDALONE_UPW: teamFigures(figures.byTeamType.STANDALONE_UPW),
      SENTENCE_MANAGEMENT: teamFigures(figures.byTeamType.SENTENCE_MANAGEMENT),
    },
    pendingApprovals: figures.pendingApprovals,
  };
}

const caseView = (row: DrillRow) => ({
  id: row.id,
  crn: row.crn,
  firstName: row.firstName,
  lastName: row.lastName,
  region: row.regionCode,
  pdu: row.pduName,
  managedBy: row.managedBy,
  sentenceDate: row.sentenceDate,
  hoursOrdered: row.hoursOrdered,
  date: row.keyDate,
});

const allCases = { sort: "crn", dir: "asc", page: 1, pageSize: "all" } as const;

/** R4 backlog for the API: count and percentage of the active caseload, and the cases (the drill-down's list). */
export async function loadBacklogForApi(user: AppUser, query: DashboardQuery) {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  const calendar = await loadSentenceCalendar(db, scope);
  const [active, list] = await Promise.all([
    activeCaseload(db, scope, calendar),
    listFigureCases(db, user, scope, { figure: "backlog", ...allCases }),
  ]);
  return {
    asOf: scope.asOf,
    region: scope.regionCode,
    activeCaseload: total(active),
    backlogCount: list.total,
    backlogPercent: backlogPercent(list.total, total(active)),
    cases: list.rows.map(caseView),
  };
}

/** R5 dormant count for the API, and the cases. */
export async function loadDormantForApi(user: AppUser, query: DashboardQuery) {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  const list = await listFigureCases(db, user, scope, { figure: "dormant", ...allCases });
  return { asOf: scope.asOf, region: scope.regionCode, count: list.total, cases: list.rows.map(caseView) };
}

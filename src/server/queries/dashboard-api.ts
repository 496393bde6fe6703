import "server-only";
import { backlogPercent } from "@/domain/backlog";
import { todayInLondon } from "@/domain/dates";
import type { AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { resolveDashboardScope, type DashboardQuery } from "@/server/api/contracts/dashboard";
import { activeCaseload, backlogCount, dormantCount, loadDashboardFigures, loadSentenceCalendar, total } from "./dashboard";

// The dashboard figures shaped for /api/v1/dashboard/*: one call per route, the same SQL as the page.

export async function loadSummaryForApi(user: AppUser, query: DashboardQuery) {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  const figures = await loadDashboardFigures(db, scope);
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
    pendingApprovals: figures.pendingApprovals,
  };
}

/** R4 backlog for the API: count and percentage of the active caseload. */
export async function loadBacklogForApi(user: AppUser, query: DashboardQuery) {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  const calendar = await loadSentenceCalendar(db, scope);
  const [active, backlog] = await Promise.all([activeCaseload(db, scope), backlogCount(db, scope, calendar)]);
  const activeTotal = total(active);
  const backlogTotal = total(backlog);
  return { asOf: scope.asOf, region: scope.regionCode, activeCaseload: activeTotal, backlogCount: backlogTotal, backlogPercent: backlogPercent(backlogTotal, activeTotal) };
}

/** R5 dormant count for the API. */
export async function loadDormantForApi(user: AppUser, query: DashboardQuery) {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  return { asOf: scope.asOf, region: scope.regionCode, count: total(await dormantCount(db, scope)) };
}

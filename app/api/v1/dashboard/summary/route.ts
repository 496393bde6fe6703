import { dashboardSummaryRoute, resolveDashboardScope } from "@/server/api/contracts/dashboard";
import { apiRoute } from "@/server/api/handler";
import { db } from "@/server/db/client";
import { todayInLondon } from "@/domain/dates";
import { loadDashboardFigures } from "@/server/queries/dashboard";

export const dynamic = "force-dynamic";

export const GET = apiRoute(dashboardSummaryRoute, async ({ user, query }) => {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  const figures = await loadDashboardFigures(db, scope);
  return {
    ok: true,
    value: {
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
    },
  };
});

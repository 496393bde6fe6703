import { dashboardBacklogRoute, resolveDashboardScope } from "@/server/api/contracts/dashboard";
import { apiRoute } from "@/server/api/handler";
import { db } from "@/server/db/client";
import { backlogPercent } from "@/domain/backlog";
import { todayInLondon } from "@/domain/dates";
import { activeCaseload, backlogCount, loadSentenceCalendar, total } from "@/server/queries/dashboard";

export const dynamic = "force-dynamic";

export const GET = apiRoute(dashboardBacklogRoute, async ({ user, query }) => {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  const cal = await loadSentenceCalendar(db, scope);
  const [active, backlog] = await Promise.all([activeCaseload(db, scope), backlogCount(db, scope, cal)]);
  const activeTotal = total(active);
  const backlogTotal = total(backlog);
  return {
    ok: true,
    value: {
      asOf: scope.asOf,
      region: scope.regionCode,
      activeCaseload: activeTotal,
      backlogCount: backlogTotal,
      backlogPercent: backlogPercent(backlogTotal, activeTotal),
    },
  };
});

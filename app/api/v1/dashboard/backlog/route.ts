import { dashboardBacklogRoute } from "@/server/api/contracts/dashboard";
import { apiRoute } from "@/server/api/handler";
import { loadBacklogForApi } from "@/server/queries/dashboard-api";
import { recordView } from "@/server/view-audit";

export const dynamic = "force-dynamic";

export const GET = apiRoute(dashboardBacklogRoute, async ({ user, query, requestId }) => {
  const value = await loadBacklogForApi(user, query);
  await recordView(user, {
    view: "api.dashboard-cases",
    requirementIds: value.cases.map((c) => c.id),
    regionId: user.regionId,
    filters: { figure: "backlog", ...query },
    requestId,
    filedAs: { action: "dashboard.cases.api", entityType: "DashboardFigure", entityId: "backlog" },
  });
  return { ok: true, value };
});

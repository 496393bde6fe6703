import { dashboardDormantRoute } from "@/server/api/contracts/dashboard";
import { apiRoute } from "@/server/api/handler";
import { loadDormantForApi } from "@/server/queries/dashboard-api";
import { recordView } from "@/server/view-audit";

export const dynamic = "force-dynamic";

export const GET = apiRoute(dashboardDormantRoute, async ({ user, query, requestId }) => {
  const value = await loadDormantForApi(user, query);
  await recordView(user, {
    view: "api.dashboard-cases",
    requirementIds: value.cases.map((c) => c.id),
    regionId: user.regionId,
    filters: { figure: "dormant", ...query },
    requestId,
    filedAs: { action: "dashboard.cases.api", entityType: "DashboardFigure", entityId: "dormant" },
  });
  return { ok: true, value };
});

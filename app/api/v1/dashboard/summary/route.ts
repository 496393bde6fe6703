import { dashboardSummaryRoute } from "@/server/api/contracts/dashboard";
import { apiRoute } from "@/server/api/handler";
import { loadSummaryForApi } from "@/server/queries/dashboard-api";

export const dynamic = "force-dynamic";

export const GET = apiRoute(dashboardSummaryRoute, async ({ user, query }) => ({
  ok: true,
  value: await loadSummaryForApi(user, query),
}));

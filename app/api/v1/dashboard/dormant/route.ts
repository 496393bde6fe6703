import { dashboardDormantRoute } from "@/server/api/contracts/dashboard";
import { apiRoute } from "@/server/api/handler";
import { loadDormantForApi } from "@/server/queries/dashboard-api";

export const dynamic = "force-dynamic";

export const GET = apiRoute(dashboardDormantRoute, async ({ user, query }) => ({ ok: true, value: await loadDormantForApi(user, query) }));

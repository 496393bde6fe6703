import { dashboardBacklogRoute } from "@/server/api/contracts/dashboard";
import { apiRoute } from "@/server/api/handler";
import { loadBacklogForApi } from "@/server/queries/dashboard-api";

export const dynamic = "force-dynamic";

export const GET = apiRoute(dashboardBacklogRoute, async ({ user, query }) => ({ ok: true, value: await loadBacklogForApi(user, query) }));

import { dashboardDormantRoute, resolveDashboardScope } from "@/server/api/contracts/dashboard";
import { apiRoute } from "@/server/api/handler";
import { db } from "@/server/db/client";
import { todayInLondon } from "@/domain/dates";
import { dormantCount, total } from "@/server/queries/dashboard";

export const dynamic = "force-dynamic";

export const GET = apiRoute(dashboardDormantRoute, async ({ user, query }) => {
  const scope = await resolveDashboardScope(db, user, query, todayInLondon());
  return { ok: true, value: { asOf: scope.asOf, region: scope.regionCode, count: total(await dormantCount(db, scope)) } };
});

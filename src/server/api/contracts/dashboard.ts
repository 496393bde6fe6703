import { z } from "zod";
import { notFound, type AppUser } from "@/server/auth/access";
import type { PrismaClient } from "@/server/db/create-client";
import { isoDateSchema } from "@/server/services/schemas";
import type { FigureScope } from "@/server/queries/dashboard";
import { defineRoute } from "../route-spec";

// GET /api/v1/dashboard/… (api.md): the headline figures of domain §5, from the SQL figure
// functions of src/server/queries/dashboard.ts (the same ones the dashboard page shows).
// A manager sees their own region only (another region's code is 404); a national lead any or all.

export const dashboardQuery = z
  .object({
    region: z.string().trim().min(1).max(8).optional().describe("Region code; a manager may only ask for their own. Omitted: the manager's region, or all regions for a national lead"),
    asOf: isoDateSchema.optional().describe("Figures as they stood on this date (YYYY-MM-DD); default today in London"),
  })
  .strict();
export type DashboardQuery = z.output<typeof dashboardQuery>;

const percent = z.number().describe("Percentage rounded to one decimal place");
const region = z.string().nullable().describe("Region code, or null for all regions");

export const dashboardSummaryView = z
  .object({
    asOf: z.string(),
    region,
    activeCaseload: z.number().int(),
    backlogCount: z.number().int(),
    backlogPercent: percent,
    dormantCount: z.number().int(),
    nearingEnd: z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int() }),
    commencedWithin15WorkingDaysPercent: percent,
    completedWithin12MonthsPercent: percent,
    pendingApprovals: z.number().int().describe("Approvals waiting for a manager's decision now"),
  })
  .meta({ title: "DashboardSummary" });

export const dashboardBacklogView = z
  .object({ asOf: z.string(), region, activeCaseload: z.number().int(), backlogCount: z.number().int(), backlogPercent: percent })
  .meta({ title: "DashboardBacklog" });

export const dashboardDormantView = z.object({ asOf: z.string(), region, count: z.number().int() }).meta({ title: "DashboardDormant" });

const ROLES = ["MANAGER", "NATIONAL_LEAD"] as const;

export const dashboardSummaryRoute = defineRoute({
  method: "GET",
  path: "/api/v1/dashboard/summary",
  tag: "Dashboard",
  summary: "Headline figures (domain §5) for a region or all regions as of a date",
  roles: ROLES,
  query: dashboardQuery,
  response: dashboardSummaryView,
});

export const dashboardBacklogRoute = defineRoute({
  method: "GET",
  path: "/api/v1/dashboard/backlog",
  tag: "Dashboard",
  summary: "Backlog (R4) against the active caseload as of a date",
  roles: ROLES,
  query: dashboardQuery,
  response: dashboardBacklogView,
});

export const dashboardDormantRoute = defineRoute({
  method: "GET",
  path: "/api/v1/dashboard/dormant",
  tag: "Dashboard",
  summary: "Dormant cases (R5) as of a date",
  roles: ROLES,
  query: dashboardQuery,
  response: dashboardDormantView,
});

export type ResolvedDashboardScope = FigureScope & { regionCode: string | null };

/**
 * The region and date a dashboard request asks for, as the caller may see them: a manager's own
 * region (another region's code is 404, as is an unknown code), a national lead's chosen one or all.
 */
export async function resolveDashboardScope(client: PrismaClient, user: AppUser, query: DashboardQuery, today: string): Promise<ResolvedDashboardScope> {
  const asOf = query.asOf ?? today;
  const national = user.role === "NATIONAL_LEAD";
  if (!national) {
    if (!user.regionId || (query.region !== undefined && query.region !== user.regionCode)) throw notFound("region");
    return { asOf, regionId: user.regionId, regionCode: user.regionCode };
  }
  if (query.region === undefined) return { asOf, regionId: null, regionCode: null };
  const found = await client.region.findUnique({ where: { code: query.region }, select: { id: true, code: true } });
  if (!found) throw notFound("region");
  return { asOf, regionId: found.id, regionCode: found.code };
}

import { z } from "zod";
import { notFound, type AppUser } from "@/server/auth/access";
import type { PrismaClient } from "@/server/db/create-client";
import { isoDateSchema } from "@/server/services/schemas";
import { TEAM_TYPES, type DashboardScope } from "@/server/queries/dashboard-figures";
import { loadRuleCommencements } from "@/server/rules/rule-commencements";
import { defineRoute } from "../route-spec";

// GET /api/v1/dashboard/… (docs/api.md): the headline figures of docs/domain.md §5, from the SQL figure
// functions of src/server/queries/dashboard.ts (the same ones the dashboard page shows).
// A manager sees their own region only (another region's code is 404); a national lead any or all.

export const dashboardQuery = z
  .object({
    region: z
      .string()
      .trim()
      .min(1)
      .max(8)
      .optional()
      .describe(
        "Region code; a manager may only ask for their own. Omitted: the manager's region, or all regions for a national lead",
      ),
    asOf: isoDateSchema.optional().describe("Figures as they stood on this date (YYYY-MM-DD); default today in London"),
    pdu: z.uuid().optional().describe("Only this probation delivery unit (its id); it must be in the region asked for"),
    teamType: z.enum(TEAM_TYPES).optional().describe("Only requirements managed by this team type"),
  })
  .strict();
export type DashboardQuery = z.output<typeof dashboardQuery>;

const percent = z.number().describe("Percentage rounded to one decimal place");
const region = z.string().nullable().describe("Region code, or null for all regions");

const count = z.number().int();
const teamFigures = z.object({
  activeCaseload: count,
  backlogCount: count,
  backlogPercent: percent,
  dormantCount: count,
  completedWithin12MonthsPercent: percent,
  commencedWithin15WorkingDaysPercent: percent,
  breachRatePercent: percent,
});

export const dashboardSummaryView = z
  .object({
    asOf: z.string(),
    region,
    activeCaseload: count,
    backlogCount: count,
    backlogPercent: percent,
    dormantCount: count,
    nearingEnd: z.object({ red: count, amber: count, green: count }),
    commencedWithin15WorkingDaysPercent: percent,
    completedWithin12MonthsPercent: percent,
    eteUsePercent: percent.describe("Active requirements with any ETE credit, as a share of the active caseload"),
    eteFullUsePercent: percent.describe(
      "Active requirements that have used their whole ETE allowance (30 %), as a share of the active caseload",
    ),
    breachRatePercent: percent.describe("Active requirements with a warning or breach in the 12 months up to asOf"),
    breachRateBy: z.object({
      under25: percent,
      age25plus: percent,
      male: percent,
      female: percent,
      byEthnicity: z.record(z.string(), percent).describe('Keyed by recorded ethnicity; "Not recorded" when none'),
    }),
    standDownRatePercent: percent.describe(
      "Stand-downs (sent home by the service, or stood down in advance) per booked allocation, 28 days up to asOf",
    ),
    hoursDeliveredLast7Days: z
      .number()
      .describe("Hours credited (work and ETE) in the 7 days up to asOf, one decimal place"),
    reviewsOverdue: z.object({ sixMonth: count, nineMonth: count }),
    expiredIncompleteSso: count.describe(
      "Suspended sentence orders whose requirement ended expired-incomplete in the 12 months up to asOf",
    ),
    enforcementOverdue: z
      .object({ cases: count, failures: count })
      .describe(
        "R9: active requirements with a failure to comply not answered by a warning or breach within 10 working days",
      ),
    byTeamType: z.object({ STANDALONE_UPW: teamFigures, SENTENCE_MANAGEMENT: teamFigures }),
    pendingApprovals: count.describe("Approvals waiting for a manager's decision now"),
  })
  .meta({ title: "DashboardSummary" });

export const dashboardCaseView = z
  .object({
    id: z.string(),
    crn: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    region: z.string(),
    pdu: z.string().nullable(),
    managedBy: z.enum(TEAM_TYPES),
    sentenceDate: z.string(),
    hoursOrdered: count,
    date: z
      .string()
      .nullable()
      .describe("Backlog: the date the 12 months ended; dormant: the last attendance or ETE credit"),
  })
  .meta({ title: "DashboardCase" });

const caseList = z
  .array(dashboardCaseView)
  .describe("The cases behind the figure; restricted cases are counted but listed only for their named users");

export const dashboardBacklogView = z
  .object({
    asOf: z.string(),
    region,
    activeCaseload: count,
    backlogCount: count,
    backlogPercent: percent,
    cases: caseList,
  })
  .meta({ title: "DashboardBacklog" });

export const dashboardDormantView = z
  .object({ asOf: z.string(), region, count, cases: caseList })
  .meta({ title: "DashboardDormant" });

export const dashboardSummaryRoute = defineRoute({
  method: "GET",
  path: "/api/v1/dashboard/summary",
  tag: "Dashboard",
  summary: "Headline figures (docs/domain.md §5) for a region or all regions as of a date",
  permission: "dashboard.read",
  query: dashboardQuery,
  response: dashboardSummaryView,
});

export const dashboardBacklogRoute = defineRoute({
  method: "GET",
  path: "/api/v1/dashboard/backlog",
  tag: "Dashboard",
  summary: "Backlog (R4) against the active caseload as of a date",
  permission: "dashboard.cases",
  query: dashboardQuery,
  response: dashboardBacklogView,
});

export const dashboardDormantRoute = defineRoute({
  method: "GET",
  path: "/api/v1/dashboard/dormant",
  tag: "Dashboard",
  summary: "Dormant cases (R5) as of a date",
  permission: "dashboard.cases",
  query: dashboardQuery,
  response: dashboardDormantView,
});

export type ResolvedDashboardScope = DashboardScope & { regionCode: string | null };

/**
 * The region, PDU, team type and date a dashboard request asks for, as the caller may see them: a
 * manager's own region (another region's code is 404, as is an unknown code), a national lead's
 * chosen one or all; a PDU must be in that region (else 404).
 */
export async function resolveDashboardScope(
  client: PrismaClient,
  user: AppUser,
  query: { region?: string; asOf?: string; pdu?: string; teamType?: DashboardScope["teamType"] },
  today: string,
): Promise<ResolvedDashboardScope> {
  const asOf = query.asOf ?? today;
  const national = user.role === "NATIONAL_LEAD";
  let regionId: string | null;
  let regionCode: string | null;
  if (!national) {
    if (!user.regionId || (query.region !== undefined && query.region !== user.regionCode)) throw notFound("region");
    [regionId, regionCode] = [user.regionId, user.regionCode];
  } else if (query.region === undefined) {
    [regionId, regionCode] = [null, null];
  } else {
    const found = await client.region.findUnique({ where: { code: query.region }, select: { id: true, code: true } });
    if (!found) throw notFound("region");
    [regionId, regionCode] = [found.id, found.code];
  }
  let pduId: string | null = null;
  if (query.pdu !== undefined) {
    const pdu = await client.pdu.findUnique({ where: { id: query.pdu }, select: { id: true, regionId: true } });
    if (!pdu || (regionId !== null && pdu.regionId !== regionId)) throw notFound("PDU");
    pduId = pdu.id;
  }
  // The same commencement dates the services apply, so figures, lists and cases agree.
  const rules = await loadRuleCommencements(client);
  return { asOf, regionId, regionCode, pduId, teamType: query.teamType ?? null, rules };
}

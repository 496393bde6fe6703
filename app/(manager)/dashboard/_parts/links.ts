import type { FigureKey } from "@/server/queries/dashboard-figures";

/** The dashboard's filters as they travel in the URL, so a view can be bookmarked and shared. */
export type DashboardFilters = { region?: string; pdu?: string; teamType?: string; asOf: string };

export function filterParams(
  filters: DashboardFilters,
  extra: Record<string, string | undefined> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({
    region: filters.region,
    pdu: filters.pdu,
    teamType: filters.teamType,
    asOf: filters.asOf,
    ...extra,
  })) {
    // An empty ethnicity means "not recorded" (a group of its own), so it travels; other empty filters do not.
    if (value !== undefined && (value !== "" || key === "ethnicity")) params.set(key, value);
  }
  return params;
}

export const dashboardHref = (filters: DashboardFilters, extra: Record<string, string | undefined> = {}) =>
  `/dashboard?${filterParams(filters, extra)}`;

/** The drill-down list behind a figure, with the same filters. */
export const casesHref = (
  figure: FigureKey,
  filters: DashboardFilters,
  extra: Record<string, string | undefined> = {},
) => `/dashboard/cases?${filterParams(filters, { figure, ...extra })}`;

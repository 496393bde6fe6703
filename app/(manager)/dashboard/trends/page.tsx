import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser, orNotFound } from "@/server/auth/current-user";
import { TREND_MONTHS, type TrendsFilters } from "@/server/queries/trends";
import { loadTrendsPage } from "@/server/queries/manager-pages";
import { TARGETS } from "@/server/queries/dashboard";
import { todayInLondon } from "@/domain/dates";
import { policyOn } from "@/domain/policy";
import { LineChart, type ChartPoint } from "@/ui/charts/line-chart";
import { MANAGED_BY_LABEL } from "@/ui/labels";
import { completionShareWords } from "@/ui/trend-words";
import { PageHeading } from "@/ui/page-heading";
import { FiltersForm } from "../_parts/filters-form";
import { formatDate, formatNumber, formatPercent } from "@/ui/format";

export const metadata: Metadata = { title: "Trends" };

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const monthLabel = (monthEnd: string) => MONTH.format(new Date(`${monthEnd}T00:00:00Z`));
const hours = (value: number) => value.toLocaleString("en-GB", { maximumFractionDigits: 1 });

function dashboardHref(filters: TrendsFilters): string {
  const query = new URLSearchParams(
    Object.entries(filters).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
    ),
  );
  return `/dashboard?${query.toString()}`;
}

/** Backlog, dormant cases, hours delivered and completion over the last 12 month ends, as the records stood at each. */
export default async function TrendsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("dashboard.read");
  const today = todayInLondon();
  const { view, trends } = await orNotFound(loadTrendsPage(user, await searchParams, today));
  const policy = policyOn(view.scope.asOf, view.scope.rules);
  const { filters } = view;
  const caption = [
    view.region?.name ?? "All regions",
    view.pdu?.name,
    filters.teamType ? MANAGED_BY_LABEL[filters.teamType] : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const points = <T extends { monthEnd: string }>(rows: readonly T[], value: (row: T) => number): ChartPoint[] =>
    rows.map((row) => ({ label: monthLabel(row.monthEnd), value: value(row) }));

  return (
    <>
      <PageHeading caption={caption}>Trends</PageHeading>
      <p>
        Each figure as it stood at the end of each of the last {TREND_MONTHS} months, up to{" "}
        {formatDate(view.scope.asOf)}. Only what had been recorded with a date up to that month end counts, so a later
        extension, breach or completion does not change an earlier month.
      </p>
      <p>
        <Link href={dashboardHref(filters)}>Back to the dashboard</Link>
      </p>

      <FiltersForm
        action="/dashboard/trends"
        national={view.national}
        regions={view.regions}
        pdus={view.pdus}
        values={{ ...filters, asOf: view.scope.asOf }}
        today={today}
        wording={{ form: "Choose the trends", asOf: "Up to", submit: "Show trends" }}
      />
      {view.asOfWasInvalid && (
        <p className="error-message">The date was not a real date on or before today, so the trends run up to today.</p>
      )}

      <h2 className="text-2xl">Backlog</h2>
      <p>
        Active requirements more than {policy.twelveMonths} months after sentence with no court extension covering the
        month end and no open breach or warrant, as a share of the active caseload. National target: below{" "}
        {TARGETS.backlogPercentBelow}%.
      </p>
      <LineChart
        id="backlog"
        title="Backlog at each month end (% of active caseload)"
        points={points(trends.backlog, (row) => row.percent)}
        format={(value) => formatPercent(value)}
        target={{ value: TARGETS.backlogPercentBelow, label: `Target: below ${TARGETS.backlogPercentBelow}%` }}
        table={{
          headers: ["Month end", "Backlog", "Active caseload", "Backlog %"],
          rows: trends.backlog.map((row) => [
            formatDate(row.monthEnd),
            formatNumber(row.backlog),
            formatNumber(row.active),
            formatPercent(row.percent),
          ]),
        }}
      />

      <h2 className="text-2xl">Dormant cases</h2>
      <p>
        Active requirements sentenced at least {policy.dormantDays} days before the month end, not in breach or under
        warrant, with no attendance record and no ETE credit in the {policy.dormantDays} days up to it.
      </p>
      <LineChart
        id="dormant"
        title="Dormant cases at each month end"
        points={points(trends.dormant, (row) => row.dormant)}
        format={(value) => formatNumber(value)}
        table={{
          headers: ["Month end", "Dormant cases"],
          rows: trends.dormant.map((row) => [formatDate(row.monthEnd), formatNumber(row.dormant)]),
        }}
      />

      <h2 className="text-2xl">Hours delivered per week</h2>
      <p>
        Hours credited for work sessions and ETE in each month, divided by the weeks in that month: the same hours as
        the dashboard&apos;s &ldquo;hours delivered&rdquo;.
      </p>
      <LineChart
        id="hours"
        title="Hours delivered per week, by month"
        points={points(trends.hours, (row) => row.hoursPerWeek)}
        format={hours}
        table={{
          headers: ["Month", "Hours delivered in the month", "Hours per week"],
          rows: trends.hours.map((row) => [monthLabel(row.monthEnd), hours(row.minutes / 60), hours(row.hoursPerWeek)]),
        }}
      />

      <h2 className="text-2xl">Completed within {policy.twelveMonths} months</h2>
      <p>
        At each month end: of requirements whose {policy.twelveMonths} months from sentence ended in the 12 months up to
        it, the share completed within them. Court extensions do not count (HMPPS measure SL029). Target:{" "}
        {TARGETS.completedWithinTwelveMonthsPercentAtLeast}% or more.
      </p>
      <LineChart
        id="completion"
        title={`Completed within ${policy.twelveMonths} months, at each month end (%)`}
        // A month with no requirements due has no share to draw: it is left out of the line and says "None due" in the table.
        points={points(
          trends.completion.filter((row) => row.cohort > 0),
          (row) => row.percent,
        )}
        format={(value) => formatPercent(value)}
        target={{
          value: TARGETS.completedWithinTwelveMonthsPercentAtLeast,
          label: `Target: ${TARGETS.completedWithinTwelveMonthsPercentAtLeast}% or more`,
        }}
        table={{
          headers: ["Month end", "Completed in time", "Requirements due", "Completed in time %"],
          rows: trends.completion.map((row) => [
            formatDate(row.monthEnd),
            formatNumber(row.met),
            formatNumber(row.cohort),
            completionShareWords(row),
          ]),
        }}
      />
    </>
  );
}

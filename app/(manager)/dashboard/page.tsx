import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { loadAutoEnforcement } from "@/server/queries/regions";
import { loadDashboardPageForUser } from "@/server/queries/manager-pages";
import {
  HOURS_WINDOW_DAYS,
  REPORTING_WINDOW_MONTHS,
  STAND_DOWN_WINDOW_DAYS,
  TEAM_TYPES,
} from "@/server/queries/dashboard-figures";
import { TARGETS } from "@/server/queries/dashboard";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";
import { formatDate, formatNumber, formatPercent } from "@/ui/format";
import { MANAGED_BY_LABEL } from "@/ui/labels";
import { FigureCard } from "./_parts/figure-card";
import { ComparisonTable } from "./_parts/comparison-table";
import { FiltersForm } from "./_parts/filters-form";
import { RulesInForce } from "./_parts/rules-in-force";
import { casesHref, dashboardHref } from "./_parts/links";

export const metadata: Metadata = { title: "Dashboard" };

type SearchParams = Record<string, string | string[] | undefined>;

/** Manager's home (their region) and the national lead's (all regions, or one): every figure of docs/domain.md §5 as of a date. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("dashboard.read");
  const view = await orNotFound(loadDashboardPageForUser(user, await searchParams));
  const { figures, filters, policy, national, today } = view;
  const onDate = formatDate(filters.asOf);
  const { red, amber, green } = figures.nearingEnd;
  const link = casesHref;
  const breachBy = figures.breachRateBy;
  // Read live (not from the figures cache): a region setting, not a figure.
  const autoEnforcement = await loadAutoEnforcement(national ? (view.regionId ?? null) : (user.regionId ?? null));

  return (
    <>
      <PageHeading
        caption={[
          view.regionName ?? "All regions",
          view.pduName,
          filters.teamType ? MANAGED_BY_LABEL[filters.teamType] : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      >
        Dashboard
      </PageHeading>
      <p>
        Figures as they stood on {onDate}
        {filters.asOf === today ? " (today)" : ""}. Choose another date, a probation delivery unit or a team to see
        those figures; the address of the page keeps your choice, so you can bookmark or share it. Each figure links to
        the cases behind it.
      </p>
      <p>
        <Link href="/dashboard/trends">See how the figures changed over the last 12 months</Link>
      </p>
      <p data-testid="auto-enforcement">
        {autoEnforcement.scope === "region"
          ? `Auto-enforcement is ${autoEnforcement.on ? "on" : "off"} in this region: ${autoEnforcement.on ? "warnings and breach referrals are created as failures are recorded" : "staff record each warning or breach"}.`
          : `Auto-enforcement is on in ${autoEnforcement.regionsOn} of ${autoEnforcement.regions} regions.`}{" "}
        {!national && <Link href="/auto-enforcement">Change auto-enforcement</Link>}
      </p>
      <FiltersForm
        action="/dashboard"
        national={national}
        regions={view.regions}
        pdus={view.pdus}
        values={filters}
        today={today}
      />
      {view.dateWasInvalid && (
        <p className="error-message">The date was not a real date, so these figures are as of today.</p>
      )}
      <RulesInForce asOf={filters.asOf} policy={policy} reductionsGranted={view.reductionsGranted} />

      <ul className="m-0 mb-8 grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
        <FigureCard
          title="Active caseload"
          figure={formatNumber(figures.activeCaseload)}
          href={link("active", filters)}
          linkText="See the active cases"
          definition={`Unpaid work requirements active on ${onDate}: sentenced by then and not yet completed or ended. Restricted cases are counted.`}
        />
        <FigureCard
          title="Backlog"
          figure={formatPercent(figures.backlogPercent)}
          href={link("backlog", filters)}
          linkText={`See the ${formatNumber(figures.backlogCount)} backlog cases`}
          detail={<p className="m-0">{formatNumber(figures.backlogCount)} requirements</p>}
          definition={`Active requirements more than ${policy.twelveMonths} months after sentence with no court extension covering ${onDate} and no open breach or warrant, as a share of the active caseload.`}
          target={{
            text: `National target: below ${TARGETS.backlogPercentBelow}%.`,
            met: figures.backlogPercent < TARGETS.backlogPercentBelow,
          }}
        />
        <FigureCard
          title="Dormant cases"
          figure={formatNumber(figures.dormantCount)}
          href={link("dormant", filters)}
          linkText="See the dormant cases"
          definition={`Active requirements sentenced at least ${policy.dormantDays} days ago, not in breach or under warrant, with no attendance record of any kind and no ETE credit in the ${policy.dormantDays} days up to ${onDate}.`}
        />
        <FigureCard
          title="Nearing the end date"
          figure={formatNumber(red + amber + green)}
          href={link("nearing-end", filters)}
          linkText="See the cases nearing the end date"
          detail={
            <ul className="m-0 list-none p-0 text-base">
              <li className="mb-1">
                <Tag colour="red">Red</Tag>{" "}
                <Link href={link("nearing-red", filters)}>{formatNumber(red)} red cases</Link>: past the end date or{" "}
                {policy.redWeeks} weeks or less left
              </li>
              <li className="mb-1">
                <Tag colour="orange">Amber</Tag>{" "}
                <Link href={link("nearing-amber", filters)}>{formatNumber(amber)} amber cases</Link>: at the last{" "}
                {policy.paceWeeks} weeks&rsquo; pace, will not finish in time
              </li>
              <li>
                <Tag colour="green">Green</Tag>{" "}
                <Link href={link("nearing-green", filters)}>{formatNumber(green)} green cases</Link>: on course
              </li>
            </ul>
          }
          definition={`Active requirements with hours still to do whose end date (${policy.twelveMonths} months after sentence, or as extended by the court) is within ${policy.nearingEndWeeks} weeks of ${onDate} or has passed.`}
        />
        <FigureCard
          title={`Started within ${policy.startWorkingDays} working days`}
          figure={formatPercent(figures.commenced.percent)}
          href={link("commenced-late", filters)}
          linkText={`See the ${formatNumber(figures.commenced.cohort - figures.commenced.met)} not started in time`}
          detail={
            <p className="m-0">
              <Link
                href={link("commenced", filters)}
              >{`${formatNumber(figures.commenced.met)} of ${formatNumber(figures.commenced.cohort)} requirements`}</Link>
            </p>
          }
          definition={`Of requirements whose start deadline (${policy.startWorkingDays} working days after sentence, not counting weekends and bank holidays) passed in the ${REPORTING_WINDOW_MONTHS} months before ${onDate}, the share where the person had attended a first work session by the deadline.`}
        />
        <FigureCard
          title={`Completed within ${policy.twelveMonths} months`}
          figure={formatPercent(figures.completed.percent)}
          href={link("completed-late", filters)}
          linkText={`See the ${formatNumber(figures.completed.cohort - figures.completed.met)} not completed in time`}
          detail={
            <p className="m-0">
              <Link
                href={link("completed", filters)}
              >{`${formatNumber(figures.completed.met)} of ${formatNumber(figures.completed.cohort)} requirements`}</Link>
            </p>
          }
          definition={`Of requirements whose ${policy.twelveMonths} months from sentence ended in the ${REPORTING_WINDOW_MONTHS} months up to ${onDate}, the share completed by then. Court extensions do not count (HMPPS measure SL029).`}
          target={{
            text: `Target: ${TARGETS.completedWithinTwelveMonthsPercentAtLeast}% or more.`,
            met: figures.completed.percent >= TARGETS.completedWithinTwelveMonthsPercentAtLeast,
          }}
        />
        <FigureCard
          title="Education, training and employment (ETE)"
          figure={formatPercent(figures.ete.usePercent)}
          href={link("ete-use", filters)}
          linkText={`See the ${formatNumber(figures.ete.using)} cases using ETE`}
          detail={
            <p className="m-0">
              <Link href={link("ete-full", filters)}>
                {formatPercent(figures.ete.fullUsePercent)} ({formatNumber(figures.ete.full)}) have used the full{" "}
                {policy.eteCapPercent}%
              </Link>
            </p>
          }
          definition={`Active requirements with any ETE hours credited by ${onDate}, as a share of the active caseload; and those that have used all the ETE their hours allow (${policy.eteCapPercent}% of the hours ordered).`}
        />
        <FigureCard
          title="Breach rate"
          figure={formatPercent(figures.breach.percent)}
          href={link("breach", filters)}
          linkText={`See the ${formatNumber(figures.breach.count)} cases with a warning or breach`}
          detail={
            <p className="m-0">{`${formatNumber(figures.breach.count)} of ${formatNumber(figures.breach.cohort)} active requirements`}</p>
          }
          definition={`Active requirements with a warning or breach dated in the ${REPORTING_WINDOW_MONTHS} months up to ${onDate}. Split by age, gender and ethnicity below.`}
        />
        <FigureCard
          title="Stand-down rate"
          figure={formatPercent(figures.standDown.percent)}
          href={link("stand-down", filters)}
          linkText={`See the ${formatNumber(figures.standDown.cases)} cases stood down`}
          detail={
            <p className="m-0">{`${formatNumber(figures.standDown.standDowns)} of ${formatNumber(figures.standDown.allocations)} bookings`}</p>
          }
          definition={`Bookings in the ${STAND_DOWN_WINDOW_DAYS} days up to ${onDate} where the service sent the person home (over-subscribed, no supervisor, weather) or stood them down in advance.`}
        />
        <FigureCard
          title="Hours delivered in the last week"
          figure={formatNumber(figures.hoursDelivered.hours)}
          href={link("hours-delivered", filters)}
          linkText={`See the ${formatNumber(figures.hoursDelivered.cases)} cases credited`}
          detail={
            <p className="m-0">{`${formatNumber(Math.round(figures.hoursDelivered.workMinutes / 6) / 10)} hours of work and ${formatNumber(Math.round(figures.hoursDelivered.eteMinutes / 6) / 10)} hours of ETE`}</p>
          }
          definition={`Hours credited for work sessions and ETE dated in the ${HOURS_WINDOW_DAYS} days up to and including ${onDate}.`}
        />
        <FigureCard
          title="Reviews overdue"
          figure={formatNumber(figures.reviewsOverdue.sixMonth + figures.reviewsOverdue.nineMonth)}
          detail={
            <ul className="m-0 list-none p-0 text-base">
              <li className="mb-1">
                <Link href={link("review-6", filters)}>
                  {formatNumber(figures.reviewsOverdue.sixMonth)} six-month reviews
                </Link>
              </li>
              <li>
                <Link href={link("review-9", filters)}>
                  {formatNumber(figures.reviewsOverdue.nineMonth)} nine-month reviews
                </Link>
              </li>
            </ul>
          }
          definition={`Active requirements past the date of their mandatory ${policy.reviewMonths.join("- or ")}-month review (months after sentence) with no review of that kind completed by ${onDate}.`}
        />
        <FigureCard
          title="Suspended sentence orders expired incomplete"
          figure={formatNumber(figures.expiredIncompleteSso)}
          href={link("expired-sso", filters)}
          linkText="See the expired orders"
          definition={`Unpaid work requirements of suspended sentence orders that ended with hours not done because the order expired, in the ${REPORTING_WINDOW_MONTHS} months up to ${onDate}.`}
        />
        <FigureCard
          title="Enforcement overdue"
          figure={formatNumber(figures.enforcementOverdue.cases)}
          href={link("enforcement-overdue", filters)}
          linkText={`See the ${formatNumber(figures.enforcementOverdue.cases)} cases (${formatNumber(figures.enforcementOverdue.failures)} failures)`}
          definition={`Active requirements, not already before the court, with a failure to comply that no warning or breach answered within ${policy.enforcementDecisionWorkingDays} working days of the failure, as of ${onDate}.`}
        />
        <FigureCard
          title="Approvals waiting"
          figure={formatNumber(figures.pendingApprovals)}
          detail={national ? undefined : <Link href="/approvals">See the approvals waiting</Link>}
          definition="Requests waiting for a manager's decision now (not as of the date chosen): accepted absences beyond the limit, risk overrides and high risk of serious harm on individual placements."
        />
      </ul>

      <h2>Breach rate by age, gender and ethnicity</h2>
      <TableRegion label="Breach rate by group">
        <table>
          <caption>
            Active requirements with a warning or breach in the {REPORTING_WINDOW_MONTHS} months up to {onDate}, by
            group
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="text-right">
                Active requirements
              </th>
              <th scope="col" className="text-right">
                With a warning or breach
              </th>
              <th scope="col" className="text-right">
                Breach rate
              </th>
            </tr>
          </thead>
          <tbody>
            {[
              {
                key: "under25",
                label: "Aged under 25",
                group: breachBy.under25,
                href: link("breach-under25", filters),
              },
              {
                key: "age25plus",
                label: "Aged 25 and over",
                group: breachBy.age25plus,
                href: link("breach-25plus", filters),
              },
              { key: "male", label: "Men", group: breachBy.male, href: link("breach-male", filters) },
              { key: "female", label: "Women", group: breachBy.female, href: link("breach-female", filters) },
              ...breachBy.byEthnicity.map((group) => ({
                key: `eth-${group.ethnicity}`,
                label: `Ethnicity: ${group.ethnicity || "not recorded"}`,
                group,
                href: link("breach", filters, { ethnicity: group.ethnicity }),
              })),
            ].map((row) => (
              <tr key={row.key}>
                <th scope="row" className="font-normal">
                  {row.label}
                </th>
                <td className="text-right tabular-nums">{formatNumber(row.group.cohort)}</td>
                <td className="text-right tabular-nums">
                  <Link href={row.href}>{formatNumber(row.group.count)}</Link>
                </td>
                <td className="text-right tabular-nums">{formatPercent(row.group.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2>Stand-alone unpaid work and sentence management compared</h2>
      <ComparisonTable
        label="Team types compared"
        caption={`Stand-alone unpaid work orders and sentence management, as of ${onDate}`}
        heading="Team"
        rows={TEAM_TYPES.map((team) => ({
          key: team,
          label: MANAGED_BY_LABEL[team],
          href: dashboardHref(filters, { teamType: team }),
          figures: figures.byTeamType[team],
        }))}
      />

      {view.pduRows.length > 0 && (
        <>
          <h2>Probation delivery units compared</h2>
          <ComparisonTable
            label="Probation delivery units compared"
            caption={`Probation delivery units, as of ${onDate}`}
            heading="Probation delivery unit"
            rows={view.pduRows.map((row) => ({
              ...row,
              href: row.pduId ? dashboardHref(filters, { pdu: row.pduId }) : undefined,
            }))}
          />
        </>
      )}

      {national && !filters.region && (
        <>
          <h2>Regions side by side</h2>
          <ComparisonTable
            label="Regions compared"
            caption={`Regions side by side, as of ${onDate}`}
            heading="Region"
            rows={view.regions.map((region) => ({
              key: region.code,
              label: region.name,
              href: dashboardHref({ asOf: filters.asOf, teamType: filters.teamType }, { region: region.code }),
              figures: figures.byRegion(region.id),
            }))}
          />
        </>
      )}
      <p className="no-print">
        <Link href={dashboardHref({ asOf: filters.asOf, region: national ? filters.region : undefined })}>
          Clear the PDU and team filters
        </Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { db } from "@/server/db/client";
import { loadDashboardFigures, REPORTING_WINDOW_MONTHS, TARGETS } from "@/server/queries/dashboard";
import { listRegions } from "@/server/queries/regions";
import { isIsoDate, todayInLondon, type IsoDate } from "@/domain/dates";
import { policyOn } from "@/domain/policy";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";
import { formatDate, formatNumber, formatPercent } from "@/ui/format";

export const metadata: Metadata = { title: "Dashboard" };

type SearchParams = Record<string, string | string[] | undefined>;
const param = (params: SearchParams, key: string): string | undefined => {
  const value = params[key];
  return typeof value === "string" && value !== "" ? value : undefined;
};

/** One headline figure: its number, what it means, and its target where there is one. */
function FigureCard(props: { title: string; figure: string; detail?: React.ReactNode; definition: string; target?: { text: string; met: boolean } }) {
  return (
    <li className="summary-card flex flex-col">
      <h2 className="mb-2 text-xl sm:text-2xl">{props.title}</h2>
      <p className="mb-2 text-4xl font-bold sm:text-5xl">{props.figure}</p>
      {props.detail && <div className="mb-2">{props.detail}</div>}
      <p className="mb-2 text-base">{props.definition}</p>
      {props.target && (
        <p className="mb-0 mt-auto text-base">
          {props.target.text}{" "}
          {props.target.met ? <Tag colour="green">Meets target</Tag> : <Tag colour="red">Misses target</Tag>}
        </p>
      )}
    </li>
  );
}

/** Manager's home (their region) and the national lead's (all regions, or one): headline figures as of a date. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser(["MANAGER", "NATIONAL_LEAD"]);
  const params = await searchParams;
  const today = todayInLondon();
  const requestedAsOf = param(params, "asOf");
  const asOf: IsoDate = requestedAsOf && isIsoDate(requestedAsOf) ? requestedAsOf : today;
  const regions = await listRegions();
  const national = user.role === "NATIONAL_LEAD";
  const chosenRegion = national ? regions.find((region) => region.code === param(params, "region")) : regions.find((region) => region.id === user.regionId);
  const regionId = national ? (chosenRegion?.id ?? null) : (user.regionId ?? "");
  const figures = await loadDashboardFigures(db, { asOf, regionId });
  const policy = policyOn(asOf);
  const onDate = formatDate(asOf);
  const { red, amber, green } = figures.nearingEnd;

  return (
    <>
      <PageHeading caption={chosenRegion?.name ?? "All regions"}>Dashboard</PageHeading>
      <p>
        Figures as they stood on {onDate}
        {asOf === today ? " (today)" : ""}. Choose another date to see them as they were then.
      </p>

      <p><Link href="/dashboard/trends">See how the figures changed over the last 12 months</Link></p>
      <form method="get" className="mb-8 flex flex-wrap items-end gap-4" aria-label="Choose the figures">
        {national && (
          <div>
            <label className="label" htmlFor="region">
              Region
            </label>
            <select id="region" name="region" defaultValue={chosenRegion?.code ?? ""} className="input w-auto">
              <option value="">All regions</option>
              {regions.map((region) => (
                <option key={region.id} value={region.code}>
                  {region.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label className="label" htmlFor="asOf">
            Figures as of
          </label>
          <input id="asOf" name="asOf" type="date" defaultValue={asOf} max={today} className="input w-auto" />
        </div>
        <button type="submit" className="button">
          Show figures
        </button>
      </form>
      {requestedAsOf && requestedAsOf !== asOf && <p className="error-message">The date was not a real date, so these figures are as of today.</p>}

      <ul className="m-0 mb-8 grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
        <FigureCard
          title="Active caseload"
          figure={formatNumber(figures.activeCaseload)}
          definition={`Unpaid work requirements active on ${onDate}: sentenced by then and not yet completed or ended. Restricted cases are counted.`}
        />
        <FigureCard
          title="Backlog"
          figure={formatPercent(figures.backlogPercent)}
          detail={<p className="m-0">{formatNumber(figures.backlogCount)} requirements</p>}
          definition={`Active requirements more than ${policy.twelveMonths} months after sentence with no court extension covering ${onDate} and no open breach or warrant, as a share of the active caseload.`}
          target={{ text: `National target: below ${TARGETS.backlogPercentBelow}%.`, met: figures.backlogPercent < TARGETS.backlogPercentBelow }}
        />
        <FigureCard
          title="Dormant cases"
          figure={formatNumber(figures.dormantCount)}
          definition={`Active requirements sentenced at least ${policy.dormantDays} days ago, not in breach or under warrant, with no attendance record of any kind and no ETE credit in the ${policy.dormantDays} days up to ${onDate}.`}
        />
        <FigureCard
          title="Nearing the end date"
          figure={formatNumber(red + amber + green)}
          detail={
            <ul className="m-0 list-none p-0 text-base">
              <li className="mb-1">
                <Tag colour="red">Red</Tag> {formatNumber(red)}: past the end date or {policy.redWeeks} weeks or less left
              </li>
              <li className="mb-1">
                <Tag colour="orange">Amber</Tag> {formatNumber(amber)}: at the last {policy.paceWeeks} weeks&rsquo; pace, will not finish in time
              </li>
              <li>
                <Tag colour="green">Green</Tag> {formatNumber(green)}: on course
              </li>
            </ul>
          }
          definition={`Active requirements with hours still to do whose end date (${policy.twelveMonths} months after sentence, or as extended by the court) is within ${policy.nearingEndWeeks} weeks of ${onDate} or has passed.`}
        />
        <FigureCard
          title={`Started within ${policy.startWorkingDays} working days`}
          figure={formatPercent(figures.commenced.percent)}
          detail={<p className="m-0">{`${formatNumber(figures.commenced.met)} of ${formatNumber(figures.commenced.cohort)} requirements`}</p>}
          definition={`Of requirements whose start deadline (${policy.startWorkingDays} working days after sentence, not counting weekends and bank holidays) passed in the ${REPORTING_WINDOW_MONTHS} months before ${onDate}, the share where the person had attended a first work session by the deadline.`}
        />
        <FigureCard
          title={`Completed within ${policy.twelveMonths} months`}
          figure={formatPercent(figures.completed.percent)}
          detail={<p className="m-0">{`${formatNumber(figures.completed.met)} of ${formatNumber(figures.completed.cohort)} requirements`}</p>}
          definition={`Of requirements whose ${policy.twelveMonths} months from sentence ended in the ${REPORTING_WINDOW_MONTHS} months up to ${onDate}, the share completed by then. Court extensions do not count (HMPPS measure SL029).`}
          target={{
            text: `Target: ${TARGETS.completedWithinTwelveMonthsPercentAtLeast}% or more.`,
            met: figures.completed.percent >= TARGETS.completedWithinTwelveMonthsPercentAtLeast,
          }}
        />
        <FigureCard
          title="Approvals waiting"
          figure={formatNumber(figures.pendingApprovals)}
          detail={national ? undefined : <Link href="/approvals">See the approvals waiting</Link>}
          definition="Requests waiting for a manager's decision now (not as of the date chosen): accepted absences beyond the limit, risk overrides and high risk of serious harm on individual placements."
        />
      </ul>

      {national && !chosenRegion && (
        <TableRegion label="Regions compared">
          <table>
            <caption>Regions side by side, as of {onDate}</caption>
            <thead>
              <tr>
                <th scope="col">Region</th>
                <th scope="col" className="text-right">
                  Active caseload
                </th>
                <th scope="col" className="text-right">
                  Backlog
                </th>
                <th scope="col" className="text-right">
                  Backlog %
                </th>
                <th scope="col" className="text-right">
                  Dormant
                </th>
              </tr>
            </thead>
            <tbody>
              {regions.map((region) => {
                const row = figures.byRegion(region.id);
                return (
                  <tr key={region.id}>
                    <th scope="row" className="font-normal">
                      <Link href={`/dashboard?region=${region.code}&asOf=${asOf}`}>{region.name}</Link>
                    </th>
                    <td className="text-right tabular-nums">{formatNumber(row.activeCaseload)}</td>
                    <td className="text-right tabular-nums">{formatNumber(row.backlogCount)}</td>
                    <td className="text-right tabular-nums">
                      {formatPercent(row.backlogPercent)}
                    </td>
                    <td className="text-right tabular-nums">{formatNumber(row.dormantCount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

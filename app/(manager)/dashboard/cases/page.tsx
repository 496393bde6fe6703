import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { FIGURE_COLUMNS, type DrillSort } from "@/server/queries/dashboard-cases";
import { loadFigureCasesForUser } from "@/server/queries/manager-pages";
import { drillDownViewRecord, recordView } from "@/server/view-audit";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { TableRegion } from "@/ui/table-region";
import { formatDate, formatNumber, formatShortDate } from "@/ui/format";
import { MANAGED_BY_LABEL } from "@/ui/labels";
import { dashboardHref, filterParams } from "../_parts/links";

export const metadata: Metadata = { title: "Cases behind a dashboard figure" };

type SearchParams = Record<string, string | string[] | undefined>;

/** A column heading that sorts by it; a second click reverses the order. aria-sort says the current order. */
function SortHeader(props: {
  sort: DrillSort;
  current: { sort: DrillSort; dir: "asc" | "desc" };
  hrefFor: (sort: DrillSort, dir: "asc" | "desc") => string;
  children: React.ReactNode;
}) {
  const current = props.current.sort === props.sort;
  const order = props.current.dir === "asc" ? "ascending" : "descending";
  const next = current && props.current.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={current ? order : undefined}>
      <Link href={props.hrefFor(props.sort, next)}>
        {props.children}
        <span className="sr-only">{current ? ` (sorted ${order}; select to reverse)` : " (select to sort)"}</span>
      </Link>
    </th>
  );
}

/** The cases behind one dashboard figure: server-paginated, sortable, and downloadable as CSV. */
export default async function DashboardCasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("dashboard.cases");
  const drill = await orNotFound(loadFigureCasesForUser(user, await searchParams, "page"));
  await recordView(user, drillDownViewRecord("page", drill));
  const { query, national, filters, list } = drill;
  const columns = FIGURE_COLUMNS[list.source];
  const listParams = (extra: Record<string, string | undefined>) =>
    filterParams(filters, {
      figure: query.figure,
      ethnicity: query.ethnicity,
      sort: query.sort,
      dir: query.dir,
      ...extra,
    });
  const pageHref = (page: number) => `/dashboard/cases?${listParams({ page: page > 1 ? String(page) : undefined })}`;
  const csvHref = `/dashboard/cases/export?${listParams({})}`;
  const sorting = {
    current: { sort: query.sort, dir: query.dir },
    hrefFor: (sort: DrillSort, dir: "asc" | "desc") => `/dashboard/cases?${listParams({ sort, dir })}`,
  };

  const shown = list.total - list.hiddenRestricted;
  return (
    <>
      <p className="no-print">
        <Link href={dashboardHref(filters)}>Back to the dashboard</Link>
      </p>
      <PageHeading caption={`As of ${formatDate(filters.asOf)}`}>
        {list.title}
        {query.ethnicity !== undefined && list.source === "breach"
          ? `: ethnicity ${query.ethnicity || "not recorded"}`
          : ""}
      </PageHeading>
      <p>
        {formatNumber(list.total)} {list.total === 1 ? "case" : "cases"}, the same as the figure on the dashboard
        {filters.pdu || filters.teamType ? " for the PDU or team chosen" : ""}.
        {list.hiddenRestricted > 0 &&
          ` ${formatNumber(list.hiddenRestricted)} restricted ${list.hiddenRestricted === 1 ? "case is" : "cases are"} counted but not listed, because only named staff may see them.`}
      </p>
      <p className="no-print">
        <a href={csvHref} download className="button">
          Download these {formatNumber(shown)} cases as a spreadsheet (CSV)
        </a>
      </p>
      {shown === 0 ? (
        <p>There are no cases to list.</p>
      ) : (
        <TableRegion label="Cases behind the figure">
          <table>
            <caption>
              {list.title}: page {query.page} of {list.pageCount}
            </caption>
            <thead>
              <tr>
                <SortHeader sort="name" {...sorting}>
                  Name
                </SortHeader>
                <SortHeader sort="crn" {...sorting}>
                  CRN
                </SortHeader>
                {national && (
                  <SortHeader sort="region" {...sorting}>
                    Region
                  </SortHeader>
                )}
                <SortHeader sort="pdu" {...sorting}>
                  PDU
                </SortHeader>
                <th scope="col">Team</th>
                <SortHeader sort="sentence" {...sorting}>
                  Sentenced
                </SortHeader>
                <th scope="col" className="text-right">
                  Hours ordered
                </th>
                <SortHeader sort="date" {...sorting}>
                  {columns.date}
                </SortHeader>
                {columns.detail && <th scope="col">{columns.detail}</th>}
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    {national ? (
                      `${row.lastName}, ${row.firstName}`
                    ) : (
                      <Link href={`/cases/${row.id}`}>
                        {row.lastName}, {row.firstName}
                      </Link>
                    )}
                  </td>
                  <td>{row.crn}</td>
                  {national && <td>{row.regionName}</td>}
                  <td>{row.pduName ?? "None recorded"}</td>
                  <td>{MANAGED_BY_LABEL[row.managedBy]}</td>
                  <td className="whitespace-nowrap">{formatShortDate(row.sentenceDate)}</td>
                  <td className="text-right tabular-nums">{row.hoursOrdered}</td>
                  <td className="whitespace-nowrap">{row.keyDate ? formatShortDate(row.keyDate) : "None"}</td>
                  {columns.describe && <td>{columns.describe(row)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={query.page} pageCount={list.pageCount} hrefFor={pageHref} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { policyOn, todayInLondon } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { recordView } from "@/server/view-audit";
import {
  CASE_FLAGS,
  caseListQuerySchema,
  listCasePage,
  listPdusForFilter,
  type CaseFlag,
  type CaseListQuery,
  type CaseSort,
} from "@/server/queries/cases";
import { CaseFlagTags, RequirementStatusTag } from "@/ui/case-flags";
import { formatHoursShort, formatNumber, formatShortDate } from "@/ui/format";
import { MANAGED_BY_LABEL, REQUIREMENT_STATUS_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { TableRegion } from "@/ui/table-region";

export const metadata: Metadata = { title: "Cases" };

/** The flags in words, with today's rule numbers (docs/domain.md §4 policy). */
function flagLabels(): Record<CaseFlag, string> {
  const policy = policyOn(todayInLondon());
  return {
    "awaiting-assessment": "Awaiting assessment (nothing can be booked yet)",
    "late-start": `Not started by the start deadline (${policy.startWorkingDays} working days)`,
    dormant: `Dormant (nothing recorded in ${policy.dormantDays} days)`,
    backlog: `Backlog (past ${policy.twelveMonths} months, not extended)`,
    breach: "Open breach",
    warrant: "Under warrant",
    "enforcement-due": `Warning or breach due (a failure to comply with none yet; due within ${policy.enforcementDecisionWorkingDays} working days)`,
  };
}

const SORT_LABEL: Record<CaseSort, string> = {
  name: "Name (A to Z)",
  crn: "CRN",
  "sentence-newest": "Sentence date (newest first)",
  "sentence-oldest": "Sentence date (oldest first)",
};

function hrefFor(query: CaseListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.pdu) params.set("pdu", query.pdu);
  if (query.managedBy) params.set("managedBy", query.managedBy);
  for (const flag of query.flag) params.append("flag", flag);
  if (query.sort !== "name") params.set("sort", query.sort);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/cases?${search}` : "/cases";
}

export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("case.list");
  const query = caseListQuerySchema.parse(await searchParams);
  const [{ total, pageCount, cases }, pdus] = await Promise.all([listCasePage(user, query), listPdusForFilter(user)]);
  await recordView(user, {
    view: "case-list",
    requirementIds: cases.map((c) => c.id),
    regionId: user.regionId,
    filters: query,
  });
  const flagLabel = flagLabels();
  const filtered = Boolean(query.q || query.status || query.pdu || query.managedBy || query.flag.length > 0);

  return (
    <>
      <PageHeading caption="Your region">Cases</PageHeading>
      <p>
        <Link href="/cases/new" className="button button-secondary no-underline">
          Add a new case
        </Link>{" "}
        <Link href="/cases/import" className="ml-4">
          Import new cases from a file
        </Link>
      </p>

      <form method="get" action="/cases" className="mb-8 bg-panel p-4" aria-label="Find and filter cases">
        <div className="mb-4">
          <label className="label" htmlFor="q">
            Name or CRN
          </label>
          <span className="hint" id="q-hint">
            For example, Smith or X123456
          </span>
          <input
            className="input sm:max-w-md"
            type="search"
            id="q"
            name="q"
            defaultValue={query.q ?? ""}
            aria-describedby="q-hint"
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label className="label" htmlFor="status">
              Status
            </label>
            <select className="input" id="status" name="status" defaultValue={query.status ?? ""}>
              <option value="">Any status</option>
              {Object.entries(REQUIREMENT_STATUS_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="label" htmlFor="pdu">
              Probation delivery unit
            </label>
            <select className="input" id="pdu" name="pdu" defaultValue={query.pdu ?? ""}>
              <option value="">All PDUs</option>
              {pdus.map((pdu) => (
                <option key={pdu.id} value={pdu.id}>
                  {pdu.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="label" htmlFor="managedBy">
              Team
            </label>
            <select className="input" id="managedBy" name="managedBy" defaultValue={query.managedBy ?? ""}>
              <option value="">Any team</option>
              {Object.entries(MANAGED_BY_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="label" htmlFor="sort">
              Sort by
            </label>
            <select className="input" id="sort" name="sort" defaultValue={query.sort}>
              {Object.entries(SORT_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="mt-4 border-0 p-0">
          <legend className="label">Only show cases that are</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {CASE_FLAGS.map((flag) => (
              <div key={flag} className="flex min-h-11 items-center gap-2">
                <input
                  className="size-6 shrink-0"
                  type="checkbox"
                  id={`flag-${flag}`}
                  name="flag"
                  value={flag}
                  defaultChecked={query.flag.includes(flag)}
                />
                <label htmlFor={`flag-${flag}`}>{flagLabel[flag]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="mt-4 flex flex-wrap items-center gap-6">
          <button type="submit" className="button">
            Apply filters
          </button>
          {filtered && <Link href="/cases">Clear filters</Link>}
        </div>
      </form>

      {cases.length === 0 ? (
        <p>{filtered ? "No cases match these filters." : "There are no cases in your region yet."}</p>
      ) : (
        <TableRegion label="Cases">
          <table>
            <caption>
              {formatNumber(total)} {total === 1 ? "case" : "cases"}
              {filtered ? (total === 1 ? " matches" : " match") : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name and CRN</th>
                <th scope="col">Sentenced</th>
                <th scope="col">Hours done</th>
                <th scope="col">Status</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/cases/${row.id}`}>
                      {row.person.lastName}, {row.person.firstName}
                    </Link>
                    <span className="block text-base text-secondary">{row.person.crn}</span>
                  </td>
                  <td className="whitespace-nowrap">{formatShortDate(row.sentenceDate)}</td>
                  <td className="whitespace-nowrap">
                    {formatHoursShort(row.minutesCredited)} of {row.hoursOrdered}h
                  </td>
                  <td>
                    <RequirementStatusTag status={row.status} terminationReason={row.terminationReason} />
                  </td>
                  <td>
                    <CaseFlagTags flags={row.flags} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => hrefFor(query, page)} />
    </>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { formatNumber } from "./format";
import { TableRegion } from "./table-region";

// One section of the coordinator's work queue: a heading with the full count, a table of the
// most urgent rows, for each row the link to the action that clears it, and the pages of the
// list when it is longer than one page. Every section of the work queue is this component.

export type QueuePerson = { firstName: string; lastName: string; crn: string };

export type QueueRow = {
  key: string;
  caseId: string;
  person: QueuePerson;
  /** The other cells, in the order of `columns`. */
  cells: ReactNode[];
  action: { href: string; label: string };
};

/** A section's place in its list: `hrefFor` gives the address of another page. */
export type QueuePaging = { page: number; pageCount: number; hrefFor: (page: number) => string };

export function QueueSection(props: {
  id: string;
  title: string;
  description: string;
  total: number;
  empty: string;
  columns: string[];
  rows: QueueRow[];
  paging?: QueuePaging;
}) {
  const { id, title, description, total, empty, columns, rows, paging } = props;
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="text-2xl sm:text-[1.75rem]">
        {title} <span className="whitespace-nowrap text-secondary">({formatNumber(total)})</span>
      </h2>
      <p className="text-secondary">{description}</p>
      {total === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <TableRegion label={title}>
            <table aria-labelledby={id} className="mb-2">
              <thead>
                <tr>
                  <th scope="col">Name and CRN</th>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <td>
                      <Link href={`/cases/${row.caseId}`}>
                        {row.person.lastName}, {row.person.firstName}
                      </Link>
                      <span className="block text-base text-secondary">{row.person.crn}</span>
                    </td>
                    {row.cells.map((cell, index) => (
                      <td key={columns[index] ?? index}>{cell}</td>
                    ))}
                    <td>
                      <Link href={row.action.href}>
                        {row.action.label}
                        <span className="sr-only">
                          {" "}
                          for {row.person.firstName} {row.person.lastName}
                        </span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          {paging && paging.pageCount > 1 ? (
            <nav aria-label={`Pages of ${title.toLowerCase()}`} className="flex flex-wrap items-center gap-x-6">
              {paging.page > 1 && (
                <Link href={paging.hrefFor(paging.page - 1)} rel="prev" className="inline-block min-h-11 py-2">
                  Previous page
                </Link>
              )}
              <p className="m-0">
                Page {paging.page} of {paging.pageCount}
              </p>
              {paging.page < paging.pageCount && (
                <Link href={paging.hrefFor(paging.page + 1)} rel="next" className="inline-block min-h-11 py-2">
                  Next page
                </Link>
              )}
            </nav>
          ) : (
            total > rows.length && <p>and {formatNumber(total - rows.length)} more</p>
          )}
        </>
      )}
    </section>
  );
}

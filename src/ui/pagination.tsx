import Link from "next/link";

/** Server-side pagination links that keep the other query parameters. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mb-8 flex flex-wrap items-center gap-4">
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev" className="inline-block min-h-11 py-2">
          Previous<span className="sr-only"> page</span>
        </Link>
      )}
      <p className="m-0">
        Page {page} of {pageCount}
      </p>
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} rel="next" className="inline-block min-h-11 py-2">
          Next<span className="sr-only"> page</span>
        </Link>
      )}
    </nav>
  );
}

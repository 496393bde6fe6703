export type SummaryRow = { key: string; value: React.ReactNode; action?: React.ReactNode };

/** GOV.UK summary list: key/value rows as a description list. */
export function SummaryList({ rows, className = "" }: { rows: SummaryRow[]; className?: string }) {
  return (
    <dl className={`mb-8 ${className}`}>
      {rows.map((row) => (
        <div key={row.key} className="border-b border-border py-2.5 sm:flex sm:gap-4">
          <dt className="font-bold sm:w-1/3">{row.key}</dt>
          <dd className="m-0 sm:flex-1">{row.value}</dd>
          {row.action && <dd className="m-0 sm:w-1/5 sm:text-right">{row.action}</dd>}
        </div>
      ))}
    </dl>
  );
}

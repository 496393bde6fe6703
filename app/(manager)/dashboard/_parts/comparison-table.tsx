import Link from "next/link";
import type { FigureSet } from "@/server/queries/dashboard";
import { TARGETS } from "@/server/queries/dashboard";
import { TableRegion } from "@/ui/table-region";
import { formatNumber, formatPercent } from "@/ui/format";

export type ComparisonRow = { key: string; label: string; href?: string; figures: FigureSet };

/** The main figures side by side (regions, PDUs or team types), with the targets marked in words. */
export function ComparisonTable({
  label,
  caption,
  heading,
  rows,
}: {
  label: string;
  caption: string;
  heading: string;
  rows: ComparisonRow[];
}) {
  return (
    <TableRegion label={label}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="text-right">
              Active caseload
            </th>
            <th scope="col" className="text-right">
              Backlog
            </th>
            <th scope="col" className="text-right">
              Backlog % (target below {TARGETS.backlogPercentBelow}%)
            </th>
            <th scope="col" className="text-right">
              Dormant
            </th>
            <th scope="col" className="text-right">
              Nearing end (red)
            </th>
            <th scope="col" className="text-right">
              Started on time %
            </th>
            <th scope="col" className="text-right">
              Completed within 12 months % (target {TARGETS.completedWithinTwelveMonthsPercentAtLeast}%)
            </th>
            <th scope="col" className="text-right">
              Breach rate %
            </th>
            <th scope="col" className="text-right">
              Hours last 7 days
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const f = row.figures;
            const backlogMiss = f.backlogPercent >= TARGETS.backlogPercentBelow;
            const completedMiss =
              f.completed.cohort > 0 && f.completed.percent < TARGETS.completedWithinTwelveMonthsPercentAtLeast;
            return (
              <tr key={row.key}>
                <th scope="row" className="font-normal">
                  {row.href ? <Link href={row.href}>{row.label}</Link> : row.label}
                </th>
                <td className="text-right tabular-nums">{formatNumber(f.activeCaseload)}</td>
                <td className="text-right tabular-nums">{formatNumber(f.backlogCount)}</td>
                <td className="text-right tabular-nums">
                  {formatPercent(f.backlogPercent)}
                  {backlogMiss && <span className="block text-base">misses target</span>}
                </td>
                <td className="text-right tabular-nums">{formatNumber(f.dormantCount)}</td>
                <td className="text-right tabular-nums">
                  {formatNumber(f.nearingEnd.red + f.nearingEnd.amber + f.nearingEnd.green)} (
                  {formatNumber(f.nearingEnd.red)})
                </td>
                <td className="text-right tabular-nums">{formatPercent(f.commenced.percent)}</td>
                <td className="text-right tabular-nums">
                  {formatPercent(f.completed.percent)}
                  {completedMiss && <span className="block text-base">misses target</span>}
                </td>
                <td className="text-right tabular-nums">{formatPercent(f.breach.percent)}</td>
                <td className="text-right tabular-nums">{formatNumber(f.hoursDelivered.hours)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

import { formatPercent } from "./format";

/** A month's completed-in-time share: "None due" when no requirement fell due that month (issue 13: not "0.0 %"). */
export function completionShareWords(row: { cohort: number; percent: number }): string {
  return row.cohort === 0 ? "None due" : formatPercent(row.percent);
}

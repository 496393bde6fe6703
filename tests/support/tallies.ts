import type { DashboardTallies } from "@/server/queries/dashboard";

/** Dashboard tallies as one string that ignores row order, to compare two ways of counting them. */
export function canonicalTallies(t: DashboardTallies): string {
  const tallies = Object.entries(t.tallies)
    .flatMap(([source, rows]) =>
      rows.map((r) => JSON.stringify([source, r.regionId, r.pduId, r.managedBy, r.band, r.n, r.met, r.x, r.y])),
    )
    .sort();
  const demographics = t.demographics.map((r) => JSON.stringify([r.band, r.gender, r.ethnicity, r.n, r.met])).sort();
  return JSON.stringify({ tallies, demographics, pending: t.pendingApprovals });
}

import "server-only";
import { db } from "@/server/db/client";
import { replicaDb } from "@/server/db/replica";
import type { AppUser } from "@/server/auth/access";
import type { IsoDate } from "@/domain/dates";
import { listPendingApprovals } from "./pending-approvals";
import { loadFigureCasesFromUrl } from "./dashboard-cases";
import { loadDashboardPage } from "./dashboard-page";
import { resolveTrendsView } from "./trends";
import { loadTrendsCached } from "./trends-cache";

// The manager's pages read through these, which own the database client: routes and pages in
// app/ never import the client themselves (a lint rule enforces it). The functions they call take
// a client so that the API and the tests can pass their own. The dashboard, its drill-downs and the
// trends read the replica when there is one; approvals, which the manager acts on, read the primary
// (docs/decisions/0093-read-replica.md).

/** The dashboard page's figures for the signed-in user and the page's query string. */
export const loadDashboardPageForUser = (user: AppUser, searchParams: Record<string, unknown>) =>
  loadDashboardPage(replicaDb, user, searchParams);

/** The cases behind one dashboard figure, for the drill-down page or its CSV export. */
export const loadFigureCasesForUser = (user: AppUser, searchParams: Record<string, unknown>, mode: "page" | "csv") =>
  loadFigureCasesFromUrl(replicaDb, user, searchParams, mode);

/** The trends page: the resolved view (scope, filters) and its monthly series. */
export async function loadTrendsPage(user: AppUser, searchParams: Record<string, unknown>, today: IsoDate) {
  const view = await resolveTrendsView(replicaDb, user, searchParams, today);
  if (view === null) return null;
  // Cached by month end, exact under writes (trends-cache.ts).
  return { view, trends: await loadTrendsCached(replicaDb, view.scope) };
}

/** Approvals waiting for the manager's decision in their region. */
export const listPendingApprovalsForUser = (user: AppUser) => listPendingApprovals(db, user);

/** The approvals waiting on one case (the case page's actions area). */
export const listPendingApprovalsForCase = (user: AppUser, caseId: string) =>
  listPendingApprovals(db, user, { caseId });

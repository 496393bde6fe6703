import "server-only";
import type { AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";

// Every view of people's risk information is audited: who looked, at which list or page, and
// which cases it showed. Queries stay free of writes; the page or route calls recordView
// beside its query, once per view, and it costs one INSERT (no transaction, no read).

/** The lists and pages whose views are audited; `entityId` of the audit row. */
export type AuditedView =
  | "api.cases" // GET /api/v1/cases
  | "api.case" // GET /api/v1/cases/{id}
  | "api.session" // GET /api/v1/sessions/{id}
  | "api.dashboard-cases" // GET /api/v1/dashboard/backlog and /dormant
  | "case-list" // /cases
  | "work-queue" // /work-queue
  | "case-page" // /cases/{id}
  | "assessment-form" // /cases/{id}/assessment
  | "session-roster" // /sessions/{id} (office)
  | "my-session-roster" // /my-sessions/{id} (supervisor)
  | "incident-form" // /my-sessions/{id}/incidents/new (the people on the session)
  | "dashboard-cases" // /dashboard/cases
  | "dashboard-cases-csv"; // /dashboard/cases/export

export type ViewRecord = {
  view: AuditedView;
  /** The cases the view showed (requirement ids), in the order shown. */
  requirementIds: readonly string[];
  /** The record the page is about, when it is one (a session's id, a case's id). */
  recordId?: string;
  regionId?: string | null;
  /** The filters, search or page that produced the list, so the view can be reproduced. */
  filters?: Record<string, unknown>;
  requestId?: string;
  /**
   * Where the row is filed, for views audited before this helper (a case page under its
   * requirement, a drill-down under its figure), so searches of the audit keep finding them.
   */
  filedAs?: { action: string; entityType: string; entityId: string };
};

/** The action every view-audit row carries, so "who looked at this person" is one query. */
export const VIEW_AUDIT_ACTION = "risk.view";

/** Writes one audit row for one view of a list or page. */
export async function recordView(user: AppUser, record: ViewRecord): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: user.id,
      actorEmail: user.email,
      action: record.filedAs?.action ?? VIEW_AUDIT_ACTION,
      entityType: record.filedAs?.entityType ?? "View",
      entityId: record.filedAs?.entityId ?? (record.recordId ? `${record.view}:${record.recordId}` : record.view),
      regionId: record.regionId ?? null,
      requestId: record.requestId ?? null,
      after: JSON.parse(
        JSON.stringify({
          view: record.view,
          requirementIds: record.requirementIds,
          ...(record.filters ? { filters: record.filters } : {}),
        }),
      ),
    },
    select: { id: true },
  });
}

/** The view of one case (its page, its assessment form): filed under the requirement, as "risk.view". */
export const caseViewRecord = (
  view: "case-page" | "assessment-form",
  requirement: { id: string; regionId: string | null },
): ViewRecord => ({
  view,
  recordId: requirement.id,
  requirementIds: [requirement.id],
  regionId: requirement.regionId,
  filedAs: { action: VIEW_AUDIT_ACTION, entityType: "Requirement", entityId: requirement.id },
});

/** A dashboard drill-down list (page or CSV): filed under its figure, with the filters that produced it. */
export function drillDownViewRecord(
  mode: "page" | "csv",
  drill: {
    list: { figure: string; rows: readonly { id: string }[] };
    scope: { regionId: string | null; asOf: string; pduId?: string | null; teamType?: string | null };
    query: { ethnicity?: string; page: number };
  },
): ViewRecord {
  const { list, scope, query } = drill;
  return {
    view: mode === "csv" ? "dashboard-cases-csv" : "dashboard-cases",
    requirementIds: list.rows.map((row) => row.id),
    regionId: scope.regionId,
    filters: {
      figure: list.figure,
      asOf: scope.asOf,
      pduId: scope.pduId ?? null,
      teamType: scope.teamType ?? null,
      ethnicity: query.ethnicity ?? null,
      page: mode === "csv" ? null : query.page,
    },
    filedAs: {
      action: mode === "csv" ? "dashboard.cases.export" : "dashboard.cases.view",
      entityType: "DashboardFigure",
      entityId: list.figure,
    },
  };
}

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
  | "session-roster" // /sessions/{id} (office)
  | "my-session-roster" // /my-sessions/{id} (supervisor)
  | "incident-form" // /my-sessions/{id}/incidents/new (the people on the session)
  | "dashboard-cases"; // /dashboard/cases and its CSV

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
};

/** The action every view-audit row carries, so "who looked at this person" is one query. */
export const VIEW_AUDIT_ACTION = "risk.view";

/** Writes one audit row for one view of a list or page. */
export async function recordView(user: AppUser, record: ViewRecord): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: user.id,
      actorEmail: user.email,
      action: VIEW_AUDIT_ACTION,
      entityType: "View",
      entityId: record.recordId ? `${record.view}:${record.recordId}` : record.view,
      regionId: record.regionId ?? null,
      requestId: record.requestId ?? null,
      after: JSON.parse(
        JSON.stringify({ view: record.view, requirementIds: record.requirementIds, ...(record.filters ? { filters: record.filters } : {}) }),
      ),
    },
    select: { id: true },
  });
}

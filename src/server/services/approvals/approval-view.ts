import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { EnforcementType } from "@/domain";
import type { ApprovalView } from "./approvals.types";

// Internal to the approval services: the columns an approval's view needs, and the view.

export const approvalSelect = {
  id: true,
  kind: true,
  status: true,
  requirementId: true,
  regionId: true,
  attendanceId: true,
  allocationId: true,
  sessionId: true,
  reason: true,
  requestedAt: true,
  decidedAt: true,
  decisionNote: true,
  version: true,
  requirement: { select: { person: { select: { crn: true, firstName: true, lastName: true } } } },
} satisfies Prisma.ApprovalSelect;

export type ApprovalRow = Prisma.ApprovalGetPayload<{ select: typeof approvalSelect }>;

export function toApprovalView(row: ApprovalRow, enforcementDue: EnforcementType | null = null): ApprovalView {
  const { person } = row.requirement;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    caseId: row.requirementId,
    crn: person.crn,
    personName: `${person.firstName} ${person.lastName}`,
    attendanceId: row.attendanceId,
    allocationId: row.allocationId,
    sessionId: row.sessionId,
    reason: row.reason,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    decisionNote: row.decisionNote,
    enforcementDue,
    version: row.version,
  };
}

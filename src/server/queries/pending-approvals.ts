import "server-only";
import type { PrismaClient } from "@/server/db/create-client";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { isoDateFromUtcDate } from "@/domain/dates";

// The manager's pending approvals: what each asks, for the approvals pages and the case page.
// The dashboard's count of them is pendingApprovals in ./dashboard.ts.

/**
 * Approvals waiting in the manager's region, oldest first, with what each asks: the absence it
 * would accept, or the booking it would allow. Restricted cases only for their named users.
 */
export async function listPendingApprovals(client: PrismaClient, user: AppUser, options: { caseId?: string } = {}) {
  const approvals = await client.approval.findMany({
    where: {
      status: "PENDING",
      regionId: user.regionId ?? "",
      requirement: visibleRequirementsWhere(user),
      ...(options.caseId ? { requirementId: options.caseId } : {}),
    },
    select: {
      id: true,
      version: true,
      kind: true,
      reason: true,
      requestedAt: true,
      requestedById: true,
      attendanceId: true,
      allocationId: true,
      sessionId: true,
      requirement: { select: { id: true, person: { select: { crn: true, firstName: true, lastName: true } } } },
    },
    orderBy: { requestedAt: "asc" },
  });
  const ids = (pick: (a: (typeof approvals)[number]) => string | null) => [
    ...new Set(approvals.map(pick).filter((id): id is string => id !== null)),
  ];
  const [requesters, attendances, allocations, sessions] = await Promise.all([
    client.user.findMany({ where: { id: { in: ids((a) => a.requestedById) } }, select: { id: true, name: true } }),
    client.attendance.findMany({
      where: { id: { in: ids((a) => a.attendanceId) } },
      select: { id: true, sessionDate: true, reasonCategory: true, note: true },
    }),
    client.allocation.findMany({
      where: { id: { in: ids((a) => a.allocationId) } },
      select: {
        id: true,
        sessionDate: true,
        session: { select: { startTime: true, placement: { select: { name: true } } } },
      },
    }),
    // A booking override request names the session it asks for (the booking is made on approval).
    client.session.findMany({
      where: { id: { in: ids((a) => a.sessionId) } },
      select: { id: true, date: true, startTime: true, placement: { select: { name: true } } },
    }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [requesterById, attendanceById, allocationById, sessionById] = [
    byId(requesters),
    byId(attendances),
    byId(allocations),
    byId(sessions),
  ];
  return approvals.map((approval) => {
    const attendance = approval.attendanceId ? attendanceById.get(approval.attendanceId) : undefined;
    const allocation = approval.allocationId ? allocationById.get(approval.allocationId) : undefined;
    const session = approval.sessionId ? sessionById.get(approval.sessionId) : undefined;
    return {
      id: approval.id,
      version: approval.version,
      caseId: approval.requirement.id,
      kind: approval.kind,
      reason: approval.reason,
      requestedAt: approval.requestedAt,
      requestedBy: approval.requestedById ? (requesterById.get(approval.requestedById)?.name ?? null) : null,
      person: {
        crn: approval.requirement.person.crn,
        name: `${approval.requirement.person.firstName} ${approval.requirement.person.lastName}`,
      },
      absence: attendance
        ? {
            date: isoDateFromUtcDate(attendance.sessionDate),
            reasonCategory: attendance.reasonCategory,
            note: attendance.note,
          }
        : null,
      booking: allocation
        ? {
            date: isoDateFromUtcDate(allocation.sessionDate),
            startTime: allocation.session.startTime,
            placementName: allocation.session.placement.name,
          }
        : session
          ? {
              date: isoDateFromUtcDate(session.date),
              startTime: session.startTime,
              placementName: session.placement.name,
            }
          : null,
    };
  });
}

export type PendingApproval = Awaited<ReturnType<typeof listPendingApprovals>>[number];

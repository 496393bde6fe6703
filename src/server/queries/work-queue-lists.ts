import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { effectiveEndDate, isoDateFromUtcDate, isoDateInLondon, type IsoDate } from "@/domain";
import type { AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { loadFailuresAwaitingAction } from "./enforcement-due";
import { deriveRequirementViews } from "./requirement-facts";
import { pageOf, WORK_QUEUE_ROWS } from "./work-queue-paging";

// The work queue's lists that are not one plain query on requirements: failures awaiting
// enforcement, cases nearing their end (ordered by the domain's end date) and absences awaiting a
// manager. The rest of the queue is in ./work-queue.ts.

export const personSelect = { select: { firstName: true, lastName: true, crn: true } } as const;
const iso = isoDateFromUtcDate;

export async function loadEnforcementDue(user: AppUser, asOf: IsoDate, requested: number | undefined) {
  const first = await loadFailuresAwaitingAction(user, { asOf, limit: WORK_QUEUE_ROWS });
  const { page, pageCount, skip } = pageOf(requested, first.total);
  const shown =
    page === 1 ? first : await loadFailuresAwaitingAction(user, { asOf, limit: WORK_QUEUE_ROWS, offset: skip });
  return { ...shown, page, pageCount };
}

// §5 nearing end: sorted by effective end date, which only the domain computes (extensions).
export async function loadNearingEnd(
  user: AppUser,
  where: Prisma.RequirementWhereInput,
  asOf: IsoDate,
  requested: number | undefined,
) {
  const candidates = await db.requirement.findMany({
    where,
    select: { id: true, sentenceDate: true, extensions: { select: { grantedOn: true, newEndDate: true } } },
  });
  const { page, pageCount, skip } = pageOf(requested, candidates.length);
  const ordered = candidates
    .map((row) => ({
      id: row.id,
      endDate: effectiveEndDate(
        iso(row.sentenceDate),
        row.extensions.map((e) => ({ grantedOn: iso(e.grantedOn), newEndDate: iso(e.newEndDate) })),
        asOf,
      ),
    }))
    .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(skip, skip + WORK_QUEUE_ROWS);
  const ids = ordered.map((row) => row.id);
  const [people, views] = await Promise.all([
    db.requirement.findMany({ where: { id: { in: ids } }, select: { id: true, person: personSelect } }),
    deriveRequirementViews(user, ids, asOf),
  ]);
  const personById = new Map(people.map((row) => [row.id, row.person]));
  return {
    total: candidates.length,
    page,
    pageCount,
    rows: ordered.flatMap((row) => {
      const person = personById.get(row.id);
      const view = views.get(row.id);
      if (!person || !view) return [];
      return [
        {
          id: row.id,
          person,
          effectiveEndDate: view.effectiveEndDate,
          outstandingMinutes: view.outstandingMinutes,
          rag: view.rag,
        },
      ];
    }),
  };
}

// R8: a 3rd+ accepted absence waits for a manager's decision.
export async function loadAbsencesAwaitingDecision(
  visible: Prisma.RequirementWhereInput,
  requested: number | undefined,
) {
  const where: Prisma.ApprovalWhereInput = { kind: "ACCEPTED_ABSENCE", status: "PENDING", requirement: visible };
  const total = await db.approval.count({ where });
  const { page, pageCount, skip } = pageOf(requested, total);
  const [approvals] = await Promise.all([
    db.approval.findMany({
      where,
      skip,
      select: {
        id: true,
        requestedAt: true,
        attendanceId: true,
        requirement: { select: { id: true, person: personSelect } },
      },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      take: WORK_QUEUE_ROWS,
    }),
  ]);
  const attendanceIds = approvals.flatMap((approval) => (approval.attendanceId ? [approval.attendanceId] : []));
  const attendances = await db.attendance.findMany({
    where: { id: { in: attendanceIds } },
    select: { id: true, sessionDate: true, reasonCategory: true },
  });
  const attendanceById = new Map(attendances.map((a) => [a.id, a]));
  return {
    total,
    page,
    pageCount,
    rows: approvals.map((approval) => {
      const attendance = approval.attendanceId ? attendanceById.get(approval.attendanceId) : undefined;
      return {
        id: approval.id,
        requirementId: approval.requirement.id,
        person: approval.requirement.person,
        requestedOn: isoDateInLondon(approval.requestedAt),
        absenceDate: attendance ? iso(attendance.sessionDate) : null,
        reason: attendance?.reasonCategory ?? null,
      };
    }),
  };
}

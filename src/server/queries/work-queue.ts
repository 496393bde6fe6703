import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderRelation, RequirementStatus } from "@/generated/prisma/enums";
import {
  clockStartsOn,
  runsAfterOf,
  type BankHolidayCalendar,
  effectiveEndDate,
  isoDateFromUtcDate,
  isoDateInLondon,
  policyOn,
  startDeadline,
  todayInLondon,
  utcDateFromIsoDate,
  workingDaysBetween,
  type IsoDate,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { loadFailuresAwaitingAction } from "./enforcement-due";
import {
  deriveRequirementViews,
  figureRowsWhere,
  loadBankHolidayCalendar,
  loadReaderRuleCommencements,
  waitingForEarlierOrderWhere,
} from "./requirement-facts";

/** Each work-queue section shows this many rows a page; every list is paged to its end (issue 13). */
export const WORK_QUEUE_ROWS = 25;

/** The work-queue lists that page, each with its own query parameter (`?<list>Page=2`). */
export const WORK_QUEUE_LISTS = [
  "enforcementDue",
  "awaitingAssessment",
  "noFirstSession",
  "noFutureSession",
  "nearingEnd",
  "absences",
  "reviewsDue",
] as const;
export type WorkQueueList = (typeof WORK_QUEUE_LISTS)[number];
export type WorkQueuePages = Partial<Record<WorkQueueList, number>>;

/** A page number kept within the list (past the end shows the last page), and the rows to skip. */
export function pageOf(requested: number | undefined, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / WORK_QUEUE_ROWS));
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1)), pageCount);
  return { page, pageCount, skip: (page - 1) * WORK_QUEUE_ROWS };
}

const personSelect = { select: { firstName: true, lastName: true, crn: true } } as const;
const iso = isoDateFromUtcDate;

// R2 with consecutive orders: the earlier requirement's end, to start the clock from (order-sequence.ts).
const relationSelect = {
  orderRelation: true,
  relatedRequirement: { select: { status: true, completedOn: true, terminatedOn: true } },
} as const;

type RelationRow = {
  sentenceDate: Date;
  orderRelation: OrderRelation | null;
  relatedRequirement: { status: RequirementStatus; completedOn: Date | null; terminatedOn: Date | null } | null;
};

/** R2: the start deadline as the case view gives it; null while a consecutive case waits for the earlier order. */
function deadlineOf(row: RelationRow, asOf: IsoDate, calendar: BankHolidayCalendar): IsoDate | null {
  const earlier = row.relatedRequirement;
  const runsAfter = runsAfterOf(
    row.orderRelation,
    earlier
      ? {
          status: earlier.status,
          completedOn: earlier.completedOn ? iso(earlier.completedOn) : null,
          terminatedOn: earlier.terminatedOn ? iso(earlier.terminatedOn) : null,
        }
      : null,
  );
  const clock = clockStartsOn(iso(row.sentenceDate), runsAfter, asOf);
  return clock === null ? null : startDeadline(clock, calendar);
}

/**
 * The coordinator's home: what needs doing now, in the caller's region, each section
 * counted in full and listed 25 rows a page (issue 4 §1's five lists; `pages` picks each list's page).
 */
export async function loadWorkQueue(user: AppUser, asOf: IsoDate = todayInLondon(), pages: WorkQueuePages = {}) {
  const visible = visibleRequirementsWhere(user);
  const scoped = (...conditions: Prisma.RequirementWhereInput[]): Prisma.RequirementWhereInput => ({
    AND: [visible, ...conditions],
  });
  const fromToday = utcDateFromIsoDate(asOf);
  const noFutureBooking: Prisma.RequirementWhereInput = {
    allocations: { none: { status: "BOOKED", sessionDate: { gte: fromToday } } },
  };
  // R2: the first WORK session; a booked induction does not start the hours.
  const noFutureWorkBooking: Prisma.RequirementWhereInput = {
    allocations: {
      none: {
        status: "BOOKED",
        sessionDate: { gte: fromToday },
        session: { placement: { type: { not: "INDUCTION" } } },
      },
    },
  };
  const assessmentIncomplete: Prisma.RequirementWhereInput = {
    OR: [{ assessment: { is: null } }, { assessment: { is: { complete: false } } }],
  };
  // Assessed, not started, and no induction booked or attended ("an induction should precede the first work session").
  const awaitingInduction: Prisma.RequirementWhereInput = {
    commencedOn: null,
    assessment: { is: { complete: true } },
    allocations: { none: { status: "BOOKED", session: { placement: { type: "INDUCTION" } } } },
  };

  const awaitingAssessmentWhere = scoped({ status: "ACTIVE" }, { OR: [assessmentIncomplete, awaitingInduction] });
  // A consecutive case waiting for the earlier order cannot be booked yet: it is not "late to start".
  const noFirstSessionWhere = scoped(
    { status: "ACTIVE", commencedOn: null, assessment: { is: { complete: true } } },
    noFutureWorkBooking,
    { NOT: await waitingForEarlierOrderWhere(asOf, user) },
  );
  const noFutureSessionWhere = scoped({ status: "ACTIVE", commencedOn: { not: null } }, noFutureBooking);

  const rules = await loadReaderRuleCommencements();
  // §5 nearing end: the dashboard figure's own rows (predicates/nearing-end.ts), in the caller's region.
  const nearingWhere = await figureRowsWhere(user, "nearing", asOf);
  const [calendar, awaitingAssessment, noFirstSession, noFutureSession, nearingEnd, absences, enforcementDue] =
    await Promise.all([
      loadBankHolidayCalendar(),
      section(awaitingAssessmentWhere, pages.awaitingAssessment, (where, skip) =>
        db.requirement.findMany({
          where,
          skip,
          select: {
            id: true,
            sentenceDate: true,
            person: personSelect,
            assessment: { select: { complete: true } },
            ...relationSelect,
          },
          orderBy: [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }, { id: "asc" }],
          take: WORK_QUEUE_ROWS,
        }),
      ),
      // R2: the start deadline rises with the sentence date, so oldest sentence = fewest days left (overdue first).
      section(noFirstSessionWhere, pages.noFirstSession, (where, skip) =>
        db.requirement.findMany({
          where,
          skip,
          select: { id: true, sentenceDate: true, person: personSelect, ...relationSelect },
          orderBy: [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }, { id: "asc" }],
          take: WORK_QUEUE_ROWS,
        }),
      ),
      section(noFutureSessionWhere, pages.noFutureSession, (where, skip) =>
        db.requirement.findMany({
          where,
          skip,
          select: {
            id: true,
            hoursOrdered: true,
            minutesCredited: true,
            person: personSelect,
            attendances: { select: { sessionDate: true }, orderBy: { sessionDate: "desc" }, take: 1 },
          },
          orderBy: [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }, { id: "asc" }],
          take: WORK_QUEUE_ROWS,
        }),
      ),
      loadNearingEnd(user, scoped(nearingWhere), asOf, pages.nearingEnd),
      loadAbsencesAwaitingDecision(visible, pages.absences),
      // R9: failures to comply with no warning or breach yet, oldest (most overdue) first.
      loadEnforcementDue(user, asOf, pages.enforcementDue),
    ]);

  const policy = policyOn(asOf, rules);
  return {
    asOf,
    policy: {
      startWorkingDays: policy.startWorkingDays,
      nearingEndWeeks: policy.nearingEndWeeks,
      enforcementDecisionWorkingDays: policy.enforcementDecisionWorkingDays,
    },
    awaitingAssessment: {
      ...pagesOf(awaitingAssessment),
      rows: awaitingAssessment.rows.map((row) => ({
        id: row.id,
        person: row.person,
        sentenceDate: iso(row.sentenceDate),
        /** What clears the row: the assessment first, then an induction. */
        needs: row.assessment?.complete ? ("INDUCTION" as const) : ("ASSESSMENT" as const),
        assessmentStarted: row.assessment !== null,
        startDeadline: deadlineOf(row, asOf, calendar),
      })),
    },
    noFirstSession: {
      ...pagesOf(noFirstSession),
      rows: noFirstSession.rows.map((row) => {
        // Never null here: waiting cases are left out of this list.
        const deadline = deadlineOf(row, asOf, calendar) ?? startDeadline(iso(row.sentenceDate), calendar);
        return {
          id: row.id,
          person: row.person,
          sentenceDate: iso(row.sentenceDate),
          startDeadline: deadline,
          /** Negative when the deadline has passed. */
          workingDaysLeft:
            deadline >= asOf
              ? workingDaysBetween(asOf, deadline, calendar)
              : -workingDaysBetween(deadline, asOf, calendar),
        };
      }),
    },
    noFutureSession: {
      ...pagesOf(noFutureSession),
      rows: noFutureSession.rows.map((row) => ({
        id: row.id,
        person: row.person,
        hoursOrdered: row.hoursOrdered,
        minutesCredited: row.minutesCredited,
        lastAttendance: row.attendances[0] ? iso(row.attendances[0].sessionDate) : null,
      })),
    },
    nearingEnd,
    absences,
    enforcementDue,
  };
}

export type WorkQueue = Awaited<ReturnType<typeof loadWorkQueue>>;

/** The cases a work queue shows, once each, in the order of its lists (for the view's audit row). */
export function workQueueCaseIds(queue: WorkQueue): string[] {
  const ids = [
    ...queue.awaitingAssessment.rows.map((row) => row.id),
    ...queue.noFirstSession.rows.map((row) => row.id),
    ...queue.noFutureSession.rows.map((row) => row.id),
    ...queue.nearingEnd.rows.map((row) => row.id),
    ...queue.absences.rows.map((row) => row.requirementId),
  ];
  return [...new Set(ids)];
}

const pagesOf = (list: { total: number; page: number; pageCount: number }) => ({
  total: list.total,
  page: list.page,
  pageCount: list.pageCount,
});

async function section<T>(
  where: Prisma.RequirementWhereInput,
  requested: number | undefined,
  load: (where: Prisma.RequirementWhereInput, skip: number) => Promise<T[]>,
) {
  const total = await db.requirement.count({ where });
  const { page, pageCount, skip } = pageOf(requested, total);
  return { total, page, pageCount, rows: await load(where, skip) };
}

async function loadEnforcementDue(user: AppUser, asOf: IsoDate, requested: number | undefined) {
  const first = await loadFailuresAwaitingAction(user, { asOf, limit: WORK_QUEUE_ROWS });
  const { page, pageCount, skip } = pageOf(requested, first.total);
  const shown =
    page === 1 ? first : await loadFailuresAwaitingAction(user, { asOf, limit: WORK_QUEUE_ROWS, offset: skip });
  return { ...shown, page, pageCount };
}

// §5 nearing end: sorted by effective end date, which only the domain computes (extensions).
async function loadNearingEnd(
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
async function loadAbsencesAwaitingDecision(visible: Prisma.RequirementWhereInput, requested: number | undefined) {
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

import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderRelation, RequirementStatus } from "@/generated/prisma/enums";
import {
  clockStartsOn,
  runsAfterOf,
  type BankHolidayCalendar,
  isoDateFromUtcDate,
  policyOn,
  startDeadline,
  todayInLondon,
  utcDateFromIsoDate,
  workingDaysBetween,
  type IsoDate,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import {
  figureRowsWhere,
  loadBankHolidayCalendar,
  loadReaderRuleCommencements,
  waitingForEarlierOrderWhere,
} from "./requirement-facts";
import { loadAbsencesAwaitingDecision, loadEnforcementDue, loadNearingEnd, personSelect } from "./work-queue-lists";
import { pagesOf, section, WORK_QUEUE_ROWS } from "./work-queue-paging";

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

import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import {
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
import { deriveRequirementViews, figureRowsWhere, loadBankHolidayCalendar, loadReaderRuleCommencements } from "./requirement-facts";

/** Each work-queue section shows at most this many rows, then "and N more". */
export const WORK_QUEUE_ROWS = 25;

const personSelect = { select: { firstName: true, lastName: true, crn: true } } as const;
const iso = isoDateFromUtcDate;

/**
 * The coordinator's home: what needs doing now, in the caller's region, each section
 * counted in full and listed up to 25 rows (issue 4 §1's five lists).
 */
export async function loadWorkQueue(user: AppUser, asOf: IsoDate = todayInLondon()) {
  const visible = visibleRequirementsWhere(user);
  const scoped = (...conditions: Prisma.RequirementWhereInput[]): Prisma.RequirementWhereInput => ({ AND: [visible, ...conditions] });
  const fromToday = utcDateFromIsoDate(asOf);
  const noFutureBooking: Prisma.RequirementWhereInput = {
    allocations: { none: { status: "BOOKED", sessionDate: { gte: fromToday } } },
  };
  // R2: the first WORK session; a booked induction does not start the hours.
  const noFutureWorkBooking: Prisma.RequirementWhereInput = {
    allocations: { none: { status: "BOOKED", sessionDate: { gte: fromToday }, session: { placement: { type: { not: "INDUCTION" } } } } },
  };
  const assessmentIncomplete: Prisma.RequirementWhereInput = { OR: [{ assessment: { is: null } }, { assessment: { is: { complete: false } } }] };
  // Assessed, not started, and no induction booked or attended ("an induction should precede the first work session").
  const awaitingInduction: Prisma.RequirementWhereInput = {
    commencedOn: null,
    assessment: { is: { complete: true } },
    allocations: { none: { status: "BOOKED", session: { placement: { type: "INDUCTION" } } } },
  };

  const awaitingAssessmentWhere = scoped({ status: "ACTIVE" }, { OR: [assessmentIncomplete, awaitingInduction] });
  const noFirstSessionWhere = scoped({ status: "ACTIVE", commencedOn: null, assessment: { is: { complete: true } } }, noFutureWorkBooking);
  const noFutureSessionWhere = scoped({ status: "ACTIVE", commencedOn: { not: null } }, noFutureBooking);

  const rules = await loadReaderRuleCommencements();
  // §5 nearing end: the dashboard figure's own rows (predicates/nearing-end.ts), in the caller's region.
  const nearingWhere = await figureRowsWhere(user, "nearing", asOf);
  const [calendar, awaitingAssessment, noFirstSession, noFutureSession, nearingEnd, absences, enforcementDue] = await Promise.all([
    loadBankHolidayCalendar(),
    section(awaitingAssessmentWhere, (where) =>
      db.requirement.findMany({
        where,
        select: { id: true, sentenceDate: true, person: personSelect, assessment: { select: { complete: true } } },
        orderBy: [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }],
        take: WORK_QUEUE_ROWS,
      }),
    ),
    // R2: the start deadline rises with the sentence date, so oldest sentence = fewest days left (overdue first).
    section(noFirstSessionWhere, (where) =>
      db.requirement.findMany({
        where,
        select: { id: true, sentenceDate: true, person: personSelect },
        orderBy: [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }],
        take: WORK_QUEUE_ROWS,
      }),
    ),
    section(noFutureSessionWhere, (where) =>
      db.requirement.findMany({
        where,
        select: {
          id: true,
          hoursOrdered: true,
          minutesCredited: true,
          person: personSelect,
          attendances: { select: { sessionDate: true }, orderBy: { sessionDate: "desc" }, take: 1 },
        },
        orderBy: [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }],
        take: WORK_QUEUE_ROWS,
      }),
    ),
    loadNearingEnd(user, scoped(nearingWhere), asOf),
    loadAbsencesAwaitingDecision(visible),
    // R9: failures to comply with no warning or breach yet, oldest (most overdue) first.
    loadFailuresAwaitingAction(user, { asOf, limit: WORK_QUEUE_ROWS }),
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
      total: awaitingAssessment.total,
      rows: awaitingAssessment.rows.map((row) => ({
        id: row.id,
        person: row.person,
        sentenceDate: iso(row.sentenceDate),
        /** What clears the row: the assessment first, then an induction. */
        needs: row.assessment?.complete ? ("INDUCTION" as const) : ("ASSESSMENT" as const),
        assessmentStarted: row.assessment !== null,
        startDeadline: startDeadline(iso(row.sentenceDate), calendar),
      })),
    },
    noFirstSession: {
      total: noFirstSession.total,
      rows: noFirstSession.rows.map((row) => {
        const deadline = startDeadline(iso(row.sentenceDate), calendar);
        return {
          id: row.id,
          person: row.person,
          sentenceDate: iso(row.sentenceDate),
          startDeadline: deadline,
          /** Negative when the deadline has passed. */
          workingDaysLeft: deadline >= asOf ? workingDaysBetween(asOf, deadline, calendar) : -workingDaysBetween(deadline, asOf, calendar),
        };
      }),
    },
    noFutureSession: {
      total: noFutureSession.total,
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

async function section<T>(where: Prisma.RequirementWhereInput, load: (where: Prisma.RequirementWhereInput) => Promise<T[]>) {
  const [total, rows] = await Promise.all([db.requirement.count({ where }), load(where)]);
  return { total, rows };
}

// §5 nearing end: sorted by effective end date, which only the domain computes (extensions).
async function loadNearingEnd(user: AppUser, where: Prisma.RequirementWhereInput, asOf: IsoDate) {
  const candidates = await db.requirement.findMany({
    where,
    select: { id: true, sentenceDate: true, extensions: { select: { grantedOn: true, newEndDate: true } } },
  });
  const ordered = candidates
    .map((row) => ({
      id: row.id,
      endDate: effectiveEndDate(
        iso(row.sentenceDate),
        row.extensions.map((e) => ({ grantedOn: iso(e.grantedOn), newEndDate: iso(e.newEndDate) })),
        asOf,
      ),
    }))
    .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0))
    .slice(0, WORK_QUEUE_ROWS);
  const ids = ordered.map((row) => row.id);
  const [people, views] = await Promise.all([
    db.requirement.findMany({ where: { id: { in: ids } }, select: { id: true, person: personSelect } }),
    deriveRequirementViews(user, ids, asOf),
  ]);
  const personById = new Map(people.map((row) => [row.id, row.person]));
  return {
    total: candidates.length,
    rows: ordered.flatMap((row) => {
      const person = personById.get(row.id);
      const view = views.get(row.id);
      if (!person || !view) return [];
      return [{ id: row.id, person, effectiveEndDate: view.effectiveEndDate, outstandingMinutes: view.outstandingMinutes, rag: view.rag }];
    }),
  };
}

// R8: a 3rd+ accepted absence waits for a manager's decision.
async function loadAbsencesAwaitingDecision(visible: Prisma.RequirementWhereInput) {
  const where: Prisma.ApprovalWhereInput = { kind: "ACCEPTED_ABSENCE", status: "PENDING", requirement: visible };
  const [total, approvals] = await Promise.all([
    db.approval.count({ where }),
    db.approval.findMany({
      where,
      select: { id: true, requestedAt: true, attendanceId: true, requirement: { select: { id: true, person: personSelect } } },
      orderBy: { requestedAt: "asc" },
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

import "server-only";
import {
  addDays,
  formatDateWithDay,
  isoDateFromUtcDate,
  todayInLondon,
  utcDateFromIsoDate,
  type IsoDate,
} from "@/domain";
import { visibleRequirementsWhere, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";

// Reads for the scheduling verbs: one booking to cancel or move, the sessions it could move to,
// the people to re-book after a stand-down or cancelled session, and the open booking conflicts
// a re-check found (case page and work queue).

/** How far back a stood-down or cancelled session still asks for a re-booking. */
const REBOOK_LOOKBACK_DAYS = 28;
/** Rows per page of the work queue's re-booking and conflict lists. */
export const SCHEDULING_ROWS = 25;

/** One booking the caller may see (both its session and its case), for the cancel and move forms. */
export async function findBookingForChange(user: AppUser, allocationId: string) {
  const booking = await db.allocation.findFirst({
    where: { id: allocationId, session: visibleSessionsWhere(user), requirement: visibleRequirementsWhere(user) },
    select: {
      id: true,
      status: true,
      version: true,
      sessionId: true,
      requirementId: true,
      attendance: { select: { id: true } },
      requirement: { select: { person: { select: { firstName: true, lastName: true, crn: true } } } },
      session: { select: { date: true, startTime: true, endTime: true, placement: { select: { name: true } } } },
    },
  });
  if (!booking) return null;
  return { ...booking, session: { ...booking.session, date: isoDateFromUtcDate(booking.session.date) } };
}

/** Scheduled sessions of the caller's region from `from` (paged), to move a booking to. */
export async function listMoveTargets(
  user: AppUser,
  options: { from: IsoDate; excludeSessionId: string; page: number },
) {
  const where = {
    AND: [
      visibleSessionsWhere(user),
      {
        status: "SCHEDULED" as const,
        date: { gte: utcDateFromIsoDate(options.from) },
        id: { not: options.excludeSessionId },
      },
    ],
  };
  const rows = await db.session.findMany({
    where,
    select: {
      id: true,
      date: true,
      startTime: true,
      endTime: true,
      capacity: true,
      placement: { select: { name: true } },
      _count: { select: { allocations: { where: { status: "BOOKED" } } } },
    },
    orderBy: [{ date: "asc" }, { startTime: "asc" }, { placement: { name: "asc" } }],
    skip: (options.page - 1) * 100,
    take: 100,
  });
  return rows.map((s) => ({
    value: s.id,
    label: `${formatDateWithDay(isoDateFromUtcDate(s.date))}, ${s.startTime}–${s.endTime}: ${s.placement.name} (${s._count.allocations} of ${s.capacity} booked)`,
  }));
}

/**
 * People whose session was stood down or cancelled in the last four weeks (or ahead) and who
 * have not been booked again since: the coordinator's "re-book" list.
 */
export async function listPeopleToRebook(user: AppUser, options: { asOf?: IsoDate; page?: number } = {}) {
  const asOf = options.asOf ?? todayInLondon();
  const page = Math.max(1, options.page ?? 1);
  const since = utcDateFromIsoDate(addDays(asOf, -REBOOK_LOOKBACK_DAYS));
  const requirement = { AND: [visibleRequirementsWhere(user), { status: "ACTIVE" as const }] };
  const [stoodDown, cancelled] = await Promise.all([
    db.attendance.findMany({
      where: { outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "STOOD_DOWN", sessionDate: { gte: since }, requirement },
      select: {
        requirementId: true,
        recordedAt: true,
        sessionDate: true,
        allocation: { select: { session: { select: { id: true, placement: { select: { name: true } } } } } },
      },
    }),
    db.allocation.findMany({
      where: { status: "CANCELLED", session: { status: "CANCELLED" }, sessionDate: { gte: since }, requirement },
      select: {
        requirementId: true,
        cancelledAt: true,
        sessionDate: true,
        session: { select: { id: true, placement: { select: { name: true } } } },
      },
    }),
  ]);
  const events = [
    ...stoodDown.map((a) => ({
      requirementId: a.requirementId,
      at: a.recordedAt,
      sessionDate: a.sessionDate,
      sessionId: a.allocation.session.id,
      placement: a.allocation.session.placement.name,
      why: "Stood down" as const,
    })),
    ...cancelled.map((a) => ({
      requirementId: a.requirementId,
      at: a.cancelledAt ?? new Date(0),
      sessionDate: a.sessionDate,
      sessionId: a.session.id,
      placement: a.session.placement.name,
      why: "Session cancelled" as const,
    })),
  ];
  if (events.length === 0) return { total: 0, page, pageCount: 1, rows: [] };
  const rebooked = await db.allocation.findMany({
    where: {
      requirementId: { in: [...new Set(events.map((e) => e.requirementId))] },
      status: "BOOKED",
      createdAt: { gte: new Date(Math.min(...events.map((e) => e.at.getTime()))) },
    },
    select: { requirementId: true, createdAt: true },
  });
  const latest = new Map<string, (typeof events)[number]>();
  for (const e of events) {
    if (rebooked.some((r) => r.requirementId === e.requirementId && r.createdAt >= e.at)) continue;
    const seen = latest.get(e.requirementId);
    if (!seen || seen.at < e.at) latest.set(e.requirementId, e);
  }
  const waiting = [...latest.values()].sort((a, b) => a.sessionDate.getTime() - b.sessionDate.getTime());
  const people = await db.requirement.findMany({
    where: {
      id: { in: waiting.slice((page - 1) * SCHEDULING_ROWS, page * SCHEDULING_ROWS).map((w) => w.requirementId) },
    },
    select: { id: true, person: { select: { firstName: true, lastName: true, crn: true } } },
  });
  const rows = waiting.slice((page - 1) * SCHEDULING_ROWS, page * SCHEDULING_ROWS).flatMap((w) => {
    const person = people.find((p) => p.id === w.requirementId)?.person;
    return person
      ? [
          {
            caseId: w.requirementId,
            person,
            sessionId: w.sessionId,
            placement: w.placement,
            sessionDate: isoDateFromUtcDate(w.sessionDate),
            why: w.why,
          },
        ]
      : [];
  });
  return { total: waiting.length, page, pageCount: Math.max(1, Math.ceil(waiting.length / SCHEDULING_ROWS)), rows };
}

/** Open safety conflicts on future bookings (a re-check after a risk or supervisor change), optionally of one case. */
export async function listOpenBookingConflicts(
  user: AppUser,
  options: { asOf?: IsoDate; caseId?: string; page?: number } = {},
) {
  const asOf = options.asOf ?? todayInLondon();
  const page = Math.max(1, options.page ?? 1);
  const where = {
    resolvedAt: null,
    ...(options.caseId ? { requirementId: options.caseId } : {}),
    allocation: {
      status: "BOOKED" as const,
      sessionDate: { gte: utcDateFromIsoDate(asOf) },
      requirement: visibleRequirementsWhere(user),
      session: { status: "SCHEDULED" as const },
    },
  };
  const [total, rows] = await Promise.all([
    db.bookingConflict.count({ where }),
    db.bookingConflict.findMany({
      where,
      select: {
        id: true,
        code: true,
        message: true,
        detectedAt: true,
        allocation: {
          select: {
            id: true,
            sessionId: true,
            sessionDate: true,
            requirementId: true,
            requirement: { select: { person: { select: { firstName: true, lastName: true, crn: true } } } },
            session: { select: { placement: { select: { name: true } } } },
          },
        },
      },
      orderBy: [{ allocation: { sessionDate: "asc" } }, { detectedAt: "asc" }],
      skip: (page - 1) * SCHEDULING_ROWS,
      take: SCHEDULING_ROWS,
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SCHEDULING_ROWS)),
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      message: r.message,
      allocationId: r.allocation.id,
      sessionId: r.allocation.sessionId,
      caseId: r.allocation.requirementId,
      person: r.allocation.requirement.person,
      placement: r.allocation.session.placement.name,
      sessionDate: isoDateFromUtcDate(r.allocation.sessionDate),
    })),
  };
}

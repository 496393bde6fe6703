import "server-only";
import { visibleRequirementsWhere, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { addDays, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";

export const SESSIONS_PER_PAGE = 100;
/** The sessions page looks this many days ahead from its start date. */
export const SESSION_WINDOW_DAYS = 14;

/** Sessions of the caller's region over 14 days from `from`, with how many people are booked on each. */
export async function listSessions(user: AppUser, options: { from: IsoDate; page: number }) {
  const to = addDays(options.from, SESSION_WINDOW_DAYS - 1);
  const where = {
    AND: [visibleSessionsWhere(user), { date: { gte: utcDateFromIsoDate(options.from), lte: utcDateFromIsoDate(to) } }],
  };
  const [total, sessions] = await Promise.all([
    db.session.count({ where }),
    db.session.findMany({
      where,
      select: {
        id: true,
        date: true,
        startTime: true,
        endTime: true,
        capacity: true,
        status: true,
        placement: { select: { name: true, type: true, region: { select: { overSubscriptionPercent: true } } } },
        supervisor: { select: { name: true } },
        _count: { select: { allocations: { where: { status: "BOOKED" } } } },
      },
      orderBy: [{ date: "asc" }, { startTime: "asc" }, { placement: { name: "asc" } }],
      skip: (options.page - 1) * SESSIONS_PER_PAGE,
      take: SESSIONS_PER_PAGE,
    }),
  ]);
  return { to, total, sessions, pageCount: Math.max(1, Math.ceil(total / SESSIONS_PER_PAGE)) };
}

/**
 * One session and its roster. People on a restricted case the caller may not open are
 * counted but not named (docs/domain.md §2: restricted cases are left out of everyone else's lists).
 */
export async function findOfficeSessionRoster(user: AppUser, sessionId: string) {
  const session = await db.session.findFirst({
    where: { AND: [visibleSessionsWhere(user), { id: sessionId }] },
    select: {
      id: true,
      date: true,
      startTime: true,
      endTime: true,
      capacity: true,
      status: true,
      version: true,
      supervisorId: true,
      pickUpPoint: true,
      pickUpTime: true,
      placement: {
        select: {
          name: true,
          type: true,
          address: true,
          postcode: true,
          region: { select: { overSubscriptionPercent: true } },
        },
      },
      supervisor: { select: { name: true } },
      allocations: {
        where: { status: "BOOKED" },
        select: {
          id: true,
          retrospective: true,
          version: true,
          consentRecorded: true,
          attendance: { select: { outcome: true, minutesCredited: true, reasonCategory: true } },
          requirement: {
            select: { id: true, person: { select: { firstName: true, lastName: true, crn: true } } },
          },
        },
        orderBy: [{ requirement: { person: { lastName: "asc" } } }, { requirement: { person: { firstName: "asc" } } }],
      },
    },
  });
  if (!session) return null;

  const requirementIds = session.allocations.map((a) => a.requirement.id);
  const visible = await db.requirement.findMany({
    where: { AND: [visibleRequirementsWhere(user), { id: { in: requirementIds } }] },
    select: { id: true },
  });
  const visibleIds = new Set(visible.map((r) => r.id));
  const roster = session.allocations.map(({ requirement, ...allocation }) =>
    visibleIds.has(requirement.id)
      ? { ...allocation, person: { ...requirement.person, requirementId: requirement.id } }
      : { ...allocation, person: null },
  );
  return { ...session, allocations: undefined, roster };
}

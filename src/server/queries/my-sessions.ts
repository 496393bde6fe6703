import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { addDays, isoDateFromUtcDate, todayInLondon, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";
import { featuresInConflict } from "./session-risk";

// The supervisor's home: their sessions as cards. Supervisors reach sessions only through
// sessions assigned to them (visibleSessionsWhere). The roster of one session is in
// supervisor-roster.ts.

/** How far ahead the home page looks: a fortnight covers the usual weekly patterns twice. */
export const UPCOMING_DAYS = 14;
/** Older open sessions beyond this are rare; the page says how many more there are. */
const OPEN_EARLIER_LIMIT = 30;

const sessionCardSelect = {
  id: true,
  date: true,
  startTime: true,
  endTime: true,
  status: true,
  capacity: true,
  pickUpPoint: true,
  pickUpTime: true,
  placement: { select: { name: true, address: true, postcode: true, features: true } },
  supervisor: { select: { gender: true } },
  allocations: {
    where: { status: "BOOKED" },
    select: {
      requirement: {
        select: {
          assessment: {
            select: { riskCodes: { select: { conflictsWith: true, riskCode: { select: { code: true } } } } },
          },
        },
      },
    },
  },
} satisfies Prisma.SessionSelect;

type SessionCardRow = Prisma.SessionGetPayload<{ select: typeof sessionCardSelect }>;

export type SessionCard = ReturnType<typeof toSessionCard>;

function toSessionCard(row: SessionCardRow) {
  const context = { placementFeatures: row.placement.features, supervisorGender: row.supervisor?.gender ?? null };
  // Every booked person counts here, restricted cases included: the warning names nobody.
  const peopleWithRelevantRisk = row.allocations.filter((allocation) =>
    (allocation.requirement.assessment?.riskCodes ?? []).some(
      (link) => featuresInConflict({ code: link.riskCode.code, conflictsWith: link.conflictsWith }, context).length > 0,
    ),
  ).length;
  return {
    id: row.id,
    date: isoDateFromUtcDate(row.date),
    startTime: row.startTime,
    endTime: row.endTime,
    status: row.status,
    capacity: row.capacity,
    pickUpPoint: row.pickUpPoint,
    pickUpTime: row.pickUpTime,
    placementName: row.placement.name,
    address: [row.placement.address, row.placement.postcode].filter(Boolean).join(", ") || null,
    bookedCount: row.allocations.length,
    peopleWithRelevantRisk,
  };
}

/** Today's sessions, earlier sessions still to be closed, and the next fortnight's, for one supervisor. */
export async function listMySessions(user: AppUser, today: IsoDate = todayInLondon()) {
  const mine = visibleSessionsWhere(user);
  const todayDate = utcDateFromIsoDate(today);
  const orderBy: Prisma.SessionOrderByWithRelationInput[] = [{ date: "asc" }, { startTime: "asc" }];
  const openEarlierWhere: Prisma.SessionWhereInput = { ...mine, status: "SCHEDULED", date: { lt: todayDate } };

  const [todays, openEarlier, openEarlierTotal, upcoming] = await Promise.all([
    db.session.findMany({ where: { ...mine, date: todayDate }, select: sessionCardSelect, orderBy }),
    db.session.findMany({ where: openEarlierWhere, select: sessionCardSelect, orderBy, take: OPEN_EARLIER_LIMIT }),
    db.session.count({ where: openEarlierWhere }),
    db.session.findMany({
      where: { ...mine, date: { gt: todayDate, lte: utcDateFromIsoDate(addDays(today, UPCOMING_DAYS)) } },
      select: sessionCardSelect,
      orderBy,
    }),
  ]);
  return {
    today,
    todays: todays.map(toSessionCard),
    openEarlier: openEarlier.map(toSessionCard),
    openEarlierNotShown: Math.max(0, openEarlierTotal - openEarlier.length),
    upcoming: upcoming.map(toSessionCard),
  };
}

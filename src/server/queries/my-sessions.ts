import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AbsenceReason, AttendanceOutcome, Gender, PlacementFeature, Rating } from "@/generated/prisma/enums";
import { visibleRequirementsWhere, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { addDays, isoDateFromUtcDate, todayInLondon, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";
import { riskConflicts } from "@/domain/placement-safety";
import { londonDateAndTime } from "@/domain/london-time";
import type { RequirementView } from "@/domain/requirement-status";
import { deriveRequirementViews } from "./requirement-facts";
import type { AttendanceSnapshot } from "@/ui/supervisor/attendance-snapshot";

// The supervisor's home and rosters. Supervisors reach sessions and people only through
// sessions assigned to them (visibleSessionsWhere / visibleRequirementsWhere).

/** How far ahead the home page looks: a fortnight covers the usual weekly patterns twice. */
export const UPCOMING_DAYS = 14;
/** Older open sessions beyond this are rare; the page says how many more there are. */
const OPEN_EARLIER_LIMIT = 30;

type SessionSafetyContext = { placementFeatures: readonly PlacementFeature[]; supervisorGender: Gender | null };

/** R10 via the domain: the placement features this one risk code conflicts with on this session. */
function featuresInConflict(
  riskCode: { code: string; conflictsWith: readonly PlacementFeature[] },
  context: SessionSafetyContext,
): PlacementFeature[] {
  return riskConflicts({ riskCodes: [riskCode], ...context }).map((conflict) => conflict.feature);
}

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

/**
 * One booking's attendance as the roster's form needs it. Sensitive notes are for managers and
 * the case's coordinator only (docs/domain.md §2), so the supervisor sees that one exists, not its words.
 */
function attendanceSnapshot(row: {
  outcome: AttendanceOutcome;
  arrivedAt: string | null;
  leftAt: string | null;
  penaltyMinutes: number;
  minutesCredited: number;
  workQuality: Rating | null;
  behaviour: Rating | null;
  reasonCategory: AbsenceReason | null;
  note: string | null;
  noteSensitive: boolean;
  version: number;
}): AttendanceSnapshot {
  const { noteSensitive, note, ...rest } = row;
  return { ...rest, note: noteSensitive ? null : note, noteHidden: noteSensitive && note !== null, noteSensitive };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One session's roster with what a supervisor needs to run it safely: name, CRN, RoSH,
 * risk codes with the catalogue's guidance, adjustments and whom to phone. Nothing more
 * (no date of birth, address or offence). Null when the session is not the caller's.
 */
export async function findSupervisorRoster(user: AppUser, sessionId: string) {
  if (!UUID.test(sessionId)) return null;
  const session = await db.session.findFirst({
    where: { id: sessionId, ...visibleSessionsWhere(user) },
    select: {
      id: true,
      date: true,
      startTime: true,
      endTime: true,
      status: true,
      version: true,
      closedAt: true,
      capacity: true,
      pickUpPoint: true,
      pickUpTime: true,
      incidents: {
        select: { id: true, type: true, occurredAt: true, description: true, requirementId: true },
        orderBy: { occurredAt: "asc" },
      },
      placement: {
        select: {
          name: true,
          type: true,
          address: true,
          postcode: true,
          features: true,
          whatToBring: true,
          regionId: true,
        },
      },
      supervisor: { select: { gender: true } },
      _count: { select: { allocations: { where: { status: "BOOKED" } } } },
      allocations: {
        where: { status: "BOOKED", requirement: visibleRequirementsWhere(user) },
        orderBy: [{ requirement: { person: { lastName: "asc" } } }, { requirement: { person: { firstName: "asc" } } }],
        select: {
          id: true,
          attendance: {
            select: {
              outcome: true,
              arrivedAt: true,
              leftAt: true,
              penaltyMinutes: true,
              minutesCredited: true,
              workQuality: true,
              behaviour: true,
              reasonCategory: true,
              note: true,
              noteSensitive: true,
              version: true,
            },
          },
          requirement: {
            select: {
              id: true,
              person: { select: { crn: true, firstName: true, lastName: true } },
              coordinator: { select: { name: true, phone: true, active: true } },
              assessment: {
                select: {
                  rosh: true,
                  adjustments: true,
                  riskCodes: {
                    // Each code as it was recorded (decision 0074), not as the catalogue reads today.
                    select: {
                      note: true,
                      title: true,
                      guidance: true,
                      conflictsWith: true,
                      riskCode: { select: { code: true } },
                    },
                    orderBy: { riskCode: { code: "asc" } },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!session) return null;

  const context = {
    placementFeatures: session.placement.features,
    supervisorGender: session.supervisor?.gender ?? null,
  };
  const regionCoordinator = await db.user.findFirst({
    where: { regionId: session.placement.regionId, role: "COORDINATOR", active: true, phone: { not: null } },
    select: { name: true, phone: true },
    orderBy: { name: "asc" },
  });

  // Hours required now and any earned reduction (Sentencing Act 2026 s.37), from the same view as the case page.
  const views = await deriveRequirementViews(
    user,
    session.allocations.map((a) => a.requirement.id),
    todayInLondon(),
  );

  const people = session.allocations.map((allocation) => {
    const { requirement } = allocation;
    const caseCoordinator =
      requirement.coordinator?.active && requirement.coordinator.phone ? requirement.coordinator : null;
    const contact = caseCoordinator ?? regionCoordinator;
    return {
      allocationId: allocation.id,
      requirementId: requirement.id,
      crn: requirement.person.crn,
      name: `${requirement.person.firstName} ${requirement.person.lastName}`,
      rosh: requirement.assessment?.rosh ?? null,
      adjustments: requirement.assessment?.adjustments ?? null,
      riskCodes: (requirement.assessment?.riskCodes ?? []).map(({ riskCode, ...recorded }) => ({
        code: riskCode.code,
        ...recorded,
        relevantHere: featuresInConflict({ code: riskCode.code, conflictsWith: recorded.conflictsWith }, context),
      })),
      contact: contact?.phone ? { name: contact.name, phone: contact.phone } : null,
      attendance: allocation.attendance ? attendanceSnapshot(allocation.attendance) : null,
      hours: hoursOf(views.get(requirement.id)),
    };
  });

  return {
    id: session.id,
    date: isoDateFromUtcDate(session.date),
    startTime: session.startTime,
    endTime: session.endTime,
    status: session.status,
    version: session.version,
    closedAt: session.closedAt,
    capacity: session.capacity,
    pickUpPoint: session.pickUpPoint,
    pickUpTime: session.pickUpTime,
    placement: session.placement,
    incidents: session.incidents.map((incident) => {
      const person = people.find((p) => p.requirementId === incident.requirementId);
      return {
        id: incident.id,
        type: incident.type,
        time: londonDateAndTime(incident.occurredAt).time,
        description: incident.description,
        // A restricted person's name is not shown here (they are not on this roster).
        personName: person?.name ?? null,
      };
    }),
    bookedCount: session._count.allocations,
    restrictedNotShown: session._count.allocations - people.length,
    people,
  };
}

function hoursOf(view: RequirementView | undefined) {
  if (!view) return null;
  const r = view.earnedReduction;
  return {
    requiredMinutes: view.requiredMinutes,
    outstandingMinutes: view.outstandingMinutes,
    earnedReduction:
      r.status === "NOT_IN_FORCE"
        ? null
        : {
            status: r.status,
            appliedMinutes: r.appliedMinutes,
            currentMinutes: r.currentMinutes,
            projectedMinutes: r.projectedMinutes,
          },
  };
}

export type SupervisorRoster = NonNullable<Awaited<ReturnType<typeof findSupervisorRoster>>>;

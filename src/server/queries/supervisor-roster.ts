import "server-only";
import type { AbsenceReason, AttendanceOutcome, Rating } from "@/generated/prisma/enums";
import { visibleRequirementsWhere, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { isoDateFromUtcDate, todayInLondon } from "@/domain/dates";
import { londonDateAndTime } from "@/domain/london-time";
import type { RequirementView } from "@/domain/requirement-status";
import { deriveRequirementViews } from "./requirement-facts";
import { featuresInConflict } from "./session-risk";
import type { AttendanceSnapshot } from "@/ui/supervisor/attendance-snapshot";

// One session's roster for the supervisor running it. Supervisors reach sessions and people only
// through sessions assigned to them (visibleSessionsWhere / visibleRequirementsWhere).

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

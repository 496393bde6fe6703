import "server-only";
import { isoDateFromUtcDate, sessionLimit } from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { loadRuleContext } from "../context";
import type { SessionView } from "./session-view.types";

/**
 * A session with its bookings and their attendance. No scope check on the session (callers
 * found it with requireVisibleSession); people on restricted cases the caller may not see
 * are left off the list, as everywhere else.
 */
export async function loadSessionView(tx: Tx, actor: AppUser, sessionId: string): Promise<SessionView> {
  const session = await tx.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      placementId: true,
      seriesId: true,
      date: true,
      startTime: true,
      endTime: true,
      supervisorId: true,
      capacity: true,
      pickUpPoint: true,
      pickUpTime: true,
      status: true,
      version: true,
      supervisor: { select: { name: true } },
      placement: {
        select: { name: true, type: true, features: true, regionId: true, region: { select: { code: true } } },
      },
      allocations: {
        where: { requirement: visibleRequirementsWhere(actor) },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          requirementId: true,
          status: true,
          retrospective: true,
          consentRecorded: true,
          requirement: { select: { person: { select: { crn: true, firstName: true, lastName: true } } } },
          attendance: { select: { outcome: true, minutesCredited: true, approvalState: true, version: true } },
        },
      },
    },
  });
  const date = isoDateFromUtcDate(session.date);
  const { policy } = await loadRuleContext(tx, { regionId: session.placement.regionId, on: date });
  const booked = await tx.allocation.count({ where: { sessionId, status: "BOOKED" } });
  return {
    id: session.id,
    placementId: session.placementId,
    placementName: session.placement.name,
    placementType: session.placement.type,
    placementFeatures: session.placement.features,
    region: session.placement.region.code,
    seriesId: session.seriesId,
    date,
    startTime: session.startTime,
    endTime: session.endTime,
    supervisorId: session.supervisorId,
    supervisorName: session.supervisor?.name ?? null,
    capacity: session.capacity,
    bookingLimit: sessionLimit(session.capacity, policy.overSubscriptionPercent),
    booked,
    pickUpPoint: session.pickUpPoint,
    pickUpTime: session.pickUpTime,
    status: session.status,
    version: session.version,
    allocations: session.allocations.map((a) => ({
      id: a.id,
      caseId: a.requirementId,
      crn: a.requirement.person.crn,
      firstName: a.requirement.person.firstName,
      lastName: a.requirement.person.lastName,
      status: a.status,
      retrospective: a.retrospective,
      consentRecorded: a.consentRecorded,
      attendance: a.attendance,
    })),
  };
}

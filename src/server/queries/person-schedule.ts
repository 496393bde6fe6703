import "server-only";
import { isoDateFromUtcDate, todayInLondon, utcDateFromIsoDate, type IsoDate } from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { loadCaseView } from "@/server/services/cases/load-case-view";

// A person's schedule: the printable page and PDF of every session booked for a case.

/** A person's schedule: every session booked for the case from today, with where and when to be (printable). */
export async function loadPersonSchedule(user: AppUser, caseId: string, asOf: IsoDate = todayInLondon()) {
  const requirement = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: caseId }] },
    select: {
      id: true,
      person: { select: { firstName: true, lastName: true, crn: true } },
      allocations: {
        where: { status: "BOOKED", sessionDate: { gte: utcDateFromIsoDate(asOf) }, session: { status: "SCHEDULED" } },
        select: {
          id: true,
          sessionDate: true,
          session: {
            select: {
              startTime: true,
              endTime: true,
              pickUpPoint: true,
              pickUpTime: true,
              supervisor: { select: { name: true } },
              placement: { select: { name: true, address: true, postcode: true, whatToBring: true } },
            },
          },
        },
        orderBy: [{ sessionDate: "asc" }],
      },
    },
  });
  if (!requirement) return null;
  return {
    id: requirement.id,
    person: requirement.person,
    // The case's own figure (an earned reduction lowers it), not a second definition of it.
    outstandingMinutes: (await loadCaseView(db, requirement.id, asOf)).outstandingMinutes,
    sessions: requirement.allocations.map((a) => ({
      id: a.id,
      date: isoDateFromUtcDate(a.sessionDate),
      startTime: a.session.startTime,
      endTime: a.session.endTime,
      placement: a.session.placement.name,
      address: [a.session.placement.address, a.session.placement.postcode].filter(Boolean).join(", ") || null,
      pickUp: a.session.pickUpPoint
        ? `${a.session.pickUpPoint}${a.session.pickUpTime ? ` at ${a.session.pickUpTime}` : ""}`
        : null,
      whatToBring: a.session.placement.whatToBring,
    })),
  };
}

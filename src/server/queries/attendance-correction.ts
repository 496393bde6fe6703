import "server-only";
import { isoDateFromUtcDate } from "@/domain";
import { visibleRequirementsWhere, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";

// The read behind the office's attendance correction form (session page and case page).

/** One booking's attendance record for the office's correction form (the caller may see the session and the case). */
export async function findAttendanceForCorrection(user: AppUser, sessionId: string, caseId: string) {
  const booking = await db.allocation.findFirst({
    where: {
      sessionId,
      requirementId: caseId,
      status: "BOOKED",
      session: visibleSessionsWhere(user),
      requirement: visibleRequirementsWhere(user),
    },
    select: {
      sessionId: true,
      requirementId: true,
      requirement: { select: { person: { select: { firstName: true, lastName: true, crn: true } } } },
      session: { select: { date: true, startTime: true, endTime: true, placement: { select: { name: true } } } },
      attendance: {
        select: {
          outcome: true,
          arrivedAt: true,
          leftAt: true,
          penaltyMinutes: true,
          workQuality: true,
          behaviour: true,
          reasonCategory: true,
          note: true,
          noteSensitive: true,
          version: true,
        },
      },
    },
  });
  if (!booking) return null;
  return {
    sessionId: booking.sessionId,
    caseId: booking.requirementId,
    person: booking.requirement.person,
    placement: booking.session.placement.name,
    sessionDate: isoDateFromUtcDate(booking.session.date),
    startTime: booking.session.startTime,
    endTime: booking.session.endTime,
    // A sensitive note is not shown in the form (it stays unless a new note is written).
    attendance: booking.attendance
      ? { ...booking.attendance, note: booking.attendance.noteSensitive ? null : booking.attendance.note }
      : null,
  };
}

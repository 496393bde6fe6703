import "server-only";
import { isoDateFromUtcDate, todayInLondon, type IsoDate } from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";

// The records the office may correct from a case page (issue 13): every attendance record and
// every ETE credit of the case, newest first. Corrections go through the same services as
// everywhere else (recordAttendance; correctEteCredit / removeEteCredit).

export async function listCorrectableRecords(user: AppUser, caseId: string) {
  const requirement = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: caseId }] },
    select: {
      id: true,
      attendances: {
        select: {
          id: true,
          outcome: true,
          minutesCredited: true,
          sessionDate: true,
          allocation: {
            select: {
              sessionId: true,
              session: { select: { startTime: true, endTime: true, placement: { select: { name: true } } } },
            },
          },
        },
        orderBy: [{ sessionDate: "desc" }],
      },
      eteCredits: {
        select: { id: true, date: true, minutes: true, activity: true },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      },
    },
  });
  if (!requirement) return null;
  return {
    attendances: requirement.attendances.map((a) => ({
      id: a.id,
      sessionId: a.allocation.sessionId,
      date: isoDateFromUtcDate(a.sessionDate),
      times: `${a.allocation.session.startTime} to ${a.allocation.session.endTime}`,
      placement: a.allocation.session.placement.name,
      outcome: a.outcome,
      minutesCredited: a.minutesCredited,
    })),
    eteCredits: requirement.eteCredits.map((c) => ({
      id: c.id,
      date: isoDateFromUtcDate(c.date),
      minutes: c.minutes,
      activity: c.activity,
    })),
  };
}

/** One ETE credit of a visible case, for its correction form. */
export async function findEteCreditForCorrection(
  user: AppUser,
  caseId: string,
  creditId: string,
  asOf: IsoDate = todayInLondon(),
) {
  const credit = await db.eteCredit.findFirst({
    where: { id: creditId, requirementId: caseId, requirement: visibleRequirementsWhere(user) },
    select: { id: true, date: true, minutes: true, activity: true, provider: true, evidence: true, version: true },
  });
  if (!credit) return null;
  return { ...credit, date: isoDateFromUtcDate(credit.date), asOf };
}

import "server-only";
import { breachStateOn, isFailureToComply, isoDateFromUtcDate, todayInLondon } from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";

// Reads for the R9 enforcement forms on a case (warning, breach, outcome, withdrawal). Scoped like
// the case page: a case outside the caller's region, or restricted, reads as empty.

/** R9: the case's warnings and breaches, newest first, with what is still open on each. */
export async function listCaseEnforcement(user: AppUser, requirementId: string) {
  const asOf = todayInLondon();
  const actions = await db.enforcementAction.findMany({
    where: { requirementId, requirement: visibleRequirementsWhere(user) },
    select: {
      id: true,
      type: true,
      date: true,
      note: true,
      version: true,
      status: true,
      withdrawalReason: true,
      failureDate: true,
      failureDescription: true,
      outcomes: {
        select: { outcome: true, date: true, newHoursOrdered: true, newRequirementId: true },
        orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      },
    },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
  return actions.map((action) => {
    const date = isoDateFromUtcDate(action.date);
    const outcomes = action.outcomes.map((o) => ({
      outcome: o.outcome,
      date: isoDateFromUtcDate(o.date),
      newHoursOrdered: o.newHoursOrdered,
      newCaseId: o.newRequirementId,
    }));
    const withdrawn = action.status === "WITHDRAWN";
    const state = breachStateOn(asOf, [{ type: action.type, date, outcomes, withdrawn }]);
    return {
      id: action.id,
      type: action.type,
      date,
      note: action.note,
      version: action.version,
      outcomes,
      withdrawn,
      withdrawalReason: action.withdrawalReason,
      failureDate: action.failureDate ? isoDateFromUtcDate(action.failureDate) : null,
      failureDescription: action.failureDescription,
      ...state,
    };
  });
}

/** R9: the failures to comply on this case that no warning or breach answers yet, newest first. */
export async function listUnansweredFailures(user: AppUser, requirementId: string) {
  const rows = await db.attendance.findMany({
    where: { requirementId, requirement: visibleRequirementsWhere(user) },
    select: {
      id: true,
      sessionDate: true,
      outcome: true,
      approvalState: true,
      allocation: { select: { session: { select: { placement: { select: { name: true } } } } } },
    },
    orderBy: { sessionDate: "desc" },
  });
  const failures = rows.filter((row) => isFailureToComply(row.outcome, row.approvalState));
  if (failures.length === 0) return [];
  const answered = await db.enforcementAction.findMany({
    where: { failureAttendanceId: { in: failures.map((f) => f.id) }, status: "ACTIVE" },
    select: { failureAttendanceId: true },
  });
  const answeredIds = new Set(answered.map((a) => a.failureAttendanceId));
  return failures
    .filter((f) => !answeredIds.has(f.id))
    .map((f) => ({
      id: f.id,
      date: isoDateFromUtcDate(f.sessionDate),
      outcome: f.outcome,
      placementName: f.allocation.session.placement.name,
    }));
}

/** R9 re-sentencing: the same person's other requirements the caller can see, newest first, and this order's type. */
export async function listOtherCasesOfPerson(user: AppUser, requirementId: string) {
  const self = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: { personId: true, orderType: true },
  });
  if (!self) return { orderType: null, cases: [] };
  const cases = await db.requirement.findMany({
    where: { AND: [visibleRequirementsWhere(user), { personId: self.personId, NOT: { id: requirementId } }] },
    select: { id: true, sentenceDate: true, hoursOrdered: true },
    orderBy: { sentenceDate: "desc" },
  });
  return {
    orderType: self.orderType,
    cases: cases.map((c) => ({
      id: c.id,
      sentenceDate: isoDateFromUtcDate(c.sentenceDate),
      hoursOrdered: c.hoursOrdered,
    })),
  };
}

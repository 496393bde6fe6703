import "server-only";
import {
  breachStateOn,
  isFailureToComply,
  isoDateFromUtcDate,
  policyOn,
  todayInLondon,
  utcDateFromIsoDate,
  warningLetter,
  type AttendanceOutcome,
  type IsoDate,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { deriveRequirementViews, loadReaderRuleCommencements } from "./requirement-facts";

// Reads for the coordinator's forms that start from a case (assessment, ETE, extension,
// warnings and breaches, termination, the warning letter). Scoped like the case page: a case
// outside the caller's region, or restricted, is null (→ 404).

/** The header every case form shows, with the figures its hints quote (ETE left, end date). */
export async function findCaseForForm(user: AppUser, requirementId: string) {
  const row = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: {
      id: true,
      status: true,
      regionId: true,
      hoursOrdered: true,
      person: { select: { crn: true, firstName: true, lastName: true } },
      order: { select: { court: true, sentenceDate: true } },
      assessment: { select: { complete: true, eteEligible: true } },
    },
  });
  if (!row) return null;
  const asOf = todayInLondon();
  const view = (await deriveRequirementViews(user, [row.id], asOf)).get(row.id);
  if (!view) return null;
  return {
    id: row.id,
    status: row.status,
    regionId: row.regionId,
    crn: row.person.crn,
    name: `${row.person.firstName} ${row.person.lastName}`,
    court: row.order.court,
    sentenceDate: isoDateFromUtcDate(row.order.sentenceDate),
    assessmentComplete: row.assessment?.complete ?? false,
    eteEligible: row.assessment?.eteEligible ?? false,
    asOf,
    view,
  };
}

export type CaseForForm = NonNullable<Awaited<ReturnType<typeof findCaseForForm>>>;

/**
 * The assessment as saved (or null before the first save), for the assessment form. It shows
 * the person's risk codes, so the page audits opening it like the case page (recordView).
 */
export async function findAssessmentForForm(user: AppUser, requirementId: string) {
  const row = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: {
      id: true,
      regionId: true,
      assessment: {
        select: {
          rosh: true,
          mappaCategory: true,
          mappaLevel: true,
          healthNotes: true,
          adjustments: true,
          skills: true,
          availability: true,
          caringDuties: true,
          employment: true,
          religiousObservance: true,
          eteEligible: true,
          eteReason: true,
          womenOnlyPreference: true,
          notes: true,
          complete: true,
          version: true,
          riskCodes: { select: { riskCode: { select: { code: true } } } },
          nonAssociations: { select: { person: { select: { crn: true } } } },
        },
      },
    },
  });
  if (!row) return null;
  const requirement = { id: row.id, regionId: row.regionId };
  if (!row.assessment) return { requirement, version: 0, assessment: null };
  const { riskCodes, nonAssociations, version, ...assessment } = row.assessment;
  return {
    requirement,
    version,
    assessment: {
      ...assessment,
      riskCodes: riskCodes.map((r) => r.riskCode.code),
      nonAssociations: nonAssociations.map((n) => n.person.crn),
    },
  };
}

/**
 * The national risk-code catalogue (active codes), each with its title and plain-language guidance,
 * plus any retired code the assessment already has, so saving the form does not drop it (decision 0074).
 */
export async function listRiskCodeCatalogue(alreadyRecorded: readonly string[] = []) {
  return db.riskCode.findMany({
    where: { OR: [{ active: true }, { code: { in: [...alreadyRecorded] } }] },
    select: { code: true, title: true, guidance: true },
    orderBy: { code: "asc" },
  });
}

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

// What the failure was, in the person's terms (the letter is for them, not for staff).
const FAILURE_IN_WORDS: Partial<Record<AttendanceOutcome, string>> = {
  ATTENDED_FAILED_TO_COMPLY:
    "you came to your work session but did not work as instructed (for example, you refused work, made poor effort or broke the rules).",
  ATTENDED_SENT_HOME_BEHAVIOUR: "you were sent home from your work session because of your behaviour.",
  UNACCEPTABLE_ABSENCE: "you did not come to your work session and did not give an acceptable reason.",
  ACCEPTABLE_ABSENCE: "you did not come to your work session, and the reason you gave was not accepted.",
};

/**
 * What the printable warning letter (page and PDF) needs: the words from the domain's
 * warningLetter with the person's address on the letter's date, the officer who gave it and the
 * order. `void` when the warning was withdrawn. Null when the case or warning is not the caller's.
 */
export async function findWarningLetter(user: AppUser, requirementId: string, actionId: string) {
  const action = await db.enforcementAction.findFirst({
    where: { id: actionId, requirementId, type: "WARNING", requirement: visibleRequirementsWhere(user) },
    select: {
      id: true,
      date: true,
      note: true,
      status: true,
      withdrawalReason: true,
      failureAttendanceId: true,
      failureDate: true,
      failureDescription: true,
      deliveredBy: true,
      createdById: true,
      requirement: {
        select: {
          regionId: true,
          region: { select: { name: true } },
          person: { select: { id: true, crn: true, firstName: true, lastName: true } },
          order: { select: { court: true, sentenceDate: true, type: true, practitionerName: true } },
          hoursOrdered: true,
        },
      },
    },
  });
  if (!action) return null;
  const warningDate = isoDateFromUtcDate(action.date) as IsoDate;
  const on = utcDateFromIsoDate(warningDate);
  const [failure, officer, address] = await Promise.all([
    action.failureAttendanceId
      ? db.attendance.findUnique({
          where: { id: action.failureAttendanceId },
          select: { sessionDate: true, outcome: true },
        })
      : null,
    action.createdById
      ? db.user.findUnique({ where: { id: action.createdById }, select: { name: true, email: true, phone: true } })
      : null,
    db.personAddress.findFirst({
      where: {
        personId: action.requirement.person.id,
        validFrom: { lte: on },
        OR: [{ validTo: null }, { validTo: { gte: on } }],
      },
      orderBy: { validFrom: "desc" },
      select: { line1: true, line2: true, town: true, postcode: true },
    }),
  ]);
  const { requirement } = action;
  const personName = `${requirement.person.firstName} ${requirement.person.lastName}`;
  const failureDate = failure
    ? isoDateFromUtcDate(failure.sessionDate)
    : action.failureDate
      ? isoDateFromUtcDate(action.failureDate)
      : null;
  const description =
    (failure && FAILURE_IN_WORDS[failure.outcome]) ??
    action.failureDescription ??
    action.note ??
    "you did not keep to the requirements of your order.";
  const policy = policyOn(warningDate, await loadReaderRuleCommencements());
  const letter = warningLetter(
    {
      personName,
      crn: requirement.person.crn,
      warningDate,
      failureDate,
      failureDescription: description,
      order: {
        kind: requirement.order.type,
        court: requirement.order.court,
        sentenceDate: isoDateFromUtcDate(requirement.order.sentenceDate),
        hoursOrdered: requirement.hoursOrdered,
      },
      address: address ? [address.line1, address.line2 ?? "", address.town, address.postcode] : null,
      officer: {
        name: officer?.name ?? requirement.order.practitionerName ?? "the unpaid work team",
        contact: officer ? [officer.phone, officer.email].filter(Boolean).join(" or ") || null : null,
      },
      deliveredBy: action.deliveredBy,
    },
    policy,
  );
  return {
    id: action.id,
    warningDate,
    regionName: requirement.region.name,
    crn: requirement.person.crn,
    personName,
    void: action.status === "WITHDRAWN",
    withdrawalReason: action.withdrawalReason,
    letter,
  };
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

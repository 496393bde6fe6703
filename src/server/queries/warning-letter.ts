import "server-only";
import {
  isoDateFromUtcDate,
  policyOn,
  utcDateFromIsoDate,
  warningLetter,
  type AttendanceOutcome,
  type IsoDate,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { loadReaderRuleCommencements } from "./requirement-facts";

// The printable warning letter (page and PDF). Scoped like the case page.

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

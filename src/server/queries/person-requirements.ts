import "server-only";
import {
  isoDateFromUtcDate,
  outstandingAcrossRequirements,
  policyOn,
  warnWhenOutstandingOver300,
  type IsoDate,
  type RuleWarning,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { loadCaseViews } from "@/server/services/cases/load-case-view";
import { requirementHoursSelect, toRequirementHours } from "@/server/services/concurrent/requirement-hours";
import { loadReaderRuleCommencements } from "./requirement-facts";
import { z } from "zod";

// Several requirements per person (concurrent or consecutive orders): every requirement of the
// case's person that the caller may see, with how each runs with another, and R1's warning when
// the outstanding hours across ALL their active requirements (seen or not) exceed 300. A
// concurrent pair counts once (the larger remainder: an hour worked counts towards both); a
// consecutive one in full (docs/decisions/0049-consecutive-order-crediting.md).

export async function loadPersonRequirements(user: AppUser, requirementId: string, asOf: IsoDate) {
  const scope = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: { personId: true },
  });
  if (!scope) return null;
  const all = await db.requirement.findMany({
    where: { personId: scope.personId },
    select: requirementHoursSelect,
  });
  const visible = await db.requirement.findMany({
    where: { AND: [visibleRequirementsWhere(user), { personId: scope.personId }] },
    select: {
      id: true,
      status: true,
      hoursOrdered: true,
      minutesCredited: true,
      sentenceDate: true,
      orderType: true,
      order: { select: { court: true } },
      region: { select: { code: true, name: true } },
      orderRelation: true,
      relatedRequirementId: true,
      relatedBy: {
        where: { orderRelation: { not: null } },
        select: { id: true, orderRelation: true },
        orderBy: { sentenceDate: "asc" },
      },
    },
    orderBy: [{ sentenceDate: "asc" }, { id: "asc" }],
  });
  // Each requirement's minutes required now (an earned reduction lowers them), as its case page says.
  const views = new Map(
    (
      await loadCaseViews(
        db,
        all.map((r) => r.id),
        asOf,
      )
    ).map((v) => [v.id, v]),
  );
  const hours = all.map((r) => {
    const each = toRequirementHours(r);
    return { ...each, requiredMinutes: views.get(r.id)?.requiredMinutes ?? each.requiredMinutes };
  });
  const warning: RuleWarning | null = warnWhenOutstandingOver300(
    hours,
    policyOn(asOf, await loadReaderRuleCommencements()),
  );
  // A concurrent pair counts once: the larger remainder (0049).
  const activeOutstanding = outstandingAcrossRequirements(hours);
  return {
    requirements: visible.map((r) => ({
      id: r.id,
      current: r.id === requirementId,
      status: r.status,
      orderType: r.orderType,
      court: r.order.court,
      region: r.region,
      sentenceDate: isoDateFromUtcDate(r.sentenceDate),
      hoursOrdered: r.hoursOrdered,
      outstandingMinutes: r.status === "ACTIVE" ? (views.get(r.id)?.outstandingMinutes ?? 0) : 0,
      // How the court ordered it to run with another of the person's requirements (decision 0049).
      relation:
        r.orderRelation && r.relatedRequirementId ? { kind: r.orderRelation, relatedId: r.relatedRequirementId } : null,
      followedBy: r.relatedBy.flatMap((f) => (f.orderRelation ? [{ id: f.id, kind: f.orderRelation }] : [])),
    })),
    /** Requirements of this person the caller cannot see (other regions, restricted). */
    hiddenCount: all.length - visible.length,
    activeOutstandingMinutes: activeOutstanding,
    warning,
  };
}

export type PersonRequirements = NonNullable<Awaited<ReturnType<typeof loadPersonRequirements>>>;

/**
 * "Add another order for this person": the person's details to fill the new-case form with, and
 * their requirements the caller may see, to say which one the new order runs with or after.
 */
export async function loadPersonForNewOrder(user: AppUser, requirementId: string) {
  if (!z.uuid().safeParse(requirementId).success) return null;
  const scope = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: {
      person: {
        select: {
          id: true,
          crn: true,
          firstName: true,
          lastName: true,
          dateOfBirth: true,
          gender: true,
          ethnicity: true,
          phone: true,
        },
      },
    },
  });
  if (!scope) return null;
  const requirements = await db.requirement.findMany({
    where: { AND: [visibleRequirementsWhere(user), { personId: scope.person.id }] },
    select: { id: true, orderType: true, sentenceDate: true, status: true, order: { select: { court: true } } },
    orderBy: [{ sentenceDate: "asc" }, { id: "asc" }],
  });
  const { person } = scope;
  return {
    person: { ...person, dateOfBirth: isoDateFromUtcDate(person.dateOfBirth) },
    requirements: requirements.map((r) => ({
      id: r.id,
      orderType: r.orderType,
      sentenceDate: isoDateFromUtcDate(r.sentenceDate),
      status: r.status,
      court: r.order.court,
    })),
  };
}

export type PersonForNewOrder = NonNullable<Awaited<ReturnType<typeof loadPersonForNewOrder>>>;

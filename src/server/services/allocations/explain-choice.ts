import "server-only";
import { type IsoDate, type Refusal, type RuleWarning } from "@/domain";
import { standingOf, type SessionChoiceStanding } from "@/domain/session-choice";
import { notFound, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { loadRequirementFacts, requireVisibleRequirement } from "../context";
import { checkAllocation } from "./check-allocation";

// R10, before the click: what the one booking rule (checkAllocation → prepareAllocation → the
// domain's checkAllocation) would say about one person on one session, so the pages explain
// every blocking reason before anyone presses "Book". Reads only.

export type Explained = {
  standing: SessionChoiceStanding;
  refusals: Refusal[];
  warnings: RuleWarning[];
  availabilityClash: boolean;
  preferenceNotMet: boolean;
  beforeInduction: boolean;
};

export type CaseSummary = {
  id: string;
  crn: string;
  firstName: string;
  lastName: string;
  startDeadline: IsoDate | null;
  commencedOn: IsoDate | null;
  outstandingMinutes: number;
  effectiveEndDate: IsoDate;
};

export async function explain(
  tx: Tx,
  actor: AppUser,
  pair: { sessionId: string; caseId: string; retrospective: boolean },
  today: IsoDate,
): Promise<Explained> {
  const preview = await checkAllocation(
    actor,
    { sessionId: pair.sessionId, caseId: pair.caseId, ...(pair.retrospective ? { retrospective: true } : {}) },
    { tx, today },
  );
  const refusals: Refusal[] = preview.ok
    ? preview.value.refusals
    : [{ code: "SESSION_IN_PAST", message: preview.message }];
  const warnings = preview.ok ? preview.value.warnings : [];
  return {
    standing: standingOf(
      refusals.map((r) => r.code),
      { isManager: actor.role === "MANAGER" },
    ),
    refusals,
    warnings,
    availabilityClash: warnings.some((w) => w.code === "AVAILABILITY_CLASH"),
    preferenceNotMet: warnings.some((w) => w.code === "WOMEN_ONLY_PREFERENCE"),
    beforeInduction: warnings.some((w) => w.code === "NO_INDUCTION_YET"),
  };
}

export async function caseSummary(
  tx: Tx,
  actor: AppUser,
  caseId: string,
  today: IsoDate,
): Promise<CaseSummary & { regionId: string }> {
  const visible = await requireVisibleRequirement(tx, actor, caseId);
  const facts = await loadRequirementFacts(tx, visible.id, today);
  if (!facts) throw notFound("case");
  const person = await tx.person.findUniqueOrThrow({
    where: { id: visible.personId },
    select: { crn: true, firstName: true, lastName: true },
  });
  return {
    id: visible.id,
    regionId: visible.regionId,
    ...person,
    startDeadline: facts.view.startDeadline,
    commencedOn: facts.view.commencedOn,
    outstandingMinutes: facts.view.outstandingMinutes,
    effectiveEndDate: facts.view.effectiveEndDate,
  };
}

export function withoutRegion(person: CaseSummary & { regionId: string }): CaseSummary {
  return {
    id: person.id,
    crn: person.crn,
    firstName: person.firstName,
    lastName: person.lastName,
    startDeadline: person.startDeadline,
    commencedOn: person.commencedOn,
    outstandingMinutes: person.outstandingMinutes,
    effectiveEndDate: person.effectiveEndDate,
  };
}

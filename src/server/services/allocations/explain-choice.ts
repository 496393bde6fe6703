import "server-only";
import { type IsoDate, type Refusal, type RuleWarning } from "@/domain";
import { standingOf, type SessionChoiceStanding } from "@/domain/session-choice";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { loadRequirementFacts, type LoadedRequirement } from "../load-requirement-facts";
import { requireVisibleRequirement } from "../visible-records";
import { allocateInput } from "./allocate.types";
import type { CaseBookingFacts, SessionBookingFacts } from "./booking-facts";
import { checkAllocation } from "./check-allocation";
import { judgeBooking } from "./prepare-allocation";

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
  return explanationOf(
    actor,
    preview.ok ? { ok: true, refusals: preview.value.refusals, warnings: preview.value.warnings } : preview,
  );
}

/**
 * R10 for one case on each of several sessions (a page of the allocation list), in the order
 * given: the same judgement as `explain`, from the case's facts and the sessions' facts read
 * together (docs/decisions/0086-allocation-page-facts-batched.md, 0098: in one statement each,
 * allocation-page-statements.ts). The sessions come from a listing scoped to the caller;
 * judgeBooking refuses any outside the case's region.
 */
export function explainMany(
  actor: AppUser,
  input: { caseFacts: CaseBookingFacts; sessionFacts: readonly SessionBookingFacts[]; retrospective: boolean },
  today: IsoDate,
): Explained[] {
  if (input.sessionFacts.length === 0) return [];
  assertCan(actor, "allocation.create");
  return input.sessionFacts.map((facts) => {
    const booking = allocateInput.parse({
      sessionId: facts.session.id,
      caseId: input.caseFacts.requirement.id,
      ...(input.retrospective ? { retrospective: true } : {}),
    });
    const judged = judgeBooking(actor, booking, today, input.caseFacts, facts);
    return explanationOf(
      actor,
      judged.ok ? { ok: true, refusals: judged.check.refusals, warnings: judged.check.warnings } : judged,
    );
  });
}

/** What the page shows of a judgement: a refused preview (a closed or stood-down session) reads as one refusal. */
function explanationOf(
  actor: AppUser,
  preview: { ok: true; refusals: Refusal[]; warnings: RuleWarning[] } | { ok: false; message: string },
): Explained {
  const refusals: Refusal[] = preview.ok ? preview.refusals : [{ code: "SESSION_IN_PAST", message: preview.message }];
  const warnings = preview.ok ? preview.warnings : [];
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
): Promise<CaseSummary & { regionId: string; requirement: LoadedRequirement }> {
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
    requirement: facts,
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

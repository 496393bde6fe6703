import "server-only";
import {
  checkEteCredit,
  eteAllowanceMinutes,
  eteRemainingMinutes,
  isoDateFromUtcDate,
  utcDateFromIsoDate,
  type IsoDate,
} from "@/domain";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import { requirementTotals, saveRequirementTotals } from "../attendance/requirement-totals";
import {
  checkPartnersEteCap,
  lockRequirementWithPartners,
  recomputeConcurrentPartners,
} from "../concurrent/pair-totals";
import { loadRequirementFacts } from "../load-requirement-facts";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, staleVersion, success, type CommandResult, type ServiceFailure } from "../result";
import { inTransaction } from "../transaction";
import { refuseEteDate } from "./credit-ete";
import {
  correctEteCreditInput,
  removeEteCreditInput,
  type CorrectEteCreditInput,
  type CorrectedEteCreditView,
  type RemoveEteCreditInput,
  type RemovedEteCreditView,
} from "./correct-ete-credit.types";

// Decision 0064: an ETE credit is corrected in place (version-checked) or removed (the row is
// deleted; the audit event keeps the whole row and the reason). Either way the case's totals are
// replayed from every row in the same transaction, so R6 (the 30 % cap), R7 (hours done,
// completion, and re-opening a case a wrong credit had completed) and the earned reduction all
// follow the corrected record.

const creditSelect = {
  id: true,
  date: true,
  minutes: true,
  activity: true,
  provider: true,
  evidence: true,
  version: true,
} as const;

type CreditRow = {
  id: string;
  date: Date;
  minutes: number;
  activity: string;
  provider: string | null;
  evidence: string | null;
  version: number;
};

const asRecord = (c: CreditRow) => ({
  id: c.id,
  date: isoDateFromUtcDate(c.date),
  minutes: c.minutes,
  activity: c.activity,
  provider: c.provider,
  evidence: c.evidence,
  version: c.version,
});

/** The credit on this case (404 if it is on another case), locked behind the requirement's row lock. */
async function loadCredit(tx: Tx, caseId: string, creditId: string) {
  const credit = await tx.eteCredit.findFirst({ where: { id: creditId, requirementId: caseId }, select: creditSelect });
  if (!credit) throw notFound("ETE credit");
  return credit;
}

/**
 * The start of a correction or removal: the case as the caller may see it (404 otherwise), the
 * role's permission, the requirement's row lock, the credit, its version (409 with both when
 * stale), and the case's facts.
 */
async function openCredit(
  tx: Tx,
  actor: AppUser,
  input: { caseId: string; creditId: string; version: number },
  today: IsoDate,
) {
  const visible = await requireVisibleRequirement(tx, actor, input.caseId);
  assertCan(actor, "ete.correct");
  await lockRequirementWithPartners(tx, visible.id);
  const credit = await loadCredit(tx, visible.id, input.creditId);
  if (input.version !== credit.version) return staleCredit(input.version, credit);
  const facts = await loadRequirementFacts(tx, visible.id, today);
  if (!facts) throw notFound("case");
  return { ok: true as const, visible, credit, facts };
}

function staleCredit(yourVersion: number, credit: CreditRow): ServiceFailure {
  const stale = staleVersion("ETE credit");
  return {
    ...stale,
    details: { ...stale.details, yourVersion, currentVersion: credit.version, current: asRecord(credit) },
  };
}

// R6 R7
/** Corrects an ETE credit's date, minutes or details, with a reason; the cap is judged without the old credit. */
export async function correctEteCredit(
  actor: AppUser,
  rawInput: CorrectEteCreditInput,
  options?: ServiceOptions,
): Promise<CommandResult<CorrectedEteCreditView>> {
  const input = correctEteCreditInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const opened = await openCredit(tx, actor, input, today);
    if (!opened.ok) return opened;
    const { visible, credit, facts } = opened;
    const { policy } = facts.rules;

    const undated = await refuseEteDate(tx, facts, input.date, today);
    if (undated) return undated;

    const others = await otherCredits(tx, visible.id, credit.id);
    // The case as if the old credit had never been given: the correction is judged as a new credit on that.
    const without = requirementTotals({ ...facts, eteCredits: others });
    const eteEligible = facts.assessment?.eteEligible ?? false;
    const check = checkEteCredit(
      {
        eteEligible,
        status: without.status,
        hoursOrdered: facts.hoursOrdered,
        eteMinutesUsed: without.minutesEte,
        minutesCredited: without.minutesCredited,
        requiredMinutes: without.requiredMinutes,
        newMinutes: input.minutes,
      },
      policy,
    );
    if (!check.ok) return failure(check);
    // R6 across a concurrent pair (0094): judged for the partner without the credit as it was.
    const partnerCap = await checkPartnersEteCap(
      tx,
      facts,
      {
        date: input.date,
        newMinutes: input.minutes,
        without: { date: isoDateFromUtcDate(credit.date), minutes: credit.minutes },
      },
      today,
    );
    if (partnerCap && !partnerCap.ok) return failure(partnerCap);

    const before = requirementTotals(facts);
    const updated = await tx.eteCredit.update({
      where: { id: credit.id },
      data: {
        date: utcDateFromIsoDate(input.date),
        minutes: input.minutes,
        activity: input.activity,
        provider: input.provider ?? null,
        evidence: input.evidence ?? null,
        version: { increment: 1 },
      },
      select: creditSelect,
    });
    const after = requirementTotals({
      ...facts,
      eteCredits: [...others, { date: input.date, minutes: input.minutes }],
    });
    await saveRequirementTotals(tx, visible.id, after);
    await recomputeConcurrentPartners(tx, visible.id, today);

    const view: CorrectedEteCreditView = {
      ...asRecord(updated),
      caseId: visible.id,
      minutesEte: after.minutesEte,
      eteAllowanceMinutes: eteAllowanceMinutes(facts.hoursOrdered, policy),
      eteRemainingMinutes: eteRemainingMinutes(
        { eteEligible, hoursOrdered: facts.hoursOrdered, eteMinutesUsed: after.minutesEte },
        policy,
      ),
      minutesCredited: after.minutesCredited,
      caseStatus: after.status,
    };
    await audit(tx, actor, {
      action: "ete.correct",
      entityType: "EteCredit",
      entityId: credit.id,
      regionId: visible.regionId,
      before: { ...asRecord(credit), case: caseTotals(before) },
      after: { ...view, reason: input.reason, case: caseTotals(after) },
    });
    return success(view);
  });
}

// R6 R7
/** Removes an ETE credit, with a reason; hours done and completion are replayed without it. */
export async function removeEteCredit(
  actor: AppUser,
  rawInput: RemoveEteCreditInput,
  options?: ServiceOptions,
): Promise<CommandResult<RemovedEteCreditView>> {
  const input = removeEteCreditInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const opened = await openCredit(tx, actor, input, today);
    if (!opened.ok) return opened;
    const { visible, credit, facts } = opened;
    const { policy } = facts.rules;

    const before = requirementTotals(facts);
    const others = await otherCredits(tx, visible.id, credit.id);
    await tx.eteCredit.delete({ where: { id: credit.id } });
    const after = requirementTotals({ ...facts, eteCredits: others });
    await saveRequirementTotals(tx, visible.id, after);
    await recomputeConcurrentPartners(tx, visible.id, today);

    const eteEligible = facts.assessment?.eteEligible ?? false;
    const view: RemovedEteCreditView = {
      id: credit.id,
      caseId: visible.id,
      removed: true,
      minutesEte: after.minutesEte,
      eteAllowanceMinutes: eteAllowanceMinutes(facts.hoursOrdered, policy),
      eteRemainingMinutes: eteRemainingMinutes(
        { eteEligible, hoursOrdered: facts.hoursOrdered, eteMinutesUsed: after.minutesEte },
        policy,
      ),
      minutesCredited: after.minutesCredited,
      caseStatus: after.status,
    };
    await audit(tx, actor, {
      action: "ete.remove",
      entityType: "EteCredit",
      entityId: credit.id,
      regionId: visible.regionId,
      before: { ...asRecord(credit), case: caseTotals(before) },
      after: { removed: true, reason: input.reason, case: caseTotals(after) },
    });
    return success(view);
  });
}

async function otherCredits(
  tx: Tx,
  requirementId: string,
  creditId: string,
): Promise<{ date: IsoDate; minutes: number }[]> {
  const rows = await tx.eteCredit.findMany({
    where: { requirementId, id: { not: creditId } },
    select: { date: true, minutes: true },
  });
  return rows.map((r) => ({ date: isoDateFromUtcDate(r.date), minutes: r.minutes }));
}

const caseTotals = (t: {
  minutesCredited: number;
  minutesEte: number;
  status: string;
  completedOn: string | null;
}) => ({
  minutesCredited: t.minutesCredited,
  minutesEte: t.minutesEte,
  status: t.status,
  completedOn: t.completedOn,
});

import "server-only";
import {
  checkEteCredit,
  checkConsecutiveOrder,
  checkEteCreditDate,
  eteAllowanceMinutes,
  eteRemainingMinutes,
  formatDate,
  isoDateFromUtcDate,
  utcDateFromIsoDate,
  type IsoDate,
  type RulePolicy,
} from "@/domain";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { requirementTotals, saveRequirementTotals } from "../attendance/requirement-totals";
import {
  checkPartnersEteCap,
  lockRequirementWithPartners,
  recomputeConcurrentPartners,
} from "../concurrent/pair-totals";
import { loadRequirementFacts } from "../load-requirement-facts";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, invalidInput, success, type CommandResult, type InputRefusal, type ServiceFailure } from "../result";
import { loadRunsAfter } from "../cases/order-relation";
import type { Tx } from "@/server/db/create-client";
import { inTransaction } from "../transaction";
import { creditEteInput, type CreditEteInput, type EteCreditView } from "./credit-ete.types";

// R6 R7
/**
 * Why ETE activity on this date cannot be credited to the case, or null: not in the future, not
 * before the sentence or after the end date (checkEteCreditDate), and not before an earlier order
 * this one runs after has ended. Shared by crediting and correcting, so a correction cannot move a
 * credit where a new one would be refused.
 */
export async function refuseEteDate(
  tx: Tx,
  facts: { id: string; sentenceDate: IsoDate; view: { effectiveEndDate: IsoDate }; rules: { policy: RulePolicy } },
  date: IsoDate,
  today: IsoDate,
): Promise<ServiceFailure | InputRefusal | null> {
  if (date > today)
    return invalidInput("date", `ETE time can only be credited for activity up to today (${formatDate(today)}).`);
  const dated = checkEteCreditDate(
    { date, sentenceDate: facts.sentenceDate, effectiveEndDate: facts.view.effectiveEndDate, today },
    facts.rules.policy,
  );
  if (!dated.ok) return failure(dated);
  const inOrder = checkConsecutiveOrder({
    relation: "CONSECUTIVE",
    earlier: await loadRunsAfter(tx, facts.id),
    date,
    what: "This ETE activity",
  });
  return inOrder.ok ? null : failure(inOrder);
}

// R6
/**
 * Credits ETE (education, training, employment) minutes to a case: only for a person assessed
 * as eligible, at most 30 % of the current hours ordered, never past the hours ordered. The
 * requirement row is locked first, so concurrent credits are checked one after another
 * against the total the previous one left — the cap holds under any number of requests.
 */
export async function creditEte(
  actor: AppUser,
  rawInput: CreditEteInput,
  options?: ServiceOptions,
): Promise<CommandResult<EteCreditView>> {
  const input = creditEteInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "ete.credit");

    await lockRequirementWithPartners(tx, visible.id);
    const facts = await loadRequirementFacts(tx, visible.id, today);
    if (!facts) throw notFound("case");
    const { policy } = facts.rules;

    const undated = await refuseEteDate(tx, facts, input.date, today);
    if (undated) return undated;
    const eteEligible = facts.assessment?.eteEligible ?? false;
    // Totals from every row (not the cached columns), as the completion rule replays them.
    const before = requirementTotals(facts);
    const check = checkEteCredit(
      {
        eteEligible,
        status: facts.status,
        hoursOrdered: facts.hoursOrdered,
        eteMinutesUsed: before.minutesEte,
        minutesCredited: before.minutesCredited,
        requiredMinutes: before.requiredMinutes,
        newMinutes: input.minutes,
      },
      policy,
    );
    if (!check.ok) return failure(check);
    // R6 across a concurrent pair (0094): the partner receives this credit too.
    const partnerCap = await checkPartnersEteCap(tx, facts, { date: input.date, newMinutes: input.minutes }, today);
    if (partnerCap && !partnerCap.ok) return failure(partnerCap);

    const credit = await tx.eteCredit.create({
      data: {
        requirementId: visible.id,
        date: utcDateFromIsoDate(input.date),
        minutes: input.minutes,
        activity: input.activity,
        provider: input.provider ?? null,
        evidence: input.evidence ?? null,
        createdById: actor.id,
      },
      select: { id: true, date: true, minutes: true, activity: true, provider: true, evidence: true, version: true },
    });
    const after = requirementTotals({
      ...facts,
      eteCredits: [...facts.eteCredits, { date: input.date, minutes: input.minutes }],
    });
    await saveRequirementTotals(tx, visible.id, after);
    await recomputeConcurrentPartners(tx, visible.id, today);

    const view: EteCreditView = {
      id: credit.id,
      caseId: visible.id,
      date: isoDateFromUtcDate(credit.date),
      minutes: credit.minutes,
      activity: credit.activity,
      provider: credit.provider,
      evidence: credit.evidence,
      minutesEte: after.minutesEte,
      eteAllowanceMinutes: eteAllowanceMinutes(facts.hoursOrdered, policy),
      eteRemainingMinutes: eteRemainingMinutes(
        { eteEligible, hoursOrdered: facts.hoursOrdered, eteMinutesUsed: after.minutesEte },
        policy,
      ),
      minutesCredited: after.minutesCredited,
      caseStatus: after.status,
      version: credit.version,
    };
    await audit(tx, actor, {
      action: "ete.credit",
      entityType: "EteCredit",
      entityId: credit.id,
      regionId: visible.regionId,
      before: { minutesEte: before.minutesEte, minutesCredited: before.minutesCredited, status: before.status },
      after: view,
    });
    return success(view);
  });
}

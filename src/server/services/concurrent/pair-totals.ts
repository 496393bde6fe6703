import "server-only";
import { checkConcurrentEteCap, countsForConcurrent, type IsoDate, type RuleResult } from "@/domain";
import type { Tx } from "@/server/db/create-client";
import { requirementTotals, saveRequirementTotals } from "../attendance/requirement-totals";
import { loadRequirementFacts, type LoadedRequirement } from "../load-requirement-facts";
import { lockRequirement } from "../row-locks";

// Concurrent orders (decisions 0049, 0094): a credit to one requirement of a concurrent pair
// credits the other too, so every write that changes one's credits recomputes both stored
// totals in its transaction. Both rows are locked first, in id order, so a write on each at once
// waits instead of deadlocking.

/** The requirements that run concurrently with `id` (either side of the relation). */
export async function concurrentPartnerIds(tx: Tx, id: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT p."id"::text AS id FROM "Requirement" r JOIN "Requirement" p ON p."id" = r."relatedRequirementId"
      WHERE r."id" = ${id}::uuid AND r."orderRelation" = 'CONCURRENT'
    UNION
    SELECT p."id"::text FROM "Requirement" p
      WHERE p."relatedRequirementId" = ${id}::uuid AND p."orderRelation" = 'CONCURRENT'`;
  return rows.map((r) => r.id);
}

/**
 * Locks the requirement and its concurrent partners (R6 cap, R7 completion), all in id order.
 * Call it instead of lockRequirement before changing a requirement's credits. False if missing.
 */
export async function lockRequirementWithPartners(tx: Tx, id: string): Promise<boolean> {
  const partners = await concurrentPartnerIds(tx, id);
  let found = true;
  for (const each of [id, ...partners].sort()) {
    const locked = await lockRequirement(tx, each);
    if (each === id) found = locked;
  }
  return found;
}

/**
 * Recomputes and stores the totals of every concurrent partner of `id` from all their rows and
 * `id`'s (call after changing `id`'s credits, holding the locks of lockRequirementWithPartners).
 * The update of each partner's row marks its figure facts stale (trigger, decision 0090).
 */
export async function recomputeConcurrentPartners(tx: Tx, id: string, asOf: IsoDate): Promise<void> {
  for (const partnerId of await concurrentPartnerIds(tx, id)) {
    const partner = await loadRequirementFacts(tx, partnerId, asOf);
    if (partner) await saveRequirementTotals(tx, partnerId, requirementTotals(partner));
  }
}

// R6 across a concurrent pair (decision 0094)
/**
 * An ETE credit of `newMinutes` dated `date` on `facts`' requirement (a correction: the change in
 * minutes, and `without` the credit being corrected) must stay within every concurrent partner's
 * allowance too, judged on the ETE credits that partner receives.
 */
export async function checkPartnersEteCap(
  tx: Tx,
  facts: Pick<LoadedRequirement, "id">,
  input: { date: IsoDate; newMinutes: number; without?: { date: IsoDate; minutes: number } },
  asOf: IsoDate,
): Promise<RuleResult<undefined> | null> {
  for (const partnerId of await concurrentPartnerIds(tx, facts.id)) {
    const partner = await loadRequirementFacts(tx, partnerId, asOf);
    if (!partner) continue;
    const received = requirementTotals(partner).minutesEte;
    // A correction: the credit as it was no longer counts.
    const removed = input.without && countsForConcurrent(input.without.date, partner) ? input.without.minutes : 0;
    const check = checkConcurrentEteCap(
      {
        date: input.date,
        newMinutes: input.newMinutes,
        partner: {
          sentenceDate: partner.sentenceDate,
          status: partner.status,
          closedOn: partner.closedOn,
          hoursOrdered: partner.hoursOrdered,
          eteMinutesReceived: received - removed,
        },
      },
      partner.rules.policy,
    );
    if (!check.ok) return check;
  }
  return null;
}

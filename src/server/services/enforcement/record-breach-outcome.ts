import "server-only";
import { utcDateFromIsoDate, validateBreachOutcome } from "@/domain";
import { assertCan, notFound, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { requirementTotals, saveRequirementTotals } from "../attendance/requirement-totals";
import { isUuid, loadRequirementFacts, lockRequirement, todayFor, type ServiceOptions } from "../context";
import { failure, invalidInput, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { recordBreachOutcomeInput, type EnforcementActionView, type RecordBreachOutcomeInput } from "./enforcement.types";
import { loadRequirementActions, toActionView, toDomainAction } from "./order-enforcement";

// R9 / R1
/**
 * Records the court's outcome of a breach (managers of the region): CONTINUE, HOURS_ADDED
 * (the new total hours ordered, at most 300) and REVOKED (the requirement is TERMINATED)
 * close it; WARRANT_ISSUED keeps it open with the requirement under warrant until
 * WARRANT_EXECUTED. The domain's validateBreachOutcome decides what is allowed when.
 */
export async function recordBreachOutcome(
  actor: AppUser,
  rawInput: RecordBreachOutcomeInput,
  options?: ServiceOptions,
): Promise<CommandResult<EnforcementActionView>> {
  const input = recordBreachOutcomeInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    if (!isUuid(input.actionId)) throw notFound("enforcement action");
    const found = await tx.enforcementAction.findFirst({
      where: { id: input.actionId, requirement: visibleRequirementsWhere(actor) },
      select: { id: true, requirementId: true, requirement: { select: { regionId: true } } },
    });
    if (!found) throw notFound("enforcement action");
    assertCan(actor, "enforcement.outcome");

    await lockRequirement(tx, found.requirementId);
    const facts = await loadRequirementFacts(tx, found.requirementId, today);
    if (!facts) throw notFound("case");
    const stored = (await loadRequirementActions(tx, found.requirementId)).find((a) => a.id === found.id);
    if (!stored) throw notFound("enforcement action");
    if (input.version !== undefined && stored.version !== input.version) return staleVersion("enforcement action");
    if (input.date > today) {
      return invalidInput("date", "The date of a court outcome cannot be in the future.");
    }

    const outcome = { outcome: input.outcome, date: input.date, newHoursOrdered: input.newHoursOrdered ?? null };
    const effect = validateBreachOutcome(
      // This app manages unpaid work requirements, so the order always had unpaid work.
      { action: toDomainAction(stored), outcome, currentHoursOrdered: facts.hoursOrdered, orderHadUnpaidWork: true },
      facts.rules.policy,
    );
    if (!effect.ok) return failure(effect);

    await tx.enforcementOutcome.create({
      data: { actionId: stored.id, ...outcome, date: utcDateFromIsoDate(input.date), recordedById: actor.id },
    });
    await tx.enforcementAction.update({ where: { id: stored.id }, data: { version: { increment: 1 } } });
    const caseBefore = { hoursOrdered: facts.hoursOrdered, status: facts.status, minutesCredited: facts.storedMinutesCredited };
    let caseAfter: Record<string, unknown> = caseBefore;
    if (effect.value.newHoursOrdered !== null) {
      // R1 / R7: new hours change the required minutes, so the totals and completion are replayed.
      await tx.requirement.update({ where: { id: found.requirementId }, data: { hoursOrdered: effect.value.newHoursOrdered } });
      const totals = requirementTotals({ ...facts, hoursOrdered: effect.value.newHoursOrdered });
      await saveRequirementTotals(tx, found.requirementId, totals);
      caseAfter = { hoursOrdered: effect.value.newHoursOrdered, status: totals.status, minutesCredited: totals.minutesCredited };
    }
    if (effect.value.terminates) {
      // As when a manager terminates a requirement: no one is sent to work on a case that has ended.
      const revokedOn = utcDateFromIsoDate(input.date);
      const cancelled = await tx.allocation.updateMany({
        where: { requirementId: found.requirementId, status: "BOOKED", sessionDate: { gt: revokedOn }, attendance: null },
        data: { status: "CANCELLED", version: { increment: 1 } },
      });
      await tx.requirement.update({
        where: { id: found.requirementId },
        data: { status: "TERMINATED", terminationReason: "REVOKED", terminatedOn: revokedOn, completedOn: null, version: { increment: 1 } },
      });
      caseAfter = { ...caseBefore, status: "TERMINATED", terminationReason: "REVOKED", terminatedOn: input.date, cancelledAllocations: cancelled.count };
    }

    const updated = (await loadRequirementActions(tx, found.requirementId)).find((a) => a.id === found.id);
    if (!updated) throw new Error("The enforcement action could not be read back");
    const view = toActionView(updated, today);
    await audit(tx, actor, {
      action: "enforcement.outcome",
      entityType: "EnforcementAction",
      entityId: stored.id,
      regionId: found.requirement.regionId,
      before: { action: toActionView(stored, today), case: caseBefore },
      after: { action: view, outcome, case: caseAfter },
    });
    return success(view);
  });
}

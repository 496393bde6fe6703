import "server-only";
import { isoDateFromUtcDate, orderHadUnpaidWorkBefore, utcDateFromIsoDate, validateBreachOutcome } from "@/domain";
import { assertCan, notFound, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { requirementTotals, saveRequirementTotals } from "../attendance/requirement-totals";
import { isUuid } from "../uuid";
import { loadRequirementFacts } from "../load-requirement-facts";
import { lockRequirement } from "../row-locks";
import { todayFor, type ServiceOptions } from "../context";
import { failure, invalidInput, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import {
  recordBreachOutcomeInput,
  type EnforcementActionView,
  type RecordBreachOutcomeInput,
} from "./enforcement.types";
import { loadRequirementActions, toActionView, toDomainAction } from "./order-enforcement";

// R9 / R1
/**
 * Records the court's outcome of a breach (managers of the region). Every decision closes it:
 * CONTINUE, FINE, ORDER_AMENDED, NOT_PROVEN, WITHDRAWN_BY_COURT, HOURS_ADDED (the new total
 * hours ordered, at most 300), and REVOKED, REVOKED_AND_RESENTENCED (linked to the new
 * requirement when there is one) and SSO_ACTIVATED, which end the requirement (TERMINATED).
 * WARRANT_ISSUED keeps it open with the requirement under warrant until WARRANT_EXECUTED.
 * The domain's validateBreachOutcome decides what is allowed when.
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
      select: {
        id: true,
        requirementId: true,
        orderId: true,
        requirement: { select: { regionId: true, personId: true, orderType: true } },
      },
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
    // R9 / Sch 10: whether the order had unpaid work before the breach is derived from the order's
    // requirements (one made on or before the breach date), never assumed.
    const onOrder = await tx.requirement.findMany({
      where: { orderId: found.orderId },
      select: { sentenceDate: true },
    });
    const orderHadUnpaidWork = orderHadUnpaidWorkBefore(
      isoDateFromUtcDate(stored.date),
      onOrder.map((r) => isoDateFromUtcDate(r.sentenceDate)),
    );
    const effect = validateBreachOutcome(
      {
        action: toDomainAction(stored),
        outcome,
        currentHoursOrdered: facts.hoursOrdered,
        orderHadUnpaidWork,
        orderType: found.requirement.orderType,
      },
      facts.rules.policy,
    );
    if (!effect.ok) return failure(effect);

    let newRequirementId: string | null = null;
    if (input.newCaseId) {
      if (input.outcome !== "REVOKED_AND_RESENTENCED") {
        return invalidInput(
          "newCaseId",
          "A new case is only linked when the order was revoked and the person re-sentenced.",
        );
      }
      // The new sentence's requirement: the same person's, one the caller can see, not this one.
      const linked = await tx.requirement.findFirst({
        where: {
          AND: [
            visibleRequirementsWhere(actor),
            { id: input.newCaseId, personId: found.requirement.personId, NOT: { id: found.requirementId } },
          ],
        },
        select: { id: true },
      });
      if (!linked)
        return invalidInput(
          "newCaseId",
          "The new case must be another requirement of the same person, in your region.",
        );
      newRequirementId = linked.id;
    }

    await tx.enforcementOutcome.create({
      data: {
        actionId: stored.id,
        ...outcome,
        date: utcDateFromIsoDate(input.date),
        newRequirementId,
        recordedById: actor.id,
      },
    });
    await tx.enforcementAction.update({ where: { id: stored.id }, data: { version: { increment: 1 } } });
    const caseBefore = {
      hoursOrdered: facts.hoursOrdered,
      status: facts.status,
      minutesCredited: facts.storedMinutesCredited,
    };
    let caseAfter: Record<string, unknown> = caseBefore;
    if (effect.value.newHoursOrdered !== null) {
      // R1 / R7: new hours change the required minutes, so the totals and completion are replayed.
      await tx.requirement.update({
        where: { id: found.requirementId },
        data: { hoursOrdered: effect.value.newHoursOrdered },
      });
      const totals = requirementTotals({ ...facts, hoursOrdered: effect.value.newHoursOrdered });
      await saveRequirementTotals(tx, found.requirementId, totals);
      caseAfter = {
        hoursOrdered: effect.value.newHoursOrdered,
        status: totals.status,
        minutesCredited: totals.minutesCredited,
      };
    }
    if (effect.value.terminates) {
      // As when a manager terminates a requirement: no one is sent to work on a case that has ended.
      // An activated suspended sentence is not a revocation of the order: recorded as OTHER.
      const terminationReason = input.outcome === "SSO_ACTIVATED" ? "OTHER" : "REVOKED";
      const revokedOn = utcDateFromIsoDate(input.date);
      const cancelled = await tx.allocation.updateMany({
        where: {
          requirementId: found.requirementId,
          status: "BOOKED",
          sessionDate: { gt: revokedOn },
          attendance: null,
        },
        data: { status: "CANCELLED", version: { increment: 1 } },
      });
      await tx.requirement.update({
        where: { id: found.requirementId },
        data: {
          status: "TERMINATED",
          terminationReason,
          terminatedOn: revokedOn,
          completedOn: null,
          version: { increment: 1 },
        },
      });
      caseAfter = {
        ...caseBefore,
        status: "TERMINATED",
        terminationReason,
        terminatedOn: input.date,
        cancelledAllocations: cancelled.count,
        newCaseId: newRequirementId,
      };
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

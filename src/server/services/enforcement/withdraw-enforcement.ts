import "server-only";
import { refuse } from "@/domain";
import { assertCan, notFound, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { isUuid } from "../uuid";
import { lockRequirement } from "../row-locks";
import { todayFor, type ServiceOptions } from "../context";
import { failure, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import {
  withdrawEnforcementInput,
  type EnforcementActionView,
  type WithdrawEnforcementInput,
} from "./enforcement.types";
import { loadRequirementActions, toActionView } from "./order-enforcement";

// R9 (second round)
/**
 * A manager withdraws a warning or breach with a reason (given in error, the wrong person, the
 * failure excused later). The action stays on record as WITHDRAWN and no longer counts: its
 * letter is void and the next failure on the order counts as a first. A breach the court has
 * ruled on cannot be withdrawn here: the court's decision is recorded as its outcome.
 */
export async function withdrawEnforcement(
  actor: AppUser,
  rawInput: WithdrawEnforcementInput,
  options?: ServiceOptions,
): Promise<CommandResult<EnforcementActionView>> {
  const input = withdrawEnforcementInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    if (!isUuid(input.actionId)) throw notFound("enforcement action");
    const found = await tx.enforcementAction.findFirst({
      where: { id: input.actionId, requirement: visibleRequirementsWhere(actor) },
      select: { id: true, requirementId: true, requirement: { select: { regionId: true } } },
    });
    if (!found) throw notFound("enforcement action");
    assertCan(actor, "enforcement.withdraw");

    await lockRequirement(tx, found.requirementId);
    const stored = (await loadRequirementActions(tx, found.requirementId)).find((a) => a.id === found.id);
    if (!stored) throw notFound("enforcement action");
    if (input.version !== undefined && stored.version !== input.version) return staleVersion("enforcement action");
    if (stored.status === "WITHDRAWN") return failure("CONFLICT", "This warning or breach has already been withdrawn.");
    if (stored.outcomes.length > 0) {
      return failure(
        refuse(
          "OUTCOME_NOT_ALLOWED",
          "The court has already dealt with this breach, so it cannot be withdrawn. Record the court's decision as its outcome.",
        ),
      );
    }

    const reason = input.reason.trim();
    await tx.enforcementAction.update({
      where: { id: stored.id },
      data: {
        status: "WITHDRAWN",
        withdrawnAt: new Date(),
        withdrawnById: actor.id,
        withdrawalReason: reason,
        version: { increment: 1 },
      },
    });
    const updated = (await loadRequirementActions(tx, found.requirementId)).find((a) => a.id === found.id);
    if (!updated) throw new Error("The enforcement action could not be read back");
    const view = toActionView(updated, today);
    await audit(tx, actor, {
      action: "enforcement.withdraw",
      entityType: "EnforcementAction",
      entityId: stored.id,
      regionId: found.requirement.regionId,
      before: toActionView(stored, today),
      after: { ...view, automatic: false },
    });
    return success(view);
  });
}

import "server-only";
import { breachStateOn } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { listEnforcementInput, type EnforcementListView, type ListEnforcementInput } from "./enforcement.types";
import { loadRequirementActions, toActionView, toDomainAction } from "./order-enforcement";

// R9
/** A case's warnings and breaches, newest first, with whether a breach is open or a warrant outstanding today. */
export async function listEnforcement(
  actor: AppUser,
  rawInput: ListEnforcementInput,
  options?: ServiceOptions,
): Promise<ServiceResult<EnforcementListView>> {
  const input = listEnforcementInput.parse(rawInput);
  const today = todayFor(options);
  const tx = options?.tx ?? db;
  const visible = await requireVisibleRequirement(tx, actor, input.caseId);
  assertCan(actor, "enforcement.read");
  const actions = await loadRequirementActions(tx, visible.id);
  const state = breachStateOn(today, actions.map(toDomainAction));
  return success({ caseId: visible.id, actions: actions.map((a) => toActionView(a, today)), ...state });
}

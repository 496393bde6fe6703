import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import {
  riskCodeSelect,
  setRiskCodeActiveInput,
  type SetRiskCodeActiveInput,
  type RiskCodeRecord,
} from "./risk-codes.types";

/**
 * An administrator retires a code (officers can no longer add it to an assessment; assessments
 * that have it keep it, with its meaning, and their safety checks still apply) or restores it.
 * A code is never deleted: recorded assessments name it (decision 0074).
 */
export async function setRiskCodeActive(
  actor: AppUser,
  raw: SetRiskCodeActiveInput,
  options?: ServiceOptions,
): Promise<CommandResult<RiskCodeRecord>> {
  assertCan(actor, "admin.reference");
  const input = setRiskCodeActiveInput.parse(raw);
  return inTransaction(options, async (tx) => {
    const before = await tx.riskCode.findUnique({ where: { id: input.riskCodeId }, select: riskCodeSelect });
    if (!before) throw notFound("risk code");
    const { count } = await tx.riskCode.updateMany({
      where: { id: input.riskCodeId, version: input.version },
      data: { active: input.active, version: { increment: 1 } },
    });
    if (count === 0) return staleVersion("risk code");
    const after = await tx.riskCode.findUniqueOrThrow({ where: { id: input.riskCodeId }, select: riskCodeSelect });
    await audit(tx, actor, {
      action: input.active ? "risk-code.restore" : "risk-code.retire",
      entityType: "RiskCode",
      entityId: after.id,
      before,
      after,
    });
    return success(after);
  });
}

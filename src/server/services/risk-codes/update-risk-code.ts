import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { riskCodeSelect, updateRiskCodeInput, type UpdateRiskCodeInput, type RiskCodeRecord } from "./risk-codes.types";

/**
 * An administrator changes a code's title, guidance or conflicting features. Assessments already
 * recorded keep the meaning they were recorded with (decision 0074); the new meaning applies to
 * codes recorded from now on. The version rises with each change; a stale version is refused.
 */
export async function updateRiskCode(
  actor: AppUser,
  raw: UpdateRiskCodeInput,
  options?: ServiceOptions,
): Promise<CommandResult<RiskCodeRecord>> {
  assertCan(actor, "admin.reference");
  const input = updateRiskCodeInput.parse(raw);
  return inTransaction(options, async (tx) => {
    const before = await tx.riskCode.findUnique({ where: { id: input.riskCodeId }, select: riskCodeSelect });
    if (!before) throw notFound("risk code");
    const { count } = await tx.riskCode.updateMany({
      where: { id: input.riskCodeId, version: input.version },
      data: {
        title: input.title,
        guidance: input.guidance,
        conflictsWith: input.conflictsWith,
        version: { increment: 1 },
      },
    });
    if (count === 0) return staleVersion("risk code");
    const after = await tx.riskCode.findUniqueOrThrow({ where: { id: input.riskCodeId }, select: riskCodeSelect });
    await audit(tx, actor, { action: "risk-code.change", entityType: "RiskCode", entityId: after.id, before, after });
    return success(after);
  });
}

import "server-only";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { addRiskCodeInput, riskCodeSelect, type AddRiskCodeInput, type RiskCodeRecord } from "./risk-codes.types";

/** An administrator adds a code to the national catalogue; officers can record it from now on. Audited. */
export async function addRiskCode(
  actor: AppUser,
  raw: AddRiskCodeInput,
  options?: ServiceOptions,
): Promise<CommandResult<RiskCodeRecord>> {
  assertCan(actor, "admin.reference");
  const input = addRiskCodeInput.parse(raw);
  return inTransaction(options, async (tx) => {
    const taken = await tx.riskCode.findUnique({ where: { code: input.code }, select: { active: true } });
    if (taken) {
      return invalidInput(
        "code",
        taken.active
          ? "There is already a risk code with this code"
          : "A retired risk code has this code: restore it instead, or choose another code",
      );
    }
    const created = await tx.riskCode.create({
      data: { code: input.code, title: input.title, guidance: input.guidance, conflictsWith: input.conflictsWith },
      select: riskCodeSelect,
    });
    await audit(tx, actor, { action: "risk-code.add", entityType: "RiskCode", entityId: created.id, after: created });
    return success(created);
  });
}

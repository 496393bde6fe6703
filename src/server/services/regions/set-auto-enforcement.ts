import "server-only";
import { z } from "zod";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { type ServiceOptions } from "../context";
import { staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";

export const setAutoEnforcementInput = z
  .object({ on: z.boolean(), version: z.number().int().min(1).optional() })
  .strict();
export type SetAutoEnforcementInput = z.input<typeof setAutoEnforcementInput>;

// R9
/**
 * A regional manager switches their region's auto-enforcement on or off: when on, the warning
 * (or breach referral) is created as a failure to comply is recorded. Their own region only;
 * audited with before and after; a stale version is refused (two managers at once).
 */
export async function setAutoEnforcement(
  actor: AppUser,
  rawInput: SetAutoEnforcementInput,
  options?: ServiceOptions,
): Promise<CommandResult<{ regionId: string; autoEnforcement: boolean; version: number }>> {
  const input = setAutoEnforcementInput.parse(rawInput);
  assertCan(actor, "region.autoEnforcement");
  const regionId = actor.regionId;
  if (!regionId) throw new Error("A regional manager always has a region");
  return inTransaction(options, async (tx) => {
    const [region] = await tx.$queryRaw<{ autoEnforcement: boolean; version: number }[]>`
      SELECT "autoEnforcement", "version" FROM "Region" WHERE id = ${regionId}::uuid FOR UPDATE`;
    if (!region) throw new Error("The manager's region is missing");
    if (input.version !== undefined && region.version !== input.version) return staleVersion("region setting");
    const updated = await tx.region.update({
      where: { id: regionId },
      data: { autoEnforcement: input.on, version: { increment: 1 } },
      select: { id: true, autoEnforcement: true, version: true },
    });
    await audit(tx, actor, {
      action: "region.auto-enforcement",
      entityType: "Region",
      entityId: regionId,
      regionId,
      before: { autoEnforcement: region.autoEnforcement },
      after: { autoEnforcement: updated.autoEnforcement },
    });
    return success({ regionId: updated.id, autoEnforcement: updated.autoEnforcement, version: updated.version });
  });
}

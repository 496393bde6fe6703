import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { invalidInput, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { pduSelect, renamePduInput, type PduRecord, type RenamePduInput } from "./pdus.types";

/**
 * An administrator renames a PDU (e.g. after a reorganisation). Its code, region and everything
 * recorded against it stay; every screen shows the new name. Optimistic locking; audited.
 */
export async function renamePdu(
  actor: AppUser,
  raw: RenamePduInput,
  options?: ServiceOptions,
): Promise<CommandResult<PduRecord>> {
  assertCan(actor, "admin.reference");
  const input = renamePduInput.parse(raw);
  return inTransaction(options, async (tx) => {
    const before = await tx.pdu.findUnique({ where: { id: input.pduId }, select: pduSelect });
    if (!before) throw notFound("PDU");
    const sameName = await tx.pdu.findFirst({
      where: { regionId: before.regionId, id: { not: before.id }, name: { equals: input.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (sameName) return invalidInput("name", "This region already has a PDU with this name");
    const { count } = await tx.pdu.updateMany({
      where: { id: input.pduId, version: input.version },
      data: { name: input.name, version: { increment: 1 } },
    });
    if (count === 0) return staleVersion("PDU");
    const after = await tx.pdu.findUniqueOrThrow({ where: { id: input.pduId }, select: pduSelect });
    await audit(tx, actor, {
      action: "pdu.rename",
      entityType: "Pdu",
      entityId: after.id,
      regionId: after.regionId,
      before,
      after,
    });
    return success(after);
  });
}

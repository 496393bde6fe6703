import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { addPduInput, pduSelect, type AddPduInput, type PduRecord } from "./pdus.types";

/** An administrator adds a probation delivery unit to a region; cases, placements and dashboards can use it from now on. Audited. */
export async function addPdu(
  actor: AppUser,
  raw: AddPduInput,
  options?: ServiceOptions,
): Promise<CommandResult<PduRecord>> {
  assertCan(actor, "admin.reference");
  const input = addPduInput.parse(raw);
  return inTransaction(options, async (tx) => {
    const region = await tx.region.findUnique({ where: { id: input.regionId }, select: { id: true } });
    if (!region) throw notFound("region");
    if (await tx.pdu.findUnique({ where: { code: input.code }, select: { id: true } }))
      return invalidInput("code", "There is already a PDU with this code");
    const sameName = await tx.pdu.findFirst({
      where: { regionId: input.regionId, name: { equals: input.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (sameName) return invalidInput("name", "This region already has a PDU with this name");
    const created = await tx.pdu.create({
      data: { regionId: input.regionId, code: input.code, name: input.name },
      select: pduSelect,
    });
    await audit(tx, actor, {
      action: "pdu.add",
      entityType: "Pdu",
      entityId: created.id,
      regionId: created.regionId,
      after: created,
    });
    return success(created);
  });
}

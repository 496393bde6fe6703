import "server-only";
import { AccessError, assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { createPlacementInput, type CreatePlacementInput, type PlacementView } from "./create-placement.types";

/** Adds a placement (project) in the caller's region; a named beneficiary is found or added. */
export async function createPlacement(
  actor: AppUser,
  rawInput: CreatePlacementInput,
  options?: ServiceOptions,
): Promise<CommandResult<PlacementView>> {
  const input = createPlacementInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const region = await tx.region.findUnique({ where: { code: input.region }, select: { id: true, code: true } });
    if (!region) return invalidInput("region", `There is no region with the code ${input.region}.`);
    assertCan(actor, "placement.create");
    if (actor.regionId !== region.id)
      throw new AccessError("FORBIDDEN", "You can only add placements in your own region.");
    const pdu = input.pdu
      ? await tx.pdu.findFirst({ where: { code: input.pdu, regionId: region.id }, select: { id: true, code: true } })
      : null;
    if (input.pdu && !pdu) return invalidInput("pdu", `There is no PDU with the code ${input.pdu} in ${region.code}.`);

    let beneficiary: { id: string; name: string } | null = null;
    if (input.beneficiary) {
      beneficiary =
        (await tx.beneficiary.findFirst({
          where: { regionId: region.id, name: { equals: input.beneficiary, mode: "insensitive" } },
          select: { id: true, name: true },
        })) ??
        (await tx.beneficiary.create({
          data: {
            regionId: region.id,
            name: input.beneficiary,
            kind: input.beneficiaryKind ?? "Community organisation",
          },
          select: { id: true, name: true },
        }));
    }
    const placement = await tx.placement.create({
      data: {
        name: input.name,
        type: input.type,
        regionId: region.id,
        pduId: pdu?.id ?? null,
        beneficiaryId: beneficiary?.id ?? null,
        capacity: input.capacity,
        features: input.features,
        address: input.address ?? null,
        postcode: input.postcode ?? null,
        description: input.description ?? null,
        whatToBring: input.whatToBring ?? null,
        needsMinibus: input.needsMinibus ?? false,
      },
    });
    await audit(tx, actor, {
      action: "placement.create",
      entityType: "Placement",
      entityId: placement.id,
      regionId: region.id,
      after: placement,
    });
    return success({
      id: placement.id,
      name: placement.name,
      type: placement.type,
      region: region.code,
      pdu: pdu?.code ?? null,
      capacity: placement.capacity,
      features: placement.features,
      beneficiary: beneficiary?.name ?? null,
      address: placement.address,
      postcode: placement.postcode,
      needsMinibus: placement.needsMinibus,
      active: placement.active,
      version: placement.version,
    });
  });
}

import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { isUuid } from "../uuid";
import { type ServiceOptions } from "../context";
import { staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { updateRegionSettingsInput, type UpdateRegionSettingsInput } from "./update-region-settings.types";

type RegionSettings = {
  id: string;
  name: string;
  overSubscriptionPercent: number;
  maxPeoplePerSupervisor: number | null;
  autoEnforcement: boolean;
  version: number;
};

/**
 * An administrator changes a region's rule settings; the change applies to bookings and failures
 * recorded from now on (earlier ones are not re-judged). Optimistic locking: a stale version is a 409.
 */
export async function updateRegionSettings(
  actor: AppUser,
  raw: UpdateRegionSettingsInput,
  options?: ServiceOptions,
): Promise<CommandResult<RegionSettings>> {
  assertCan(actor, "admin.reference");
  const input = updateRegionSettingsInput.parse(raw);
  if (!isUuid(input.regionId)) throw notFound("region");
  return inTransaction(options, async (tx) => {
    const select = {
      id: true,
      name: true,
      overSubscriptionPercent: true,
      maxPeoplePerSupervisor: true,
      autoEnforcement: true,
      version: true,
    } as const;
    const before = await tx.region.findUnique({ where: { id: input.regionId }, select });
    if (!before) throw notFound("region");
    const { count } = await tx.region.updateMany({
      where: { id: input.regionId, version: input.version },
      data: {
        overSubscriptionPercent: input.overSubscriptionPercent,
        maxPeoplePerSupervisor: input.maxPeoplePerSupervisor,
        autoEnforcement: input.autoEnforcement,
        version: { increment: 1 },
      },
    });
    if (count === 0) return staleVersion("region");
    const after = await tx.region.findUniqueOrThrow({ where: { id: input.regionId }, select });
    await audit(tx, actor, {
      action: "region.settings",
      entityType: "Region",
      entityId: input.regionId,
      regionId: input.regionId,
      before,
      after,
    });
    return success(after);
  });
}

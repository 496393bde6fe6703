import "server-only";
import type { UserRole } from "@/generated/prisma/enums";
import { REGIONAL_ROLES } from "@/server/auth/roles";
import type { Tx } from "@/server/db/create-client";
import { invalidInput, type InputRefusal } from "../result";

/**
 * A role and region that fit together: coordinators, supervisors and regional managers belong to
 * one region that exists; national leads and administrators to none (they see every region).
 */
export async function checkRoleAndRegion(
  tx: Tx,
  role: UserRole,
  regionId: string | null,
): Promise<InputRefusal | null> {
  if (!REGIONAL_ROLES.includes(role)) {
    return regionId === null
      ? null
      : invalidInput("regionId", "National leads and administrators work across all regions: choose “All regions”");
  }
  if (regionId === null) return invalidInput("regionId", "Choose the region this user works in");
  const region = await tx.region.findUnique({ where: { id: regionId }, select: { id: true } });
  return region ? null : invalidInput("regionId", "Choose a region from the list");
}

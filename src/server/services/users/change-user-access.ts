import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { endUserSessions } from "@/server/auth/sessions";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { invalidInput, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { checkRoleAndRegion } from "./access-rules";
import { changeUserAccessInput, userRecordSelect, type ChangeUserAccessInput, type UserRecord } from "./users.types";

/**
 * An administrator changes a user's role or region. Every sign-in of that user ends in the same
 * transaction, so nobody keeps the old access on a device. An administrator cannot change their
 * own role (decision 0072: there is always an administrator left). Optimistic locking: 409.
 */
export async function changeUserAccess(
  actor: AppUser,
  raw: ChangeUserAccessInput,
  options?: ServiceOptions,
): Promise<CommandResult<UserRecord>> {
  assertCan(actor, "admin.reference");
  const input = changeUserAccessInput.parse(raw);
  return inTransaction(options, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: userRecordSelect });
    if (!before) throw notFound("user");
    if (before.id === actor.id && input.role !== before.role) {
      return invalidInput("role", "You cannot change your own role. Ask another administrator to do it");
    }
    const problem = await checkRoleAndRegion(tx, input.role, input.regionId);
    if (problem) return problem;
    const regionChanged = input.regionId !== before.regionId;
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      // A PDU belongs to a region: a user moved to another region leaves their PDU behind.
      data: {
        role: input.role,
        regionId: input.regionId,
        ...(regionChanged ? { pduId: null } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) return staleVersion("user");
    if (input.role !== before.role || regionChanged) await endUserSessions(tx, input.userId);
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: userRecordSelect });
    await audit(tx, actor, {
      action: "user.access",
      entityType: "User",
      entityId: after.id,
      regionId: after.regionId,
      before,
      after,
    });
    return success(after);
  });
}

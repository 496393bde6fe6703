import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { endUserSessions } from "@/server/auth/sessions";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { failure, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { endPasswordLinks } from "./password-links";
import { setUserActiveInput, userRecordSelect, type SetUserActiveInput, type UserRecord } from "./users.types";

/**
 * An administrator deactivates a user (they can no longer sign in; every sign-in and open
 * password link ends at once) or reactivates one (they sign in with the password they had, or
 * are given a new link). An administrator cannot deactivate themselves (decision 0072).
 * API tokens are refused for a deactivated user by the token check itself.
 */
export async function setUserActive(
  actor: AppUser,
  raw: SetUserActiveInput,
  options?: ServiceOptions,
): Promise<CommandResult<UserRecord>> {
  assertCan(actor, "admin.reference");
  const input = setUserActiveInput.parse(raw);
  return inTransaction(options, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: userRecordSelect });
    if (!before) throw notFound("user");
    if (before.id === actor.id && !input.active) {
      return failure("CONFLICT", "You cannot deactivate your own account. Ask another administrator to do it.");
    }
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: { active: input.active, version: { increment: 1 } },
    });
    if (count === 0) return staleVersion("user");
    if (!input.active) {
      await endUserSessions(tx, input.userId);
      await endPasswordLinks(tx, input.userId);
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: userRecordSelect });
    await audit(tx, actor, {
      action: input.active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: after.id,
      regionId: after.regionId,
      before,
      after,
    });
    return success(after);
  });
}

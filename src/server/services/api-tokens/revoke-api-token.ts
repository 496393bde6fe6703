import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { revokeApiToken } from "@/server/auth/api-tokens";
import type { ServiceOptions } from "../context";
import { success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { revokeApiTokenInput, type RevokeApiTokenInput, type RevokedApiTokenView } from "./revoke-api-token.types";

/**
 * An administrator revokes any user's API token; the next request with it is 401. Revoking a
 * token that is already revoked changes nothing and says so. Audited (api-token.revoke).
 */
export async function revokeUserApiToken(
  actor: AppUser,
  rawInput: RevokeApiTokenInput,
  options?: ServiceOptions & { now?: Date },
): Promise<CommandResult<RevokedApiTokenView>> {
  assertCan(actor, "admin.apiTokens");
  const input = revokeApiTokenInput.parse(rawInput);
  const now = options?.now ?? new Date();
  return inTransaction(options, async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: input.tokenId },
      select: { id: true, name: true, revokedAt: true, user: { select: { name: true } } },
    });
    if (!token) throw notFound("API token");
    if (token.revokedAt) {
      return success({
        id: token.id,
        name: token.name,
        userName: token.user.name,
        revokedAt: token.revokedAt.toISOString(),
        alreadyRevoked: true,
      });
    }
    await revokeApiToken(tx, actor, token.id, now);
    return success({
      id: token.id,
      name: token.name,
      userName: token.user.name,
      revokedAt: now.toISOString(),
      alreadyRevoked: false,
    });
  });
}

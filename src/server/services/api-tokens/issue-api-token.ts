import "server-only";
import { assertCan, type AppUser } from "@/server/auth/access";
import { createApiTokenForUser } from "@/server/auth/api-tokens";
import type { ServiceOptions } from "../context";
import { invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { issueApiTokenInput, type IssueApiTokenInput, type IssuedApiTokenView } from "./issue-api-token.types";

/**
 * An administrator creates a bearer token for an active user. The token acts as that user (their
 * role and region), only its SHA-256 hash is stored, and the audit row records who made it for
 * whom — never the token itself (src/server/auth/api-tokens.ts).
 */
export async function issueApiTokenForUser(
  actor: AppUser,
  rawInput: IssueApiTokenInput,
  options?: ServiceOptions & { now?: Date },
): Promise<CommandResult<IssuedApiTokenView>> {
  assertCan(actor, "admin.apiTokens");
  const input = issueApiTokenInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, name: true, active: true },
    });
    if (!user || !user.active)
      return invalidInput("userId", "Choose a user who can sign in: this one is deactivated or no longer exists.");
    const issued = await createApiTokenForUser(
      tx,
      actor,
      { userId: user.id, name: input.name, expiresInDays: input.expiresInDays },
      options?.now,
    );
    return success({
      id: issued.id,
      token: issued.token,
      name: input.name,
      userId: user.id,
      userName: user.name,
      expiresAt: issued.expiresAt?.toISOString() ?? null,
    });
  });
}

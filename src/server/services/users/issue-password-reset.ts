import "server-only";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { endUserSessions } from "@/server/auth/sessions";
import type { ServiceOptions } from "../context";
import { failure, staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { issuePasswordLink } from "./password-links";
import {
  issuePasswordLinkInput,
  userRecordSelect,
  type IssuePasswordLinkInput,
  type IssuedPasswordLink,
} from "./users.types";

/**
 * A password reset (decision 0073): the administrator never sees, sets or emails a password. They
 * get a one-time link, shown once, to pass to the user. The user's sign-ins end now (the old
 * password may be known to someone else), and the link itself ends when used or after a day.
 */
export async function issuePasswordReset(
  actor: AppUser,
  raw: IssuePasswordLinkInput,
  options?: ServiceOptions & { now?: Date },
): Promise<CommandResult<IssuedPasswordLink>> {
  assertCan(actor, "admin.reference");
  const input = issuePasswordLinkInput.parse(raw);
  return inTransaction(options, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: userRecordSelect });
    if (!user) throw notFound("user");
    if (user.version !== input.version) return staleVersion("user");
    if (!user.active)
      return failure("CONFLICT", "This user is deactivated. Reactivate them first, then create a link.");
    await endUserSessions(tx, user.id, options?.now);
    const link = await issuePasswordLink(tx, actor, user.id, options?.now);
    return success({ user, ...link });
  });
}

import "server-only";
import { passwordProblem } from "@/domain/password-rules";
import { hashPassword } from "@/server/auth/password";
import { endUserSessions } from "@/server/auth/sessions";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { hashPasswordLinkToken } from "./password-links";
import { setPasswordWithLinkInput, type SetPasswordWithLinkInput } from "./users.types";

export const LINK_NOT_VALID = "This link has expired or has already been used. Ask an administrator for a new one.";

/**
 * Someone with a one-time link sets the password of the account it was made for. The link ends
 * (used), every sign-in of the account ends, and the change is audited as the user's own, without
 * the password. An expired, used, superseded or unknown link is refused with the same words, so
 * the page tells nobody which links exist.
 */
export async function setPasswordWithLink(
  raw: SetPasswordWithLinkInput,
  options?: ServiceOptions & { now?: Date },
): Promise<CommandResult<{ email: string }>> {
  const input = setPasswordWithLinkInput.parse(raw);
  const now = options?.now ?? new Date();
  const tokenHash = hashPasswordLinkToken(input.token);
  // Hash outside the transaction (bcrypt takes a moment); it is only written if the link is good.
  const newHash = await hashPassword(input.password);
  return inTransaction(options, async (tx) => {
    const [link] = await tx.$queryRaw<
      { id: string; userId: string; usedAt: Date | null; endedAt: Date | null; expiresAt: Date }[]
    >`
      SELECT id, "userId", "usedAt", "endedAt", "expiresAt" FROM "PasswordResetLink" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
    const user = link
      ? await tx.user.findUnique({
          where: { id: link.userId },
          select: { id: true, email: true, name: true, role: true, regionId: true, active: true },
        })
      : null;
    if (!link || !user || !user.active || link.usedAt || link.endedAt || link.expiresAt <= now)
      return failure("CONFLICT", LINK_NOT_VALID);
    const problem = passwordProblem(input.password, { email: user.email });
    if (problem) return invalidInput("password", problem);
    if (input.confirmPassword !== input.password)
      return invalidInput("confirmPassword", "The passwords do not match: type the same password twice");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: newHash }, select: { id: true } });
    await tx.passwordResetLink.update({ where: { id: link.id }, data: { usedAt: now }, select: { id: true } });
    await endUserSessions(tx, user.id, now);
    const self = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      regionId: user.regionId,
      regionCode: null,
    };
    await audit(tx, self, {
      action: "user.password-set",
      entityType: "User",
      entityId: user.id,
      regionId: user.regionId,
      after: { linkId: link.id },
    });
    return success({ email: user.email });
  });
}

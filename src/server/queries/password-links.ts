import "server-only";
import { db } from "@/server/db/client";
import { hashPasswordLinkToken } from "@/server/services/users/password-links";

/** Whether a one-time password link can still be used (decision 0073), for its page. Nothing is written. */
export async function passwordLinkIsOpen(token: string, now = new Date()): Promise<boolean> {
  if (token.length === 0 || token.length > 200) return false;
  const link = await db.passwordResetLink.findUnique({
    where: { tokenHash: hashPasswordLinkToken(token) },
    select: { usedAt: true, endedAt: true, expiresAt: true, user: { select: { active: true } } },
  });
  return link !== null && link.usedAt === null && link.endedAt === null && link.expiresAt > now && link.user.active;
}

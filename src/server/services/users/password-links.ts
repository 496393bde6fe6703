import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";

// One-time links to set a password (decision 0073). The secret is 32 random bytes shown to the
// administrator once; only its SHA-256 hash is stored, so a copy of the database cannot be used
// to set anyone's password. A new link ends the user's earlier ones.

/** How long a link works. Long enough to pass it on today; short enough not to linger in inboxes. */
export const PASSWORD_LINK_HOURS = 24;

export const hashPasswordLinkToken = (token: string): string =>
  createHash("sha256").update(token, "utf8").digest("hex");

/** Makes a new link for the user, ending any earlier one still open; audited without the secret. */
export async function issuePasswordLink(
  tx: Tx,
  actor: AppUser,
  userId: string,
  now = new Date(),
): Promise<{ path: string; expiresAt: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await tx.passwordResetLink.updateMany({ where: { userId, usedAt: null, endedAt: null }, data: { endedAt: now } });
  const link = await tx.passwordResetLink.create({
    data: { userId, tokenHash: hashPasswordLinkToken(token), createdById: actor.id, createdAt: now, expiresAt },
    select: { id: true },
  });
  await audit(tx, actor, {
    action: "user.password-link",
    entityType: "User",
    entityId: userId,
    after: { linkId: link.id, expiresAt: expiresAt.toISOString() },
  });
  return { path: `/set-password/${token}`, expiresAt: expiresAt.toISOString() };
}

/** Ends every open link of the user (deactivation). */
export async function endPasswordLinks(tx: Tx, userId: string, now = new Date()): Promise<void> {
  await tx.passwordResetLink.updateMany({ where: { userId, usedAt: null, endedAt: null }, data: { endedAt: now } });
}

import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/create-client";
import { inNewTransaction } from "@/server/db/transaction";
import { audit } from "@/server/audit";
import { env } from "@/server/env";
import { appUserFrom, type AppUser } from "./access";
import { sessionEndsAt, sessionRefusal, type SessionPolicy, type SessionRefusal } from "./session-rules";

// Browser sign-ins that end on the server. The session cookie holds a signed, encrypted token
// naming one SignInSession row and the user's sessionVersion when it was issued. Every request
// (pages, server actions, the API by cookie) loads that row and the user in one query and applies
// the rules in session-rules.ts, so signing out, "sign out everywhere", deactivation, a role
// change or a password reset stop a copied cookie at once.

/** How often a request moves lastSeenAt forward: the idle timeout is exact to within this. */
const TOUCH_RESOLUTION_MS = 60_000;

export const sessionPolicy = (): SessionPolicy => ({
  maxHours: env().SESSION_MAX_HOURS,
  idleMinutes: env().SESSION_IDLE_MINUTES,
});

/** True when the public address is https: cookies are then Secure (and `__Secure-` prefixed). */
export const servedOverHttps = (): boolean => env().NEXTAUTH_URL?.startsWith("https://") ?? false;

/** next-auth's session cookie name for this deployment. */
export const sessionCookieName = (): string =>
  servedOverHttps() ? "__Secure-next-auth.session-token" : "next-auth.session-token";

/** What the session token carries besides next-auth's own claims. */
export type SessionClaims = { uid: string; sid: string; sv: number };

export const claimsOf = (token: JWT | null): SessionClaims | null =>
  token && typeof token.uid === "string" && typeof token.sid === "string" && typeof token.sv === "number"
    ? { uid: token.uid, sid: token.sid, sv: token.sv }
    : null;

/** Starts a sign-in for a user who has just given the right password. */
export async function startSignInSession(
  db: PrismaClient | Tx,
  userId: string,
  now = new Date(),
): Promise<{ sid: string; sv: number; createdAt: Date }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const row = await db.signInSession.create({
    data: { userId, createdAt: now, lastSeenAt: now },
    select: { id: true, createdAt: true },
  });
  return { sid: row.id, sv: user.sessionVersion, createdAt: row.createdAt };
}

/** Ends one sign-in (the "Sign out" button): that cookie stops working, other devices stay signed in. */
export async function endSignInSession(db: PrismaClient | Tx, sid: string, now = new Date()): Promise<void> {
  await db.signInSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: now } });
}

/**
 * Ends every sign-in of a user on every device: for "sign out everywhere", deactivation, a role or
 * region change and a password reset. Call it inside the transaction that makes the change.
 * (API tokens are separate credentials with their own revocation.)
 */
export async function endUserSessions(tx: PrismaClient | Tx, userId: string, now = new Date()): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
  await tx.signInSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}

export type VerifiedSession = { user: AppUser; sid: string; endsAt: Date };

/** The user behind a session token's claims, or null with the reason; moves lastSeenAt on. */
export async function verifySession(
  db: PrismaClient,
  claims: SessionClaims,
  now = new Date(),
  policy: SessionPolicy = sessionPolicy(),
): Promise<{ ok: true; value: VerifiedSession } | { ok: false; reason: SessionRefusal | "UNKNOWN" }> {
  const row = await db.signInSession.findUnique({
    where: { id: claims.sid },
    select: {
      userId: true,
      createdAt: true,
      lastSeenAt: true,
      endedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          regionId: true,
          active: true,
          sessionVersion: true,
          region: { select: { code: true } },
        },
      },
    },
  });
  if (!row) return { ok: false, reason: "UNKNOWN" };
  const { user } = row;
  const reason = sessionRefusal({ session: row, user, claims }, now, policy);
  if (reason) {
    if (!row.endedAt && (reason === "EXPIRED" || reason === "IDLE")) await endSignInSession(db, claims.sid, now);
    return { ok: false, reason };
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_RESOLUTION_MS) {
    await db.signInSession.updateMany({ where: { id: claims.sid, endedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    ok: true,
    value: {
      sid: claims.sid,
      endsAt: sessionEndsAt(row.createdAt, policy),
      user: appUserFrom(user, user.region?.code),
    },
  };
}

/** Decodes the session cookie's value (next-auth may split a long one into `.0`, `.1`… chunks). */
export async function decodeSessionCookie(read: (name: string) => string | undefined): Promise<SessionClaims | null> {
  const name = sessionCookieName();
  let value = read(name);
  if (value === undefined) {
    const chunks: string[] = [];
    for (let i = 0; ; i += 1) {
      const chunk = read(`${name}.${i}`);
      if (chunk === undefined) break;
      chunks.push(chunk);
    }
    value = chunks.length > 0 ? chunks.join("") : undefined;
  }
  if (!value) return null;
  try {
    return claimsOf(await decode({ token: value, secret: env().NEXTAUTH_SECRET }));
  } catch {
    return null;
  }
}

/** Cookies from a request's Cookie header (for route handlers called with a plain Request). */
export function cookieReader(header: string | null): (name: string) => string | undefined {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return (name) => cookies.get(name);
}

/** "Sign out everywhere": ends every sign-in of the person asking, on every device, audited. */
export async function signOutEverywhere(
  db: PrismaClient,
  user: AppUser,
  now = new Date(),
): Promise<{ ok: true; value: null }> {
  await inNewTransaction(db, "command", async (tx) => {
    await endUserSessions(tx, user.id, now);
    await audit(tx, user, {
      action: "user.sign-out-everywhere",
      entityType: "User",
      entityId: user.id,
      regionId: user.regionId,
    });
  });
  return { ok: true, value: null };
}

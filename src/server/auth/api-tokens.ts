import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/server/db/create-client";
import { audit } from "@/server/audit";
import { countTokenRequestSql } from "./token-rate";
import { z } from "zod";
import { appUserFrom, assertCan, notFound, type AppUser } from "./access";

// API bearer tokens (docs/api.md "Auth"). A token is `cpb_` + 32 random bytes in base64url; the
// database keeps only its SHA-256 hash, so a leaked table cannot be replayed as credentials.
// A fast hash (not bcrypt) is right here: the secret has 256 bits of entropy, nothing to guess.

export const API_TOKEN_PREFIX = "cpb_";
/** Tokens from POST /api/v1/auth/token last a working day and a half. */
export const SIGN_IN_TOKEN_HOURS = 12;
const LAST_USED_RESOLUTION_MS = 60_000;
/** No token lives longer than a year (a leap year's 366 days); there is no "never". */
export const MAX_EXPIRY_DAYS = 366;
const DAY_MS = 86_400_000;

/** What an administrator's form or route sends to create a token for a user. */
export const createApiTokenInput = z
  .object({
    name: z.string().trim().min(1, "Enter a name for the token").max(100, "Use 100 characters or fewer"),
    expiresInDays: z
      .number({ message: "Choose how long the token lasts" })
      .int()
      .min(1, "A token must last at least 1 day")
      .max(MAX_EXPIRY_DAYS, `A token can last at most ${MAX_EXPIRY_DAYS} days (one year)`),
  })
  .strict();

export type IssuedApiToken = { id: string; token: string; expiresAt: Date | null };

export const hashApiToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export const generateApiToken = (): string => API_TOKEN_PREFIX + randomBytes(32).toString("base64url");

/** Stores a new token's hash and returns the token itself: the only time it is ever seen. */
export async function issueApiToken(
  tx: Tx,
  input: { userId: string; name: string; expiresAt: Date | null },
): Promise<IssuedApiToken> {
  const token = generateApiToken();
  const row = await tx.apiToken.create({
    data: { userId: input.userId, name: input.name, tokenHash: hashApiToken(token), expiresAt: input.expiresAt },
    select: { id: true, expiresAt: true },
  });
  return { id: row.id, token, expiresAt: row.expiresAt };
}

/** An administrator creates a token for a user (role and region come from the user); audited without the token. */
export async function createApiTokenForUser(
  tx: Tx,
  admin: AppUser,
  input: { userId: string; name: string; expiresInDays: number },
  now = new Date(),
): Promise<IssuedApiToken> {
  assertCan(admin, "admin.apiTokens");
  // Callers parse with createApiTokenInput first; reaching here with bad input is a bug.
  const { name, expiresInDays: days } = createApiTokenInput.parse({
    name: input.name,
    expiresInDays: input.expiresInDays,
  });
  const user = await tx.user.findFirst({
    where: { id: input.userId, active: true },
    select: { id: true, regionId: true },
  });
  if (!user) throw notFound("user");
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const issued = await issueApiToken(tx, { userId: user.id, name, expiresAt });
  await audit(tx, admin, {
    action: "api-token.create",
    entityType: "ApiToken",
    entityId: issued.id,
    regionId: user.regionId,
    after: { userId: user.id, name, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return issued;
}

/** Revokes a token: an administrator any token, anyone else only their own. Unknown → 404. */
export async function revokeApiToken(tx: Tx, actor: AppUser, tokenId: string, now = new Date()): Promise<void> {
  const token = await tx.apiToken.findUnique({
    where: { id: tokenId },
    select: { id: true, userId: true, name: true, revokedAt: true },
  });
  if (!token || (actor.role !== "ADMIN" && token.userId !== actor.id)) throw notFound("API token");
  if (token.revokedAt) return;
  await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
  await audit(tx, actor, {
    action: "api-token.revoke",
    entityType: "ApiToken",
    entityId: token.id,
    after: { userId: token.userId, name: token.name, revokedAt: now.toISOString() },
  });
}

/** The token in an `Authorization: Bearer …` header, or null when the header is absent or another scheme. */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/** When a token stops working: its own expiry, and never later than a year after it was made (older rows had none). */
function expiresAt(row: { createdAt: Date; expiresAt: Date | null }): Date {
  const latest = new Date(row.createdAt.getTime() + MAX_EXPIRY_DAYS * DAY_MS);
  return row.expiresAt && row.expiresAt < latest ? row.expiresAt : latest;
}

type TokenRow = {
  id: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  user: Pick<AppUser, "id" | "email" | "name" | "role" | "regionId" | "regionCode"> & { active: boolean };
  requestsThisMinute: number;
};

/**
 * The active user a bearer token belongs to, or null (unknown, revoked, expired, or user
 * deactivated), with this request counted against the token's per-minute limit in the same
 * statement (./token-rate.ts): one round trip for both on every API request. Only a token that
 * exists is counted, so an unknown one writes nothing; a revoked or expired one is counted in its
 * own window, then refused. A raw statement, so its columns are checked by the tests
 * (tests/integration/api-tokens.test.ts, api-rate-limit.test.ts), not by the compiler.
 */
export async function authenticateBearer(
  tx: Tx,
  header: string | null,
  now = new Date(),
): Promise<{ user: AppUser; requestsThisMinute: number } | null> {
  const token = bearerToken(header);
  if (!token || !token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const tokenHash = hashApiToken(token);
  const [row] = await tx.$queryRaw<TokenRow[]>`
    WITH counted AS (${countTokenRequestSql(tokenHash, now)})
    SELECT t."id", t."createdAt", t."expiresAt", t."revokedAt", t."lastUsedAt",
      json_build_object('id', u."id", 'email', u."email", 'name', u."name", 'role', u."role"::text,
        'regionId', u."regionId", 'active', u."active", 'regionCode', g."code") AS "user",
      (SELECT "count" FROM counted) AS "requestsThisMinute"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" LEFT JOIN "Region" g ON g."id" = u."regionId"
    WHERE t."tokenHash" = ${tokenHash}`;
  if (!row || row.revokedAt || expiresAt(row) <= now || !row.user.active) return null;
  // Record use at most once a minute, so a busy script does not write on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await tx.apiToken.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return { user: appUserFrom(row.user, row.user.regionCode), requestsThisMinute: row.requestsThisMinute };
}

import "server-only";
import { Prisma } from "@/generated/prisma/client";

// Requests per API token per minute, counted in PostgreSQL with one atomic upsert, so the limit
// holds across several app instances (no counters in the web process's memory). The count is a
// WITH part of the statement that looks the token up (authenticateBearer): one round trip for both.

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; limit: number };

const windowStartOf = (now: Date) => new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);

/** The key of a token's per-minute count in ApiRateWindow. */
export const tokenRateKey = (tokenHash: string) => `token:${tokenHash}`;

/**
 * Counts one request with the token whose hash is `tokenHash` in `now`'s minute, returning the
 * count (a row `count`); only when such a token exists, so an unknown token writes nothing.
 */
export const countTokenRequestSql = (tokenHash: string, now: Date): Prisma.Sql => Prisma.sql`
  INSERT INTO "ApiRateWindow" ("key", "windowStart", "count")
  SELECT ${tokenRateKey(tokenHash)}, ${windowStartOf(now)}, 1
  WHERE EXISTS (SELECT 1 FROM "ApiToken" WHERE "tokenHash" = ${tokenHash})
  ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
  RETURNING "count"`;

/** Whether the `count`th request of `now`'s minute is within `limit`, and if not, how long until the next minute. */
export function rateDecision(count: number, limit: number, now: Date): RateDecision {
  if (count <= limit) return { ok: true };
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStartOf(now).getTime() + WINDOW_MS - now.getTime()) / 1000));
  return { ok: false, limit, retryAfterSeconds };
}

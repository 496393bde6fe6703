import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";

// Requests per API token per minute, counted in PostgreSQL with one atomic upsert, so the limit
// holds across several app instances (no counters in the web process's memory). The API counts a
// token's request in the same statement that looks the token up (authenticateBearer), so a request
// costs one round trip for both; consumeRate runs the count alone.

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; limit: number };

const windowStartOf = (now: Date) => new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);

/**
 * The upsert that counts one request for `key` in `now`'s minute, returning the count (a row
 * `count`), only when `onlyIf` holds. A statement of its own, or a WITH part of another.
 */
export function countRequestSql(key: string, now: Date, onlyIf: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ApiRateWindow" ("key", "windowStart", "count") SELECT ${key}, ${windowStartOf(now)}, 1 WHERE ${onlyIf}
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
}

/** Whether the `count`th request of `now`'s minute is within `limit`, and if not, how long until the next minute. */
export function rateDecision(count: number, limit: number, now: Date): RateDecision {
  if (count <= limit) return { ok: true };
  return {
    ok: false,
    limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStartOf(now).getTime() + WINDOW_MS - now.getTime()) / 1000)),
  };
}

/** Counts one request for `key` in the current minute and says whether it is within `limit`. */
export async function consumeRate(
  db: PrismaClient,
  key: string,
  limit: number,
  now = new Date(),
): Promise<RateDecision> {
  const [row] = await db.$queryRaw<{ count: number }[]>`${countRequestSql(key, now)}`;
  return rateDecision(row?.count ?? 0, limit, now);
}

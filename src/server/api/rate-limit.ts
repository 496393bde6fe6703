import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

// Requests per API token per minute, counted in PostgreSQL with one atomic upsert, so the limit
// holds across several app instances (no counters in the web process's memory).

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; limit: number };

/** Counts one request for `key` in the current minute and says whether it is within `limit`. */
export async function consumeRate(
  db: PrismaClient,
  key: string,
  limit: number,
  now = new Date(),
): Promise<RateDecision> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  if ((row?.count ?? 0) <= limit) return { ok: true };
  return {
    ok: false,
    limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000)),
  };
}

import "server-only";
import { createPrismaClient, type PrismaClient } from "./create-client";
import { env } from "@/server/env";
import { onStop } from "@/server/lifecycle";

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { cpDb?: PrismaClient };

/** The app's pool: bounded connect and statement times, so a down or hung database is a quick 503, not a 45-second hang. */
export const appPoolOptions = () => ({
  max: env().DATABASE_POOL_MAX,
  connectTimeoutMs: env().DATABASE_CONNECT_TIMEOUT_MS,
  statementTimeoutMs: env().DATABASE_STATEMENT_TIMEOUT_MS,
  // A little longer than the server's own limit, so PostgreSQL's clearer error wins when it can answer.
  queryTimeoutMs: env().DATABASE_STATEMENT_TIMEOUT_MS + 2_000,
});

export const db: PrismaClient = globalForDb.cpDb ?? createPrismaClient(env().DATABASE_URL, appPoolOptions());
if (process.env.NODE_ENV !== "production") globalForDb.cpDb = db;

// Closed after requests in flight and any worker have finished (see src/server/lifecycle.ts).
onStop("database pool", () => db.$disconnect(), "close");

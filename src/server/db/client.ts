import "server-only";
import { createPrismaClient, type PrismaClient } from "./create-client";
import { env } from "@/server/env";
import { onStop } from "@/server/lifecycle";

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { cpDb?: PrismaClient };

export const db: PrismaClient = globalForDb.cpDb ?? createPrismaClient(env().DATABASE_URL, { max: env().DATABASE_POOL_MAX });
if (process.env.NODE_ENV !== "production") globalForDb.cpDb = db;

// Closed after requests in flight and any worker have finished (see src/server/lifecycle.ts).
onStop("database pool", () => db.$disconnect(), "close");

export type { Tx } from "./create-client";

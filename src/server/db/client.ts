import "server-only";
import { createPrismaClient, type PrismaClient } from "./create-client";
import { env } from "@/server/env";

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { cpDb?: PrismaClient };

export const db: PrismaClient = globalForDb.cpDb ?? createPrismaClient(env().DATABASE_URL, { max: env().DATABASE_POOL_MAX });
if (process.env.NODE_ENV !== "production") globalForDb.cpDb = db;

export type { Tx } from "./create-client";

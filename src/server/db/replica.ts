import "server-only";
import { appPoolOptions, db } from "./client";
import { createPrismaClient, markReadOnly, type PrismaClient } from "./create-client";
import { env } from "@/server/env";
import { onStop } from "@/server/lifecycle";

// The client for reads that may be a little behind: DATABASE_REPLICA_URL's read replica when it is
// set, else the primary itself (`db`). Only the readers listed in
// docs/decisions/0093-read-replica.md use it — dashboards, trends and the case list page; never a
// read that must see the caller's own write (a page after a form, a record before its edit),
// never anything behind sign-in, throttling, idempotency or rate limits, and never a write.

const globalForDb = globalThis as unknown as { cpReplicaDb?: PrismaClient };

function createReplicaClient(): PrismaClient {
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return db;
  const client = markReadOnly(createPrismaClient(url, appPoolOptions()));
  onStop("replica database pool", () => client.$disconnect(), "close");
  return client;
}

/** Reads that may lag the primary by the replica's replay delay (usually well under a second). */
export const replicaDb: PrismaClient = globalForDb.cpReplicaDb ?? createReplicaClient();
if (env().NODE_ENV !== "production") globalForDb.cpReplicaDb = replicaDb;

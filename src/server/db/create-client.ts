import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type PoolTimeouts = {
  /** Give up connecting (TCP and PostgreSQL's start-up) after this long; 0 = never (scripts). */
  connectTimeoutMs?: number;
  /** PostgreSQL cancels a statement that runs longer (server side); 0 = never. */
  statementTimeoutMs?: number;
  /** The driver gives up on a reply that does not come (a hung server or network); 0 = never. */
  queryTimeoutMs?: number;
};

/** A Prisma client on the pg driver adapter. Scripts and tests call this; the app uses `db` from ./client. */
export function createPrismaClient(
  connectionString: string,
  options: { max?: number } & PoolTimeouts = {},
): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
  });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };

// Clients on a read replica (a hot standby refuses every write). Code that would write as a side
// effect of a read, such as the dashboard cache sharing a snapshot, asks before it does.
const readOnlyClients = new WeakSet<PrismaClient>();

/** Marks a client as one that must never write (it reads a replica). */
export function markReadOnly(client: PrismaClient): PrismaClient {
  readOnlyClients.add(client);
  return client;
}

export const isReadOnly = (client: PrismaClient): boolean => readOnlyClients.has(client);

/** The client inside `$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

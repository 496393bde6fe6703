import "server-only";
import type { PrismaClient } from "./create-client";

// A database that is down (connection refused), hung (accepts and never answers) or out of
// connections is an outage, not a bug: the API answers 503 SERVICE_UNAVAILABLE and health
// answers 503 at once, instead of a 500 or a 45-second hang.

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
]);
const UNAVAILABLE_MESSAGE =
  /Can't reach database server|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|timeout exceeded when trying to connect|Connection terminated|Query read timeout|canceling statement due to statement timeout|the database system is (starting up|shutting down)|too many clients/i;

/** True when an error means the database could not be reached or did not answer in time. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (
    typeof e.code === "string" &&
    (UNAVAILABLE_PRISMA_CODES.has(e.code) || e.code === "57014" || e.code === "57P03" || e.code === "53300")
  )
    return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export type DatabaseHealth = { database: "UP" | "DOWN"; milliseconds: number };

/**
 * SELECT 1 with a deadline: whatever the pool's own timeouts, the answer comes within
 * `deadlineMs` (health checks must answer quickly even when the database hangs).
 */
export async function checkDatabase(client: PrismaClient, deadlineMs = 1_500): Promise<DatabaseHealth> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deadlineMs);
  });
  try {
    const result = await Promise.race([client.$queryRaw`SELECT 1`.then(() => "up" as const), deadline]);
    return { database: result === "up" ? "UP" : "DOWN", milliseconds: Date.now() - started };
  } catch {
    return { database: "DOWN", milliseconds: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

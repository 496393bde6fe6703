import "server-only";
import { db } from "./client";
import type { PrismaClient, Tx } from "./create-client";

// The one transaction helper (docs/decisions/0080-one-result-and-transaction.md): services
// (src/server/services/transaction.ts), the API wrapper (src/server/api/handler.ts) and every
// other transaction run through it, so the rollback rule and the time limits are written once,
// here. ESLint refuses `$transaction` anywhere else.

type TransactionOptions = NonNullable<Parameters<PrismaClient["$transaction"]>[1]>;

/**
 * How long each kind of transaction may wait for a connection (`maxWait`) and run (`timeout`)
 * before it is abandoned, in milliseconds.
 */
export const TRANSACTION_LIMITS = {
  /** A command: a service, or an API request without an idempotency key. */
  command: { maxWait: 10_000, timeout: 20_000 },
  /** An API request with an idempotency key: the key's row and the command in one transaction. */
  idempotentRequest: { maxWait: 15_000, timeout: 30_000 },
  /** Counting and reserving a sign-in attempt, behind advisory locks on the account and client. */
  signInThrottle: { maxWait: 10_000, timeout: 10_000 },
  /** The CSV case import: a large file takes up to two minutes. */
  caseImport: { maxWait: 10_000, timeout: 120_000 },
  /** Rebuilding the dashboard's figure facts: one long statement, maybe behind another instance's. */
  figureFactRefresh: { maxWait: 60_000, timeout: 300_000 },
} as const satisfies Record<string, TransactionOptions>;

/**
 * Runs `work` in one new transaction on `client` with the limits of its kind (and, if given, an
 * isolation level). Anything thrown rolls back and is thrown on; use this for a transaction whose
 * rollback rule is its own (see transactionRollingBackRefusals for commands).
 */
export function inNewTransaction<T>(
  client: PrismaClient,
  limits: keyof typeof TRANSACTION_LIMITS,
  work: (tx: Tx) => Promise<T>,
  isolationLevel?: TransactionOptions["isolationLevel"],
): Promise<T> {
  return client.$transaction(work, { ...TRANSACTION_LIMITS[limits], ...(isolationLevel ? { isolationLevel } : {}) });
}

/**
 * True for an error that only says another transaction got there first: a serialisation failure,
 * a deadlock or a lock not had in time (lock_timeout). Such work may start again, or be given up.
 */
export const isWriteConflict = (error: unknown): boolean =>
  /P2034|40001|40P01|55P03|could not serialize|write conflict|deadlock|lock timeout/i.test(
    `${(error as { code?: string })?.code ?? ""} ${String((error as Error)?.message ?? error)}`,
  );

/** True for a service's refusal (`{ ok: false, … }`, a ServiceFailure). */
export const isRefusal = (value: unknown): boolean =>
  typeof value === "object" && value !== null && "ok" in value && (value as { ok: unknown }).ok === false;

/** Carries a refusal out of `$transaction`, so that the writes made before it roll back. */
class RefusalRollback {
  constructor(readonly result: unknown) {}
}

/**
 * Runs a command in one new transaction. A refusal it returns rolls back whatever it wrote first
 * and is returned as it is (not thrown); anything thrown rolls back and is thrown on.
 */
export async function transactionRollingBackRefusals<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await inNewTransaction(db, "command", async (tx) => {
      const result = await work(tx);
      if (isRefusal(result)) throw new RefusalRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RefusalRollback) return error.result as T;
    throw error;
  }
}

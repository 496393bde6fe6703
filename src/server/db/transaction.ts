import "server-only";
import { db } from "./client";
import type { Tx } from "./create-client";

// The one transaction helper for commands (docs/decisions/0080-one-result-and-transaction.md):
// services (src/server/services/transaction.ts) and the API wrapper (src/server/api/handler.ts)
// both run through it, so the rollback rule and the time limits are written once.

/** How long a command may wait for a connection, and run, before its transaction is abandoned. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** True for a service's refusal (`{ ok: false, … }`, a ServiceFailure). */
export const isRefusal = (value: unknown): boolean =>
  typeof value === "object" && value !== null && "ok" in value && (value as { ok: unknown }).ok === false;

/** Carries a refusal out of `$transaction`, so that the writes made before it roll back. */
class RefusalRollback {
  constructor(readonly result: unknown) {}
}

/**
 * Runs `work` in one new transaction. A refusal it returns rolls back whatever it wrote first and
 * is returned as it is (not thrown); anything thrown rolls back and is thrown on.
 */
export async function transactionRollingBackRefusals<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await work(tx);
      if (isRefusal(result)) throw new RefusalRollback(result);
      return result;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof RefusalRollback) return error.result as T;
    throw error;
  }
}

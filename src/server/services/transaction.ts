import "server-only";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/db/create-client";

/** Options every service command accepts. */
export type CommandOptions = {
  /** The calendar date the command acts on (defaults to today in Europe/London); tests pin it. */
  today?: string;
  /**
   * Run inside the caller's transaction. The API passes the transaction that reserved the
   * Idempotency-Key, so a retried write and its key commit or roll back together
   * (docs/decisions/0007-api-idempotency.md). Without it, the command opens its own.
   */
  tx?: Tx;
};

/** One command = one transaction: the caller's when given, else a new one. */
export function inTransaction<T>(options: CommandOptions | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (options?.tx) return work(options.tx);
  return db.$transaction(work, { maxWait: 10_000, timeout: 30_000 });
}

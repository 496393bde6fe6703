import "server-only";
import type { Tx } from "@/server/db/create-client";
import { transactionRollingBackRefusals } from "@/server/db/transaction";
import type { ServiceOptions } from "./context";
import type { CommandResult } from "./result";

/**
 * Runs one command in ONE transaction: the caller's (`options.tx`, e.g. the API wrapper's)
 * or a new one (src/server/db/transaction.ts). A refusal (`ok: false`) rolls back whatever the
 * command wrote first; in the caller's transaction the caller does that (the API wrapper rolls
 * back refusals).
 */
export async function inTransaction<T, R extends CommandResult<T> = CommandResult<T>>(
  options: ServiceOptions | undefined,
  command: (tx: Tx) => Promise<R>,
): Promise<R> {
  if (options?.tx) return command(options.tx);
  return transactionRollingBackRefusals(command);
}

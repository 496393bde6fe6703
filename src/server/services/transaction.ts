import "server-only";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/db/create-client";
import type { ServiceOptions } from "./context";
import type { CommandResult } from "./result";

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** Carries a refusal out of `$transaction` so its writes roll back. */
class Refused {
  constructor(readonly result: CommandResult<never>) {}
}

/**
 * Runs one command in ONE transaction: the caller's (`options.tx`, e.g. the API wrapper's)
 * or a new one. A refusal (`ok: false`) rolls back whatever the command wrote first; in the
 * caller's transaction the caller does that (the API wrapper rolls back refusals).
 */
export async function inTransaction<T, R extends CommandResult<T> = CommandResult<T>>(
  options: ServiceOptions | undefined,
  command: (tx: Tx) => Promise<R>,
): Promise<R> {
  if (options?.tx) return command(options.tx);
  try {
    return await db.$transaction(async (tx) => {
      const result = await command(tx);
      if (!result.ok) throw new Refused(result);
      return result;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof Refused) return error.result as R;
    throw error;
  }
}

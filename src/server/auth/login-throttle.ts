import type { PrismaClient } from "@/generated/prisma/client";
import { inNewTransaction } from "@/server/db/transaction";
import { env } from "@/server/env";

// Sign-in throttling that slows guessing without letting a stranger lock the real user out.
// Three limits, all counted in PostgreSQL (several app instances share them):
//  - per account and client pair: a few failures, then that client waits (a success clears it);
//  - per account from any client: a backstop that needs many more failures over a longer window;
//  - per client across all accounts: stops one password being sprayed over many accounts.
// Counting and recording happen under transaction-scoped advisory locks on the account and the
// client, so parallel guesses queue: the attempt is recorded as a failure BEFORE the password is
// checked and turned into a success afterwards. 20 parallel wrong passwords → at most the limit checked.

export type ThrottleSettings = {
  maxFailures: number;
  windowMinutes: number;
  accountMaxFailures: number;
  accountWindowMinutes: number;
  clientMaxFailures: number;
};

export const throttleSettings = (): ThrottleSettings => ({
  maxFailures: env().LOGIN_MAX_FAILURES,
  windowMinutes: env().LOGIN_WINDOW_MINUTES,
  accountMaxFailures: env().LOGIN_ACCOUNT_MAX_FAILURES,
  accountWindowMinutes: env().LOGIN_ACCOUNT_WINDOW_MINUTES,
  clientMaxFailures: env().LOGIN_CLIENT_MAX_FAILURES,
});

export type Reservation = { ok: true; attemptId: string } | { ok: false; retryAfterSeconds: number };

type Counts = { pair: bigint; account: bigint; client: bigint };

/** Counts recent failures and, when every limit allows, records this attempt as a failure to be settled. */
export async function reserveLoginAttempt(
  db: PrismaClient,
  input: { email: string; ip: string },
  settings: ThrottleSettings,
  now = new Date(),
): Promise<Reservation> {
  const windowStart = new Date(now.getTime() - settings.windowMinutes * 60_000);
  const accountWindowStart = new Date(now.getTime() - settings.accountWindowMinutes * 60_000);
  const checkClient = input.ip !== "unknown";
  return inNewTransaction(db, "signInThrottle", async (tx) => {
    // Always account first, then client: no two attempts can wait on each other in a cycle.
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`sign-in account ${input.email}`}, 0))`;
    if (checkClient)
      await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`sign-in client ${input.ip}`}, 0))`;
    const [counts] = await tx.$queryRaw<Counts[]>`
        SELECT
          (SELECT count(*) FROM "LoginAttempt" a
            WHERE a.email = ${input.email} AND a.ip = ${input.ip} AND NOT a.succeeded AND a."createdAt" >= ${windowStart}
              AND a."createdAt" > COALESCE((SELECT max(s."createdAt") FROM "LoginAttempt" s
                WHERE s.email = ${input.email} AND s.ip = ${input.ip} AND s.succeeded AND s."createdAt" >= ${windowStart}), '-infinity')) AS pair,
          (SELECT count(*) FROM "LoginAttempt" a
            WHERE a.email = ${input.email} AND NOT a.succeeded AND a."createdAt" >= ${accountWindowStart}) AS account,
          (SELECT count(*) FROM "LoginAttempt" a
            WHERE ${checkClient} AND a.ip = ${input.ip} AND NOT a.succeeded AND a."createdAt" >= ${windowStart}) AS client`;
    const pair = Number(counts?.pair ?? 0);
    const account = Number(counts?.account ?? 0);
    const client = Number(counts?.client ?? 0);
    if (account >= settings.accountMaxFailures)
      return { ok: false, retryAfterSeconds: settings.accountWindowMinutes * 60 };
    if (pair >= settings.maxFailures || client >= settings.clientMaxFailures)
      return { ok: false, retryAfterSeconds: settings.windowMinutes * 60 };
    const row = await tx.loginAttempt.create({
      data: { email: input.email, ip: input.ip, succeeded: false, createdAt: now },
      select: { id: true },
    });
    return { ok: true, attemptId: row.id };
  });
}

/** Marks a reserved attempt as a success once the password proved right. */
export async function settleLoginAttempt(db: PrismaClient, attemptId: string, succeeded: boolean): Promise<void> {
  if (succeeded)
    await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true }, select: { id: true } });
}

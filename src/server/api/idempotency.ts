import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import { inNewTransaction } from "@/server/db/transaction";
import { errorReply, statusForRefusal, type ApiReply } from "./api-error";

// Idempotent writes (docs/decisions/0007-api-idempotency.md). The key row is inserted first, in
// the same transaction as the handler's writes. PostgreSQL's unique (userId, key) index makes a
// concurrent retry's insert wait until the first transaction ends: if it committed, the retry
// replays the stored reply; if it rolled back, the retry runs as if it were first. So twenty
// identical retries write once, and a crash leaves no half-finished key behind.

const REPLAYED_HEADER = "idempotent-replayed";

export type IdempotentRequest = { userId: string; key: string; method: string; path: string; requestHash: string };

/** Carries a 400 out of the transaction so the key row rolls back with it. */
class NotStored {
  constructor(readonly reply: ApiReply) {}
}

/**
 * Input that fails validation (400) is not stored against the key, as Stripe does: nothing of
 * the request ran, so a corrected retry with the same key must run rather than replay the 400.
 * Refusals the command itself made (404, 409, 422) are stored and replayed.
 */
export async function runIdempotent(
  db: PrismaClient,
  request: IdempotentRequest,
  execute: (tx: Tx) => Promise<ApiReply>,
): Promise<ApiReply> {
  try {
    return await storedOnce(db, request, execute);
  } catch (error) {
    if (error instanceof NotStored) return error.reply;
    throw error;
  }
}

async function storedOnce(
  db: PrismaClient,
  request: IdempotentRequest,
  execute: (tx: Tx) => Promise<ApiReply>,
): Promise<ApiReply> {
  const where = { userId_key: { userId: request.userId, key: request.key } };
  return inNewTransaction(db, "idempotentRequest", async (tx) => {
    const { count } = await tx.idempotencyKey.createMany({
      // Status 0 is a placeholder no other transaction can see: it is replaced before commit.
      data: [{ ...request, responseStatus: 0, responseBody: {} }],
      skipDuplicates: true,
    });
    if (count === 0) {
      const stored = await tx.idempotencyKey.findUnique({
        where,
        select: { requestHash: true, responseStatus: true, responseBody: true },
      });
      if (!stored) throw new Error("Idempotency key conflicted but no committed row was found");
      if (stored.requestHash !== request.requestHash) {
        return errorReply(
          statusForRefusal("IDEMPOTENCY_KEY_REUSED"),
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was already used for a different request. Use a new key for each new change.",
        );
      }
      return { status: stored.responseStatus, body: stored.responseBody, headers: { [REPLAYED_HEADER]: "true" } };
    }
    const reply = await execute(tx);
    if (reply.status === 400) throw new NotStored(reply);
    // Send the body as stored (jsonb orders keys its own way), so a replay is byte-for-byte the first reply.
    const body = JSON.parse(JSON.stringify(reply.body ?? null)) as Prisma.InputJsonValue;
    const saved = await tx.idempotencyKey.update({
      where,
      data: { responseStatus: reply.status, responseBody: body },
      select: { responseBody: true },
    });
    return { ...reply, body: saved.responseBody };
  });
}

/**
 * Runs `fn` inside the idempotent transaction behind a savepoint, so a refusal (or an expected
 * error) undoes the handler's writes while the key row and its stored reply still commit.
 */
export async function withSavepoint<T>(
  tx: Tx,
  fn: (tx: Tx) => Promise<T>,
  isRefusal: (value: T) => boolean,
): Promise<T> {
  await tx.$executeRawUnsafe("SAVEPOINT api_handler");
  let result: T;
  try {
    result = await fn(tx);
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT api_handler");
    throw error;
  }
  await tx.$executeRawUnsafe(isRefusal(result) ? "ROLLBACK TO SAVEPOINT api_handler" : "RELEASE SAVEPOINT api_handler");
  return result;
}

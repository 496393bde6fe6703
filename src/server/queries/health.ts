import "server-only";
import { db } from "@/server/db/client";

/** Resolves when the database answers a trivial query; throws when it cannot be reached. */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

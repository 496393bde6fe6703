// The integration tests' Prisma client, on the fresh database the global setup made and
// migrated for this run (tests/support/integration-global-setup.ts). Call
// `afterAll(() => testDb.$disconnect())` in files that use it.
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/server/db/create-client";

/** URL of this run's test database. */
export function testDatabaseUrl(): string {
  const url = inject("databaseUrl");
  if (!url) throw new Error("No test database: run integration tests with `vitest --project integration`");
  return url;
}

export const testDb: PrismaClient = createPrismaClient(testDatabaseUrl(), { max: 5 });

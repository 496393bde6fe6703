// Vitest globalSetup for the "integration" project: one fresh, migrated database per run.
// Server: DATABASE_URL's when set (CI: the machine's PostgreSQL 15), else the embedded one
// (started here, or reused if already running). The database is `cp_test_<time>_<random>`,
// dropped in teardown unless KEEP_TEST_DB=1. Test files read its URL with
// `inject("databaseUrl")` (tests/support/db.ts); it is also put in process.env.DATABASE_URL
// before the workers start, for code that reads the environment (and DATABASE_REPLICA_URL, when
// set, is pointed at the same database on the replica server).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import {
  createDatabaseIfMissing,
  dropDatabase,
  uniqueDatabaseName,
  withDatabaseName,
} from "../../scripts/db/database-url";
import { applyMigrations } from "../../scripts/db/schema-engine";

export const TEST_DATABASE_PREFIX = "cp_test";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of this run's migrated test database. */
    databaseUrl: string;
  }
}

async function startServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) return { serverUrl: fromEnv, stop: async () => {} };
  const { startEmbeddedPostgres } = await import("../../scripts/db/embedded-postgres");
  const server = await startEmbeddedPostgres();
  return { serverUrl: server.url, stop: server.stop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { serverUrl, stop } = await startServer();
  const name = uniqueDatabaseName(TEST_DATABASE_PREFIX);
  const databaseUrl = withDatabaseName(serverUrl, name);
  try {
    await createDatabaseIfMissing(serverUrl, name);
    await applyMigrations(databaseUrl);
  } catch (error) {
    await dropDatabase(serverUrl, name, `${TEST_DATABASE_PREFIX}_`).catch(() => {});
    await stop();
    throw error;
  }
  project.provide("databaseUrl", databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  // The CRNs the factories hand out, reserved one file each, so no two test files share one (factories.ts).
  const crnFolder = mkdtempSync(path.join(tmpdir(), "cp-test-crns-"));
  process.env.CP_TEST_CRN_DIR = crnFolder;
  // A streaming standby of the server (scripts/test/streaming-replica.sh) has the new database
  // too: point DATABASE_REPLICA_URL at it there, for tests/integration/read-replica.test.ts.
  const replicaServer = process.env.DATABASE_REPLICA_URL?.trim();
  if (replicaServer) process.env.DATABASE_REPLICA_URL = withDatabaseName(replicaServer, name);

  return async () => {
    try {
      if (process.env.KEEP_TEST_DB === "1") console.log(`KEEP_TEST_DB=1: kept ${databaseUrl}`);
      else await dropDatabase(serverUrl, name, `${TEST_DATABASE_PREFIX}_`);
    } finally {
      rmSync(crnFolder, { recursive: true, force: true });
      await stop();
    }
  };
}

// Issue 18: a first run stopped while a migration was being applied leaves that migration's row
// started but unfinished (its SQL was rolled back with the transaction). The next demo run marks
// it rolled back and applies the migrations again; the schema ends up complete.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  createDatabaseIfMissing,
  dropDatabase,
  uniqueDatabaseName,
  withDatabaseName,
} from "../../scripts/db/database-url";
import { applyMigrationsResumingInterrupted, unfinishedMigrations } from "../../scripts/db/interrupted-migrations";
import { applyMigrations, readMigrationList } from "../../scripts/db/schema-engine";
import { testDatabaseUrl } from "../support/db";

const server = testDatabaseUrl();
const name = uniqueDatabaseName("cp_test_interrupted");
const url = withDatabaseName(server, name);
afterAll(() => dropDatabase(server, name, "cp_test_"));

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe("a migration interrupted on the first run", () => {
  it("is rolled back and applied again on the next run", async () => {
    await createDatabaseIfMissing(server, name);
    const first = (await readMigrationList()).migrationDirectories[0]!;
    // _prisma_migrations as the engine makes it, with the first migration started, never finished.
    await sql(`CREATE TABLE _prisma_migrations (
      id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL,
      logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
    await sql("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)", [
      randomUUID(),
      "0".repeat(64),
      first.path,
    ]);

    expect(await unfinishedMigrations(url)).toHaveLength(1);
    await expect(applyMigrations(url)).rejects.toThrow(); // what the engine does on its own

    const { applied, resumed } = await applyMigrationsResumingInterrupted(url);
    expect(resumed).toHaveLength(1);
    expect(applied.length).toBe((await readMigrationList()).migrationDirectories.length);
    expect(await unfinishedMigrations(url)).toEqual([]);
    const tables = await sql<{ n: string }>(
      "SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'User'",
    );
    expect(tables[0]!.n).toBe("1");
  });
});

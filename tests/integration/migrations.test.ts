// Guards the offline migration tooling (docs/decisions/0002-offline-migrations.md):
// prisma/migrations must build exactly prisma/schema.prisma, and applying is idempotent.
import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import {
  createDatabaseIfMissing,
  dropDatabase,
  uniqueDatabaseName,
  withDatabaseName,
} from "../../scripts/db/database-url";
import {
  MIGRATIONS_DIR,
  applyMigrations,
  diffDatabaseToSchema,
  diffMigrationsToSchema,
} from "../../scripts/db/schema-engine";
import { testDatabaseUrl } from "../support/db";

const PREFIX = "cp_test_migrations";
const emptyDatabaseName = uniqueDatabaseName(PREFIX);
const emptyDatabaseUrl = withDatabaseName(testDatabaseUrl(), emptyDatabaseName);

async function countRecordedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      "SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    return Number(result.rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe("database migrations", () => {
  afterAll(async () => {
    if (process.env.KEEP_TEST_DB !== "1") await dropDatabase(testDatabaseUrl(), emptyDatabaseName, PREFIX);
  });

  it("prisma/migrations already contains every change in schema.prisma (else: npm run db:migration:new)", async () => {
    expect(await diffMigrationsToSchema(testDatabaseUrl())).toBe("");
  });

  it("migrating an empty database gives exactly schema.prisma", async () => {
    const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(migrationNames.length).toBeGreaterThan(0);

    await createDatabaseIfMissing(testDatabaseUrl(), emptyDatabaseName);
    const { applied } = await applyMigrations(emptyDatabaseUrl);

    expect(applied).toEqual(migrationNames);
    expect(await diffDatabaseToSchema(emptyDatabaseUrl)).toBe("");
  });

  it("applying the migrations a second time changes nothing", async () => {
    const recordedBefore = await countRecordedMigrations(emptyDatabaseUrl);

    const { applied } = await applyMigrations(emptyDatabaseUrl);

    expect(applied).toEqual([]);
    expect(await countRecordedMigrations(emptyDatabaseUrl)).toBe(recordedBefore);
    expect(await diffDatabaseToSchema(emptyDatabaseUrl)).toBe("");
  });

  it("the run's shared test database was migrated by the global setup", async () => {
    expect(await diffDatabaseToSchema(testDatabaseUrl())).toBe("");
  });
});

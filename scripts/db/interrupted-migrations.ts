// A first run stopped (Ctrl+C) while a migration was being applied. Each migration's SQL goes
// to PostgreSQL as one script, which PostgreSQL runs as a single transaction, so the stop rolled
// the migration's changes back; only its row in _prisma_migrations stays, started and never
// finished, and the engine then refuses to go on ("failed migrations", P3009). For the embedded
// demo database we mark such rows rolled back (what `prisma migrate resolve --rolled-back`
// does) and apply the migrations again. A database in DATABASE_URL is never changed this way.
import pg from "pg";
import { applyMigrations } from "./schema-engine";

/** Names of migrations recorded as started but neither finished nor rolled back. */
export async function unfinishedMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') AS t");
    if (!table.rows[0]?.t) return [];
    const rows = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at",
    );
    return rows.rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}

/** Applies the migrations, first marking interrupted ones rolled back. Returns what it did. */
export async function applyMigrationsResumingInterrupted(
  databaseUrl: string,
): Promise<{ applied: string[]; resumed: string[] }> {
  const resumed = await unfinishedMigrations(databaseUrl);
  if (resumed.length) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(
        "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL AND rolled_back_at IS NULL",
      );
    } finally {
      await client.end();
    }
  }
  const { applied } = await applyMigrations(databaseUrl);
  return { applied, resumed };
}

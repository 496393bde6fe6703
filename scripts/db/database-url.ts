// Where the database is: DATABASE_URL when it is set (CI, the machine's PostgreSQL 15),
// otherwise an embedded PostgreSQL under <repo>/.data/postgres (docs/decisions/0003).
// Also the few server-level helpers the migration tooling and the test harness share.
import pg from "pg";

export type ResolvedDatabase = {
  /** postgresql:// URL of a database that exists. */
  url: string;
  /** Stops the embedded server if this process started it; a no-op otherwise. Safe to call twice. */
  stop: () => Promise<void>;
  /** Immediate stop of an embedded server this process started (a second Ctrl+C); a no-op otherwise. */
  kill: () => void;
  /** The embedded server's data folder; undefined with DATABASE_URL. */
  dataDir?: string;
};

export const DEFAULT_DATABASE_NAME = "community_payback";

/** Returns `url` pointing at database `name` on the same server, same credentials. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** The database a URL names (PostgreSQL defaults it to the user name when absent). */
export function databaseNameOf(url: string): string {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  return name || decodeURIComponent(parsed.username) || "postgres";
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `work` on a single connection to the server's `postgres` maintenance database. */
async function withMaintenanceClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server of `serverUrl` unless it exists. Returns true if it created it. */
export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<boolean> {
  return withMaintenanceClient(serverUrl, async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return true;
    } catch (error) {
      // Two processes racing to create the same database: the loser sees 42P04 (or 23505 on
      // pg_database's unique index). Either way the database now exists, which is all we want.
      const code = (error as { code?: string }).code;
      if (code === "42P04" || code === "23505") return false;
      throw error;
    }
  });
}

/**
 * Drops database `name` (closing its connections). Refuses the maintenance databases and
 * anything not matching `allowedPrefix`, so a wrong argument can never drop the app's data.
 */
export async function dropDatabase(serverUrl: string, name: string, allowedPrefix: string): Promise<void> {
  if (!name.startsWith(allowedPrefix) || ["postgres", "template0", "template1"].includes(name)) {
    throw new Error(
      `Refusing to drop database "${name}": only "${allowedPrefix}*" databases are dropped by this tooling`,
    );
  }
  await withMaintenanceClient(serverUrl, async (client) => {
    // WITH (FORCE) needs PostgreSQL 13+; we run 15 (machine) and 18 (embedded).
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
}

/** A database name nobody else will pick: `<prefix>_<yyyymmddhhmmss>_<random>`, lower case. */
export function uniqueDatabaseName(prefix: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, "")
    .slice(0, 14);
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}_${stamp}_${random}`;
}

/**
 * The app's database. With DATABASE_URL set, makes sure its database exists and uses it.
 * Without, starts (or reuses) the embedded server and its `community_payback` database.
 */
export async function resolveDatabaseUrl(): Promise<ResolvedDatabase> {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) {
    await createDatabaseIfMissing(fromEnv, databaseNameOf(fromEnv));
    return { url: fromEnv, stop: async () => {}, kill: () => {} };
  }
  // Imported lazily: it installs a process exit hook as soon as it is loaded.
  const { startEmbeddedPostgres } = await import("./embedded-postgres");
  const server = await startEmbeddedPostgres();
  try {
    await createDatabaseIfMissing(server.url, DEFAULT_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: withDatabaseName(server.url, DEFAULT_DATABASE_NAME),
    stop: server.stop,
    kill: server.kill,
    dataDir: server.dataDir,
  };
}

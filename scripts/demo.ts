/**
 * Command 1 of the README: `npm install && npm run demo`.
 * Starts (or reuses) the database — embedded PostgreSQL under .data/ when DATABASE_URL is
 * unset — applies the committed migrations, seeds reference data and the demo once, builds
 * the app when the build is missing or stale, serves it, and prints the demo sign-ins.
 */
import { resolveDatabaseUrl } from "./db/database-url";
import { applyMigrations } from "./db/schema-engine";
import { createPrismaClient } from "../src/server/db/create-client";
import { seed } from "../prisma/seed/index";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../prisma/seed/demo-users";
import { buildApp, buildIsStale, generatePrismaClient, loadOrCreateAuthSecret, startApp, waitForHealthy } from "./lib/app-server";
import { scriptEnv } from "../src/server/env";

async function main(): Promise<void> {
  const port = scriptEnv().PORT;
  const usingExternal = Boolean(process.env.DATABASE_URL);
  console.log(usingExternal ? "Using the PostgreSQL server in DATABASE_URL." : "No DATABASE_URL: starting embedded PostgreSQL (data in .data/postgres)…");
  const database = await resolveDatabaseUrl();

  const { applied } = await applyMigrations(database.url);
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");

  const prisma = createPrismaClient(database.url, { max: 4 });
  try {
    const result = await seed(prisma, { demo: true });
    console.log(result.demoSeeded ? "Seeded the demo data." : "Demo data already present (seeded once; use `npm run db:seed -- --demo --reset` to start again).");
  } finally {
    await prisma.$disconnect();
  }

  generatePrismaClient();
  if (process.env.SKIP_BUILD !== "1" && buildIsStale()) buildApp();

  const secret = loadOrCreateAuthSecret();
  const app = startApp({ port, databaseUrl: database.url, secret });
  const url = `http://localhost:${port}`;

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  app.on("exit", (code) => void stop(code ?? 1));

  await waitForHealthy(url);
  console.log(`
  Community Payback is running at ${url}

  Demo sign-ins (password for all: ${DEMO_PASSWORD})
${DEMO_SIGN_INS.map((s) => `    ${s.email.padEnd(28)} ${s.description}`).join("\n")}

  Press Ctrl+C to stop.
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

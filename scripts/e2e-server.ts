/**
 * The server Playwright starts (playwright.config.ts → webServer): a FRESH database on the
 * test server (DATABASE_URL's, or embedded), migrated and seeded with the demo, and the
 * production build serving on E2E_PORT. The database is dropped when Playwright stops us.
 */
import {
  createDatabaseIfMissing,
  dropDatabase,
  resolveDatabaseUrl,
  uniqueDatabaseName,
  withDatabaseName,
} from "./db/database-url";
import { applyMigrations } from "./db/schema-engine";
import { createPrismaClient } from "../src/server/db/create-client";
import { seed } from "../prisma/seed/index";
import { buildApp, buildIsStale, generatePrismaClient, startApp } from "./lib/app-server";
import { scriptEnv } from "../src/server/env";

async function main(): Promise<void> {
  const port = scriptEnv().E2E_PORT;
  const server = await resolveDatabaseUrl();
  const name = uniqueDatabaseName("cp_e2e");
  await createDatabaseIfMissing(server.url, name);
  const fresh = { name, url: withDatabaseName(server.url, name) };
  await applyMigrations(fresh.url);
  const prisma = createPrismaClient(fresh.url, { max: 4 });
  try {
    await seed(prisma, { demo: true });
  } finally {
    await prisma.$disconnect();
  }
  generatePrismaClient();
  if (buildIsStale()) buildApp();

  const app = startApp({ port, databaseUrl: fresh.url, secret: "e2e-secret-0123456789abcdef", quiet: false });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (process.env.KEEP_TEST_DB !== "1") await dropDatabase(server.url, fresh.name, "cp_e2e_").catch(() => undefined);
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  app.on("exit", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** `npm run dev`: like the demo, but the Next.js development server with hot reload. */
import { spawn } from "node:child_process";
import path from "node:path";
import { resolveDatabaseUrl } from "./db/database-url";
import { applyMigrations } from "./db/schema-engine";
import { createPrismaClient } from "../src/server/db/create-client";
import { seed } from "../prisma/seed/index";
import { generatePrismaClient, loadOrCreateAuthSecret, repoRoot } from "./lib/app-server";
import { scriptEnv } from "../src/server/env";

async function main(): Promise<void> {
  const port = scriptEnv().PORT;
  const database = await resolveDatabaseUrl();
  await applyMigrations(database.url);
  const prisma = createPrismaClient(database.url, { max: 4 });
  await seed(prisma, { demo: true }).finally(() => prisma.$disconnect());
  generatePrismaClient();
  const child = spawn(process.execPath, [path.join(repoRoot, "node_modules", "next", "dist", "bin", "next"), "dev", "-p", String(port)], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: loadOrCreateAuthSecret(), NEXTAUTH_URL: `http://localhost:${port}` },
  });
  const stop = async () => {
    child.kill("SIGTERM");
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// What `npm run demo` and `npm run dev` share: database (embedded or DATABASE_URL) →
// migrations → seed → (demo: build when stale) → our web server, with one stop for all of it
// (scripts/lib/shutdown.ts). Everything runs in this one process except PostgreSQL and the build.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { resolveDatabaseUrl, type ResolvedDatabase } from "../db/database-url";
import { applyMigrationsResumingInterrupted } from "../db/interrupted-migrations";
import { applyMigrations } from "../db/schema-engine";
import { createPrismaClient } from "../../src/server/db/create-client";
import { seed } from "../../prisma/seed/index";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../../prisma/seed/demo-users";
import { buildIsStale, generatePrismaClient, loadOrCreateAuthSecret, repoRoot } from "./app-server";
import { buildServiceWorker } from "./build-service-worker";
import { FirstRunProblem, assertPortFree, explainFailure, isDiskFull, portFromEnvironment } from "./first-run";
import { handleStopSignals, requestStop, stopRequested } from "./shutdown";
import { startWebServer, type WebServer } from "./web-server";

type Mode = "demo" | "dev";

let database: ResolvedDatabase | undefined;
let web: WebServer | undefined;
let build: ChildProcess | undefined;

function stopBuild(signal: NodeJS.Signals): void {
  if (build?.pid && build.exitCode === null) {
    try {
      process.kill(-build.pid, signal); // the build runs in its own process group, with its workers
    } catch {
      // already gone
    }
  }
}

/** `next build` in its own process group, so a stop can end it and every worker it started. */
function buildAppAsync(): Promise<void> {
  console.log("Building the app (about a minute on two cores)…");
  // Before next build, so public/sw.js is older than .next/BUILD_ID (see buildIsStale).
  buildServiceWorker();
  return new Promise((resolve, reject) => {
    build = spawn(process.execPath, [path.join(repoRoot, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: repoRoot,
      stdio: "inherit",
      detached: true,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        // The build renders no page that needs the database, but the env module is validated at import.
        DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build@127.0.0.1:1/build",
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "build-time-secret-not-used-at-run-time",
      },
    });
    build.once("error", reject);
    build.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(signal ? `next build stopped (${signal})` : "next build failed")),
    );
  });
}

async function migrate(url: string): Promise<void> {
  try {
    // The embedded database is the demo's own: a migration interrupted on the first run is resumed.
    const { applied, resumed } = database?.dataDir
      ? await applyMigrationsResumingInterrupted(url)
      : { ...(await applyMigrations(url)), resumed: [] };
    if (resumed.length)
      console.log(
        `The last run stopped while applying ${resumed.join(", ")}; it was rolled back and is applied again.`,
      );
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  } catch (error) {
    if (stopRequested() || isDiskFull(error)) throw error;
    const reset = database?.dataDir
      ? `Delete the embedded database to start again with fresh demo data (stop the app first): rm -rf "${database.dataDir}"`
      : "Check DATABASE_URL, or point it at an empty database.";
    throw new FirstRunProblem(
      `The database's migrations do not match this version of the app (${explainFailure(error).split("\n")[0]}). ${reset}`,
    );
  }
}

export async function runApp(mode: Mode): Promise<void> {
  handleStopSignals({
    stop: async () => {
      stopBuild("SIGTERM");
      await web?.stop();
      await database?.stop();
    },
    force: () => {
      stopBuild("SIGKILL");
      database?.kill();
    },
  });

  try {
    const port = portFromEnvironment("PORT", 3000);
    const hostname = "127.0.0.1";
    const command = `npm run ${mode}`;
    await assertPortFree(port, hostname, "the web server", "PORT", command);

    console.log(
      process.env.DATABASE_URL
        ? "Using the PostgreSQL server in DATABASE_URL."
        : "No DATABASE_URL: starting the embedded PostgreSQL…",
    );
    database = await resolveDatabaseUrl();
    if (database.dataDir) console.log(`Embedded PostgreSQL data: ${database.dataDir}`);
    if (stopRequested()) return;

    await migrate(database.url);
    const prisma = createPrismaClient(database.url, { max: 4 });
    try {
      // The demo data goes in one transaction: an interrupted first run leaves none of it.
      const result = await seed(prisma, { demo: true });
      console.log(
        result.demoSeeded
          ? "Seeded the demo data."
          : "Demo data already present (seeded once; use `npm run db:seed -- --demo --reset` to start again).",
      );
    } finally {
      await prisma.$disconnect();
    }
    if (stopRequested()) return;

    generatePrismaClient();
    if (mode === "demo" && process.env.SKIP_BUILD !== "1" && buildIsStale()) await buildAppAsync();
    if (stopRequested()) return;

    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET = loadOrCreateAuthSecret();
    process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
    web = await startWebServer({ dev: mode === "dev", port, hostname, dir: repoRoot, command });
    if (stopRequested()) return;

    const url = `http://localhost:${port}`;
    console.log(`
  Community Payback is running at ${url}${mode === "dev" ? " (development server, reloads on change)" : ""}

  Demo sign-ins (password for all: ${DEMO_PASSWORD})
${DEMO_SIGN_INS.map((s) => `    ${s.email.padEnd(28)} ${s.description}`).join("\n")}

  Press Ctrl+C to stop.
`);
  } catch (error) {
    // A stop during start-up ends pending work (its connections close); that is not a failure.
    if (stopRequested()) return;
    console.error(explainFailure(error));
    await requestStop("", 1);
  }
}

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { buildServiceWorker, serviceWorkerOutput } from "./build-service-worker";

export const repoRoot = path.resolve(__dirname, "..", "..");
const nextBin = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");

/** Runs `prisma generate` with the stub engine (the CLI's native engine cannot be downloaded here). */
export function generatePrismaClient(): void {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, "node_modules", "prisma", "build", "index.js"), "generate"],
    {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(repoRoot, "scripts", "prisma-engine-stub.sh"),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    },
  );
  if (result.status !== 0) throw new Error("prisma generate failed");
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build, or a source file changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(repoRoot, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  if (!existsSync(serviceWorkerOutput)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "src",
    "public",
    "prisma/schema.prisma",
    "next.config.ts",
    "proxy.ts",
    "instrumentation.ts",
    "package-lock.json",
  ].map((p) => path.join(repoRoot, p));
  return sources.some((p) =>
    existsSync(p) ? (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) > builtAt : false,
  );
}

export function buildApp(): void {
  console.log("Building the app (about a minute on two cores)…");
  // Before next build, so public/sw.js is older than .next/BUILD_ID (see buildIsStale).
  buildServiceWorker();
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: repoRoot,
    stdio: "inherit",
    // The build renders no page that needs the database, but the env module is validated at import.
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build@127.0.0.1:1/build",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "build-time-secret-not-used-at-run-time",
    },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

/** A stable secret for signed sessions, made once per installation and kept in .data/. */
export function loadOrCreateAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const dir = path.join(repoRoot, ".data");
  const file = path.join(dir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function startApp(options: {
  port: number;
  databaseUrl: string;
  secret: string;
  quiet?: boolean;
}): ChildProcess {
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: repoRoot,
    stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${options.port}`,
    },
  });
  return child;
}

export async function waitForHealthy(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not become healthy at ${url} within ${timeoutMs / 1000}s`);
}

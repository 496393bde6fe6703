// First-run problems a newcomer can meet, each turned into one plain sentence that says what
// to do (never a stack trace): a port already taken, a full disk, a folder PostgreSQL's own
// user cannot reach. See docs/decisions/0045-first-run-messages.md.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";

/** A problem we can explain. The scripts print only its message and exit with code 1. */
export class FirstRunProblem extends Error {
  override name = "FirstRunProblem";
}

/** The port in environment variable `variable` (default `fallback`), or a FirstRunProblem naming it. */
export function portFromEnvironment(variable: string, fallback: number): number {
  const raw = process.env[variable]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new FirstRunProblem(`${variable} must be a port number from 1 to 65535, got "${raw}".`);
  return port;
}

/** "node (process 1234: node scripts/demo.ts)" for whatever listens on the TCP port, or undefined. */
export function portHolder(port: number): string | undefined {
  const result = spawnSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  if (result.status !== 0 || !result.stdout) return undefined;
  const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(result.stdout);
  if (!match) return result.stdout.trim() ? "another program (run as another user)" : undefined;
  const [, name, pid] = match;
  let command = "";
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    // the process ended meanwhile, or /proc is not readable
  }
  if (command.length > 100) command = `${command.slice(0, 97)}…`;
  return `${name} (process ${pid}${command ? `: ${command}` : ""})`;
}

/** Resolves true when nothing listens on host:port (we could bind it), false when taken. */
export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(false);
      else reject(error);
    });
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen({ port, host, exclusive: true });
  });
}

async function nextFreePort(from: number, host: string): Promise<number | undefined> {
  for (let port = from + 1; port < Math.min(from + 50, 65536); port++) if (await portIsFree(port, host)) return port;
  return undefined;
}

/**
 * Stops with one sentence when the port is taken: who holds it, and the next free port.
 * `variable` is the environment variable that moves it (PORT, EMBEDDED_PG_PORT).
 */
export async function assertPortFree(
  port: number,
  host: string,
  what: string,
  variable: string,
  command: string,
): Promise<void> {
  if (await portIsFree(port, host)) return;
  const holder = portHolder(port);
  const free = await nextFreePort(port, host);
  throw new FirstRunProblem(
    `Port ${port} (${what}) is already in use${holder ? ` by ${holder}` : ""}. ` +
      `Stop that program, or choose another port${free ? `, for example: ${variable}=${free} ${command}` : ` with ${variable}=<port>`}.`,
  );
}

/** True when an error (or PostgreSQL's message) says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return (
    code === "ENOSPC" ||
    code === "53100" ||
    /no space left on device|could not extend file/i.test(String(message ?? error))
  );
}

/**
 * What to print when a start script fails: the message of a problem we understand, a plain
 * sentence for a full disk, otherwise the error's message (the stack only with DEBUG=1).
 */
export function explainFailure(error: unknown): string {
  if (error instanceof FirstRunProblem) return error.message;
  if (isDiskFull(error))
    return "The disk is full (no space left on device). Free some space and run the command again; nothing half-done is kept.";
  if (process.env.DEBUG === "1" && error instanceof Error && error.stack) return error.stack;
  return error instanceof Error ? error.message : String(error);
}

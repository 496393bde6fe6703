// Issue 17: a request in flight when SIGTERM arrives completes; the health check says
// STOPPING while draining; new connections are refused; the stop hooks run after the
// requests (worker, then database pool); the process exits 0 well within 10 seconds.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function get(port: number, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
}

function startServer(port: number, slowMs: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/support/slow-web-server.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SLOW_MS: String(slowMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stdout!.on("data", () => {
      if (output.includes("listening on")) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.once("exit", () => reject(new Error(`server exited: ${output}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );
}

let running: ChildProcess | undefined;
afterEach(() => {
  if (running && running.exitCode === null) running.kill("SIGKILL");
});

describe("stopping the web server (SIGTERM)", () => {
  it("finishes the request in flight, reports STOPPING, refuses new connections, then runs the stop hooks in order", async () => {
    const port = 36000 + Math.floor(Math.random() * 2000);
    const { child, output } = await startServer(port, 2_000);
    running = child;
    expect((await get(port, "/health")).status).toBe(200);

    // A keep-alive connection opened before the signal: the health check on it says STOPPING.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await new Promise<void>((resolve, reject) =>
      http
        .get({ host: "127.0.0.1", port, path: "/health", agent }, (res) => res.resume().on("end", resolve))
        .on("error", reject),
    );

    const inFlight = get(port, "/slow");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));

    const healthWhileDraining = await new Promise<number>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port, path: "/health", agent }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", () => resolve(-1)); // the idle keep-alive connection may already be closed
    });
    expect([503, -1]).toContain(healthWhileDraining);
    await expect(get(port, "/health")).rejects.toMatchObject({ code: "ECONNREFUSED" });

    expect(await inFlight).toEqual({ status: 200, body: "finished" });
    expect(await exited(child)).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(output()).toContain("stop order: request finished, worker stopped, pool closed");
    agent.destroy();
  });

  it("a second signal forces the stop without waiting for the request", async () => {
    const port = 38000 + Math.floor(Math.random() * 2000);
    const { child } = await startServer(port, 20_000);
    running = child;
    const inFlight = get(port, "/slow").catch((error: NodeJS.ErrnoException) => error.code);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // a repeat within a second is the same Ctrl+C
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(1);
    expect(Date.now() - signalledAt).toBeLessThan(3_000);
    expect(await inFlight).toBe("ECONNRESET");
  });
});

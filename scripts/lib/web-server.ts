// The web server every start path uses (demo, dev, `npm start`): Next.js behind our own
// http.Server, so that stopping is ours to do well (docs/decisions/0044-stopping.md):
//   1. mark the process "stopping" (the health check answers 503 STOPPING);
//   2. optionally keep serving for SHUTDOWN_DELAY_SECONDS so a load balancer notices;
//   3. stop accepting connections and let requests in flight finish (bounded);
//   4. close Next.js, then run the app's stop hooks (workers, then the database pool).
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { markStopping, runStopHooks } from "../../src/server/lifecycle";
import { assertPortFree } from "./first-run";

export type WebServer = {
  url: string;
  /** How many requests are being answered right now. */
  inFlight: () => number;
  /** Drains and stops (idempotent); resolves when everything is closed. */
  stop: (options?: { drainMs?: number }) => Promise<void>;
};

export type WebServerOptions = {
  dev: boolean;
  port: number;
  hostname: string;
  dir: string;
  /** The command to suggest with another port when `port` is taken. */
  command: string;
  /** What answers requests; Next.js unless a test passes something else. */
  app?: (server: http.Server) => Promise<RequestHandlerApp>;
};

/** What the server wraps: a request handler and how to close it. */
export type RequestHandlerApp = {
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  close: () => Promise<void>;
};

/** Seconds to keep answering (health: STOPPING) before closing, for load balancers; default 0. */
export function shutdownDelayMs(): number {
  const seconds = Number(process.env.SHUTDOWN_DELAY_SECONDS ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 0;
}

async function nextApp(options: WebServerOptions, server: http.Server): Promise<RequestHandlerApp> {
  // Next reads NODE_ENV when it loads React and its own server: set it before importing.
  (process.env as Record<string, string>).NODE_ENV = options.dev ? "development" : "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const { default: createNext } = await import("next");
  const app = createNext({
    dev: options.dev,
    dir: options.dir,
    hostname: options.hostname,
    port: options.port,
    httpServer: server,
    ...(options.dev ? { turbopack: true } : {}),
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return { handle: (req, res) => handle(req, res), close: () => app.close() };
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  await assertPortFree(options.port, options.hostname, "the web server", "PORT", options.command);

  let active = 0;
  let stopping = false;
  const sockets = new Set<Socket>();
  const server = http.createServer();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const app = await (options.app ? options.app(server) : nextApp(options, server));

  server.on("request", (req, res) => {
    active++;
    res.once("close", () => active--);
    // While draining, answer what arrived on an open connection, then close that connection.
    if (stopping) res.setHeader("connection", "close");
    app.handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.hostname === "0.0.0.0" || options.hostname === "::" ? "localhost" : options.hostname}:${address.port}`;

  let stopped: Promise<void> | undefined;
  const stop = ({ drainMs = 7_000 }: { drainMs?: number } = {}) =>
    (stopped ??= (async () => {
      stopping = true;
      markStopping();
      const delay = shutdownDelayMs();
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      // Stop accepting; close idle keep-alive connections; wait for requests in flight.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + drainMs;
      while (active > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        server.closeIdleConnections();
      }
      if (active > 0)
        console.error(`Stopping: ${active} request(s) still running after ${drainMs / 1000} s were cut off.`);
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
      // Next's own close (the development server may write its compile cache) gets 3 s, so
      // that the pool and the database still stop gracefully within the 10-second budget.
      await Promise.race([
        app.close().catch((error: unknown) => console.error(error)),
        new Promise((resolve) => setTimeout(resolve, 3_000).unref()),
      ]);
      const problems = await runStopHooks(2_000);
      if (problems.length) console.error(`Stopping: ${problems.join("; ")}.`);
    })());

  return { url, inFlight: () => active, stop };
}

// A start script like `npm start`, but answering with a slow handler instead of Next.js, for
// tests/integration/graceful-stop.test.ts: the same web server, signal handling and stop hooks.
//   GET /slow   → waits SLOW_MS (default 1500), then 200 "finished"
//   GET /health → 200 UP, or 503 STOPPING while draining (as app/api/health does)
import { isStopping, onStop } from "../../src/server/lifecycle";
import { handleStopSignals, stopRequested } from "../../scripts/lib/shutdown";
import { startWebServer, type WebServer } from "../../scripts/lib/web-server";

let web: WebServer | undefined;
const events: string[] = [];

async function main(): Promise<void> {
  handleStopSignals({ stop: async () => void (await web?.stop()), force: () => {} });
  const slowMs = Number(process.env.SLOW_MS ?? 1500);
  // A worker and a pool, to prove the order: requests finish, then the worker, then the pool.
  onStop("job worker", async () => void events.push("worker stopped"), "drain");
  onStop(
    "database pool",
    async () => {
      events.push("pool closed");
      console.log(`stop order: ${events.join(", ")}`);
    },
    "close",
  );
  web = await startWebServer({
    dev: false,
    port: Number(process.env.PORT),
    hostname: "127.0.0.1",
    dir: process.cwd(),
    command: "test",
    app: async () => ({
      handle: async (req, res) => {
        if (req.url === "/health") {
          res
            .writeHead(isStopping() ? 503 : 200, { "content-type": "application/json" })
            .end(JSON.stringify({ status: isStopping() ? "STOPPING" : "UP" }));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, slowMs));
        events.push("request finished");
        res.writeHead(200, { "content-type": "text/plain" }).end("finished");
      },
      close: async () => {},
    }),
  });
  if (!stopRequested()) console.log(`listening on ${web.url}`);
}

void main();

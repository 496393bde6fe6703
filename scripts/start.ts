/**
 * `npm start`: the production server for a built app (`npm run build`), configured only by the
 * environment (DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL, PORT, HOST). It neither
 * migrates nor seeds (run `npm run db:migrate` when deploying). SIGTERM or SIGINT drains it:
 * the health check answers 503 STOPPING, requests in flight finish, the database pool closes
 * (docs/decisions/0044-stopping.md).
 */
import { repoRoot } from "./lib/app-server";
import { explainFailure, portFromEnvironment } from "./lib/first-run";
import { handleStopSignals, requestStop, stopRequested } from "./lib/shutdown";
import { startWebServer, type WebServer } from "./lib/web-server";

let web: WebServer | undefined;

async function main(): Promise<void> {
  handleStopSignals({ stop: async () => void (await web?.stop()), force: () => {} });
  const port = portFromEnvironment("PORT", 3000);
  const hostname = process.env.HOST || "0.0.0.0";
  web = await startWebServer({ dev: false, port, hostname, dir: repoRoot, command: "npm start" });
  if (stopRequested()) return;
  console.log(`Community Payback is serving on ${hostname}:${port} (SIGTERM or Ctrl+C stops it gracefully).`);
}

main().catch(async (error: unknown) => {
  if (stopRequested()) return;
  console.error(explainFailure(error));
  await requestStop("", 1);
});

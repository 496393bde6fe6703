import { buildSync } from "esbuild";
import path from "node:path";

// Bundles the supervisors' service worker (src/ui/offline/service-worker.ts, Serwist + the outbox
// core) into public/sw.js. It runs before `next build` (npm run build, buildApp in app-server.ts),
// so the build's own staleness check sees public/ older than .next/BUILD_ID. public/sw.js is
// generated: it is not committed (.gitignore).

const repoRoot = path.resolve(__dirname, "..", "..");
export const serviceWorkerSource = path.join(repoRoot, "src", "ui", "offline", "service-worker.ts");
export const serviceWorkerOutput = path.join(repoRoot, "public", "sw.js");

export function buildServiceWorker(): void {
  buildSync({
    entryPoints: [serviceWorkerSource],
    outfile: serviceWorkerOutput,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "safari15", "firefox100"],
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    logLevel: "warning",
  });
}

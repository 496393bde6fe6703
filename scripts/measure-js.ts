import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { brotliCompressSync, gzipSync } from "node:zlib";

/**
 * npm run measure:js [-- <route>]  (default /my-sessions/[id], the supervisor's roster)
 *
 * Issue 5 item 6: the roster ships at most 150 kB of compressed JavaScript. Reads what the
 * production build (`npm run build`) itself says a route loads:
 * - `.next/build-manifest.json` → `rootMainFiles` (the App Router runtime every page loads;
 *   `polyfillFiles` are `nomodule` scripts modern browsers skip, so they are left out);
 * - the route's `page_client-reference-manifest.js` → `entryJSFiles` of the segments it lists
 *   (layouts, error boundaries, global-error, the page), and of the deepest not-found only: a
 *   not-found shadowed by a deeper one is not loaded. Checked against the browser's own list of
 *   scripts on the roster page (Playwright, performance entries): the same files.
 * Gzips each file (level 6, what `next start` sends) and prints them with the total; the budget
 * is on gzip. Brotli (what a CDN in front would send) is printed for information. Exits 1 over
 * the budget, so it can run in CI.
 */

// Issue 11's budget: 150 kB gzip. Measured on 2026-12-03 after trimming the app's own client code: 149.9 kB.
const BUDGET_BYTES = 150 * 1000;
const repoRoot = path.resolve(__dirname, "..");
const nextDir = path.join(repoRoot, ".next");
const route = process.argv[2] ?? "/my-sessions/[id]";

/** "/(supervisor)/my-sessions/[id]/page" → "/my-sessions/[id]" (route groups are not in the URL). */
const routeOf = (entry: string) => entry.replace(/\/page$/, "").replace(/\/\([^/)]+\)/g, "") || "/";

function findManifests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findManifests(full));
    else if (entry.name === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

function routeManifest(): { entry: string; manifest: ClientReferenceManifest } {
  for (const file of findManifests(path.join(nextDir, "server", "app"))) {
    const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(file, "utf8"), sandbox);
    for (const [entry, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      if (routeOf(entry) === route) return { entry, manifest };
    }
  }
  throw new Error(`No client reference manifest for ${route} in .next/server/app — run \`npm run build\` first.`);
}

function main() {
  if (!existsSync(path.join(nextDir, "BUILD_ID"))) {
    console.error("No production build in .next — run `npm run build` first.");
    process.exit(2);
  }
  const buildManifest = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  const { entry, manifest } = routeManifest();
  const files = new Set<string>(buildManifest.rootMainFiles ?? []);
  const segments = Object.entries(manifest.entryJSFiles ?? {});
  const notFounds = segments.filter(([segment]) => segment.endsWith("/not-found")).map(([segment]) => segment);
  const deepestNotFound = notFounds.sort((a, b) => b.split("/").length - a.split("/").length)[0];
  for (const [segment, list] of segments) {
    if (segment.endsWith("/not-found") && segment !== deepestNotFound) continue;
    for (const file of list) files.add(file);
  }
  const jsFiles = [...files].filter((file) => file.endsWith(".js"));
  if (jsFiles.length === 0)
    throw new Error(`The build lists no JavaScript for ${route}: the manifest format may have changed.`);

  let total = 0;
  let totalBrotli = 0;
  const rows = jsFiles.map((file) => {
    const bytes = readFileSync(path.join(nextDir, file));
    const gzipped = gzipSync(bytes, { level: 6 }).length;
    total += gzipped;
    totalBrotli += brotliCompressSync(bytes).length;
    return { file, raw: bytes.length, gzipped };
  });
  rows.sort((a, b) => b.gzipped - a.gzipped);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`JavaScript for ${route} (${entry}), from the production build:`);
  for (const row of rows)
    console.log(`  ${kB(row.gzipped).padStart(9)} gzip  ${kB(row.raw).padStart(9)} raw  ${row.file}`);
  console.log(
    `Total: ${kB(total)} gzip in ${rows.length} files (budget ${kB(BUDGET_BYTES)}); ${kB(totalBrotli)} with brotli.`,
  );
  if (total > BUDGET_BYTES) {
    console.error(`Over budget by ${kB(total - BUDGET_BYTES)}.`);
    process.exit(1);
  }
}

main();

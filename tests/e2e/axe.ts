import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

// The one way any e2e code runs axe: the automatic scan in ./fixtures.ts and the explicit
// `expectAccessible` in ./support.ts both come here (docs/decisions/0100-axe-fixture.md).
//  - Serialised per page: axe refuses a second run while one is going ("Axe is already running"),
//    so every scan of a page waits for the one before it.
//  - Cached per page state: the key is the URL, the viewport and a hash of the document with the
//    scripts' contents left out (they carry per-request data). The same state is scanned once in the
//    worker; a later scan of it gets the earlier answer.
//  - The automatic scan covers each route once a worker (per viewport): its first state, whichever
//    test reaches it first. States within a route are what expectAccessible is for.

/** WCAG 2.2 A/AA, as the service standard asks. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const queues = new WeakMap<Page, Promise<unknown>>();
const answers = new Map<string, Promise<string[]>>();
const cost = { scans: 0, reused: 0, skipped: 0, ms: 0 };
const withoutHash = (url: string) => url.split("#")[0] ?? url;

/** Routes scanned (explicitly or automatically) in this worker, with the viewport they were scanned at. */
const scannedRoutes = new Set<string>();

/**
 * The route a URL shows: ids (a segment with a digit, or a long token) and query values left out,
 * so /cases/3f2…/allocate?page=2 and /cases/9a1…/allocate?page=3 are the same route.
 */
function routeOf(page: Page): string {
  const url = new URL(page.url());
  const path = url.pathname
    .split("/")
    .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ":id" : segment))
    .join("/");
  const query = [...new Set(url.searchParams.keys())].sort().join("&");
  const viewport = page.viewportSize();
  return `${path}?${query} ${viewport?.width}x${viewport?.height}`;
}

/** Runs `work` after every earlier scan of `page` has finished (whether or not it succeeded). */
function serially<T>(page: Page, work: () => Promise<T>): Promise<T> {
  const before = queues.get(page) ?? Promise.resolve();
  const run = before.then(work, work);
  queues.set(
    page,
    run.catch(() => undefined),
  );
  return run;
}

type Scan = { url: string; violations: string[]; ms: number };

/**
 * Serious and critical violations on the page as it is now, one line each ([] when none). With
 * `onlyNewRoute` (the automatic scan), a route already scanned in this worker is skipped (null).
 */
export function scanPage(page: Page, { onlyNewRoute }: { onlyNewRoute: true }): Promise<Scan | null>;
export function scanPage(page: Page): Promise<Scan>;
export function scanPage(page: Page, { onlyNewRoute = false } = {}): Promise<Scan | null> {
  return serially(page, async () => {
    const route = routeOf(page);
    if (onlyNewRoute && scannedRoutes.has(route)) {
      cost.skipped += 1;
      return null;
    }
    const started = Date.now();
    const { url, fingerprint } = await page.evaluate(() => {
      const html = document.documentElement.outerHTML.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script>");
      let hash = 0x811c9dc5;
      for (let i = 0; i < html.length; i += 1) hash = Math.imul(hash ^ html.charCodeAt(i), 0x01000193);
      return { url: location.href, fingerprint: `${html.length}:${(hash >>> 0).toString(16)}` };
    });
    const viewport = page.viewportSize();
    const key = `${withoutHash(url)} ${viewport?.width}x${viewport?.height} ${fingerprint}`;
    let answer = answers.get(key);
    if (answer) cost.reused += 1;
    else {
      answer = analyse(page);
      answers.set(key, answer);
      // A failed run (the page navigated away mid-scan) is not an answer: the next scan runs again.
      answer.catch(() => answers.delete(key));
    }
    let violations = await answer;
    // A page that moved on while axe ran was scanned half-way through the change (a client-side route
    // change takes the old <title> out before the new one is in): that is no state of either page, so
    // it is no answer; the scan of the new state is the one that counts.
    // An explicit scan (expectAccessible) asked for the page as it is: that is the new state, once loaded.
    if (withoutHash(page.url()) !== withoutHash(url)) {
      answers.delete(key);
      if (onlyNewRoute) throw new Error("the page navigated during the scan");
      await page.waitForLoadState("load");
      violations = await analyse(page);
    }
    // The same for a title seen missing mid-change: if the page has one now, scan it again as it is.
    if (violations.some((line) => line.startsWith("document-title "))) {
      if (await page.evaluate(() => document.title !== "")) {
        answers.delete(key);
        violations = await analyse(page);
      }
    }
    scannedRoutes.add(route);
    const ms = Date.now() - started;
    cost.ms += ms;
    return { url, violations, ms };
  });
}

async function analyse(page: Page): Promise<string[]> {
  cost.scans += 1;
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

/** Scans run, answers reused, automatic scans skipped and time spent in this worker so far. */
export function scanCost(): Readonly<typeof cost> {
  return { ...cost };
}

import { test as base, expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { scanCost, scanPage } from "./axe";

// Every spec imports `test` and `expect` from here (eslint.config.mjs bans @playwright/test in
// specs), so every page a test opens is scanned by axe without the test asking: each time a page's
// main frame navigates (a goto, a link, a form's redirect, a client-side route change), once the
// page has loaded and settled. The test fails at its end on any serious or critical WCAG 2.2 A/AA
// violation found. Scans are serialised per page and cached, and each route is scanned
// automatically once a worker (./axe.ts). `expectAccessible` (./support.ts) checks a chosen state.
// docs/decisions/0100-axe-fixture.md.

/** Quiet time after a navigation before scanning: a redirect or a second route change comes first. */
const SETTLE_MS = 300;
/** How long to wait for a page's <title> (Next sets it just after a client-side navigation's content). */
const TITLE_WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class AutomaticScan {
  readonly violations: string[] = [];
  readonly errors: string[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly navigations = new WeakMap<Page, number>();

  constructor(private readonly testInfo: TestInfo) {}

  watchContext(context: BrowserContext): void {
    context.on("page", (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  private watchPage(page: Page): void {
    if (this.navigations.has(page)) return;
    this.navigations.set(page, 0);
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.navigated(page);
    });
    if (page.url() !== "about:blank") this.navigated(page);
    // A page opened with goto or reload is scanned before the call returns: a test that fills the
    // form at once and submits it cannot leave before its first state is scanned. A goto that does
    // not wait for the load (a timed load over a slow network) keeps the background scan.
    for (const method of ["goto", "reload"] as const) {
      const original = page[method].bind(page) as (...args: unknown[]) => ReturnType<Page["goto"]>;
      page[method] = (async (...args: unknown[]) => {
        const response = await original(...args);
        const options = args.find((arg): arg is { waitUntil?: string } => typeof arg === "object" && arg !== null);
        if (!options?.waitUntil || options.waitUntil === "load" || options.waitUntil === "networkidle")
          await this.scanWhenSettled(page, this.navigations.get(page) ?? 0, 0);
        return response;
      }) as Page[typeof method];
    }
  }

  private navigated(page: Page): void {
    const navigation = (this.navigations.get(page) ?? 0) + 1;
    this.navigations.set(page, navigation);
    const task = this.scanWhenSettled(page, navigation);
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  private async scanWhenSettled(page: Page, navigation: number, settleMs = SETTLE_MS): Promise<void> {
    // Superseded by a later navigation (which has its own scan), or closed by the test.
    const stale = () => page.isClosed() || this.navigations.get(page) !== navigation;
    try {
      await page.waitForLoadState("load", { timeout: 0 });
      await sleep(settleMs);
      if (stale() || !/^https?:/.test(page.url())) return;
      const deadline = Date.now() + TITLE_WAIT_MS;
      for (;;) {
        const { html, titled } = await page.evaluate(() => ({
          html: document.contentType === "text/html",
          titled: document.title !== "",
        }));
        if (!html || stale()) return;
        if (titled || Date.now() > deadline) break;
        await sleep(100);
      }
      const scan = await scanPage(page, { onlyNewRoute: true });
      // Navigated while axe ran: what it saw was half of each page; the next state has its own scan.
      if (!scan || stale()) return;
      // The scan is the fixture's work, not the journey's: it does not eat the journey's time.
      this.testInfo.setTimeout(this.testInfo.timeout + scan.ms);
      for (const violation of scan.violations) this.violations.push(`${scan.url}: ${violation}`);
    } catch (error) {
      // The page went away under the scan (navigated, closed): its next state has its own scan.
      const message = error instanceof Error ? error.message : String(error);
      if (stale() || /navigat|destroyed|closed|detached/i.test(message)) return;
      this.errors.push(`${page.url()}: ${message}`);
    }
  }

  async finished(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

export const test = base.extend<{ automaticAccessibilityScan: void }, { accessibilityScanCost: void }>({
  automaticAccessibilityScan: [
    async ({ browser, context }, runTest, testInfo) => {
      const scan = new AutomaticScan(testInfo);
      scan.watchContext(context);
      // Contexts the test makes itself (a second device, a phone behind a proxy) are watched too.
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const made = await newContext.apply(browser, args);
        scan.watchContext(made);
        return made;
      };
      try {
        await runTest();
      } finally {
        browser.newContext = newContext;
      }
      await scan.finished();
      expect(scan.errors, "the automatic accessibility scan could not run").toEqual([]);
      expect(scan.violations, "accessibility violations found by the automatic scan").toEqual([]);
    },
    { auto: true },
  ],
  accessibilityScanCost: [
    async ({}, use, workerInfo) => {
      await use();
      const { scans, reused, skipped, ms } = scanCost();
      console.log(
        `axe (${workerInfo.project.name}, worker ${workerInfo.workerIndex}): ${scans} scans run, ` +
          `${reused} answers reused, ${skipped} routes already scanned, ${(ms / 1000).toFixed(1)} s spent scanning`,
      );
    },
    { scope: "worker", auto: true },
  ],
});

export { devices, expect, request } from "@playwright/test";

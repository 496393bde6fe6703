/// <reference lib="webworker" />
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
  type RouteMatchCallbackOptions,
  type SerwistPlugin,
} from "serwist";
import { sendWaitingRecords } from "./outbox-core";
import { idbStore } from "./idb-store";
import { SUPERVISOR_PAGES_CACHE } from "./forget-cached-pages";

// The supervisors' service worker (docs/decisions/0014-offline-supervisor-app.md), bundled by
// scripts/build-service-worker.ts into public/sw.js and registered with scope /my-sessions only,
// so pages of other roles are never controlled by it.
// - The supervisor's pages (/my-sessions, /my-sessions/[id]): network first, the last copy
//   from the cache when there is no connection.
// - Built assets (/_next/static, content-hashed): cache first.
// - Everything else (sign-in, the API, its writes) is not handled here: it goes to the network
//   and is never cached.
// - Background Sync: sends the outbox's waiting records when the connection returns, even
//   after the supervisor closed the tab.

declare const self: ServiceWorkerGlobalScope;

const OUTBOX_CHANNEL = "community-payback-outbox";
const OUTBOX_SYNC_TAG = "community-payback-outbox";

/**
 * Storage budget (decision 0025): at most 60 pages (a roster is 40–120 kB of HTML) and 300 built
 * files (the app's scripts and styles, about 1.5 MB): under 10 MB in all, well inside what a
 * phone's browser grants a site without asking.
 */
const PAGES_KEPT = 60;
const KEEP_PAGES = "KEEP_PAGES";

const sameOrigin = (url: URL) => url.origin === self.location.origin;

/** Only a plain, complete page of the supervisor's own is kept: never a redirect to sign-in or an error. */
const onlyCompletePages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) =>
    response.status === 200 && !response.redirected && response.type === "basic" ? response : null,
};

const isSupervisorPage = ({ url, request }: RouteMatchCallbackOptions) =>
  sameOrigin(url) &&
  request.method === "GET" &&
  (url.pathname === "/my-sessions" || url.pathname.startsWith("/my-sessions/")) &&
  // React Server Component payloads of client-side navigations vary by router state: not kept.
  !url.searchParams.has("_rsc") &&
  request.headers.get("RSC") !== "1";

const isBuiltAsset = ({ url, request }: RouteMatchCallbackOptions) =>
  sameOrigin(url) && request.method === "GET" && url.pathname.startsWith("/_next/static/");

/** When a supervisor's page is neither on the network nor kept: the app's own page, not the browser's error. */
const offlinePage: SerwistPlugin = {
  handlerDidError: async () =>
    new Response(OFFLINE_HTML, {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    }),
};

const OFFLINE_HTML = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>You are offline – Community Payback</title>
<style>body{font-family:Arial,sans-serif;font-size:1.1875rem;line-height:1.4;margin:0;color:#0b0c0c}header{background:#0b0c0c;color:#fff;padding:1rem;font-weight:700;border-bottom:10px solid #1d70b8}main{padding:1rem;max-width:40rem}a{color:#1d70b8;display:inline-block;min-height:44px;padding:.5rem 0}h1{font-size:2rem}</style></head>
<body><header>Community Payback</header><main><h1>You are offline</h1>
<p>This page was not kept on this phone, so it cannot open without a connection.</p>
<p>Rosters you opened, and today's and tomorrow's sessions from My sessions, open without a connection. Anything you record is kept on this phone and sent when the connection returns.</p>
<p><a href="/my-sessions">Go to My sessions</a></p>
<p>If you need the office now, phone them.</p></main></body></html>`;

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: isSupervisorPage,
      handler: new NetworkFirst({
        cacheName: SUPERVISOR_PAGES_CACHE,
        networkTimeoutSeconds: 8,
        // Next varies pages on router headers; a plain page request and a navigation are the same page.
        matchOptions: { ignoreVary: true },
        plugins: [
          onlyCompletePages,
          offlinePage,
          new ExpirationPlugin({ maxEntries: PAGES_KEPT, maxAgeSeconds: 7 * 24 * 60 * 60 }),
        ],
      }),
    },
    {
      matcher: isBuiltAsset,
      handler: new CacheFirst({
        cacheName: "built-assets",
        plugins: [onlyCompletePages, new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
  ],
});

serwist.addEventListeners();

type SyncEvent = ExtendableEvent & { tag: string };

/** Who is signed in on this browser now: records are only sent under the user who made them. */
async function signedInUser(): Promise<string | undefined> {
  const response = await fetch("/api/v1/me", {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
    redirect: "manual",
  });
  if (!response.ok) return undefined;
  const me = (await response.json().catch(() => null)) as { id?: unknown } | null;
  return typeof me?.id === "string" ? me.id : undefined;
}

self.addEventListener("sync", (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  sync.waitUntil(
    signedInUser()
      .then((userId) => {
        if (!userId) throw new Error("Outbox records wait until their maker signs in again");
        return sendWaitingRecords({ store: idbStore(), changed: () => channel.postMessage("changed"), userId });
      })
      .then((result) => {
        // Rejecting asks the browser to try again later.
        if (result.stoppedBy) throw new Error(`Outbox records still waiting (${result.stoppedBy})`);
      })
      .finally(() => channel.close()),
  );
});

/**
 * "Keep these pages": opening My sessions asks for today's and tomorrow's rosters and their
 * incident forms, so they open without a signal even if never opened before. Each page is fetched
 * with the supervisor's cookies, kept if it is a complete page, and the built files it names are
 * kept too (a page without its scripts could not record anything).
 */
async function keepPages(paths: string[]): Promise<void> {
  const pages = await caches.open(SUPERVISOR_PAGES_CACHE);
  const assets = await caches.open("built-assets");
  for (const path of paths) {
    const url = new URL(path, self.location.origin);
    if (!sameOrigin(url) || !url.pathname.startsWith("/my-sessions/")) continue;
    const response = await fetch(url, { credentials: "same-origin", redirect: "follow" }).catch(() => undefined);
    if (!response || response.status !== 200 || response.redirected) continue;
    const html = await response.clone().text();
    await pages.put(url.pathname, response);
    const files = new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? []);
    for (const file of files) {
      if (await assets.match(file)) continue;
      const asset = await fetch(file).catch(() => undefined);
      if (asset?.ok) await assets.put(file, asset);
    }
  }
}

self.addEventListener("message", (event) => {
  const data = event.data as { type?: unknown; paths?: unknown } | null;
  if (data?.type !== KEEP_PAGES || !Array.isArray(data.paths)) return;
  const paths = data.paths.filter((path): path is string => typeof path === "string").slice(0, 20);
  event.waitUntil(keepPages(paths));
});

/// <reference lib="webworker" />
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type RouteMatchCallbackOptions, type SerwistPlugin } from "serwist";
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

const sameOrigin = (url: URL) => url.origin === self.location.origin;

/** Only a plain, complete page of the supervisor's own is kept: never a redirect to sign-in or an error. */
const onlyCompletePages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected && response.type === "basic" ? response : null),
};

const isSupervisorPage = ({ url, request }: RouteMatchCallbackOptions) =>
  sameOrigin(url) &&
  request.method === "GET" &&
  (url.pathname === "/my-sessions" || url.pathname.startsWith("/my-sessions/")) &&
  // React Server Component payloads of client-side navigations vary by router state: not kept.
  !url.searchParams.has("_rsc") &&
  request.headers.get("RSC") !== "1";

const isBuiltAsset = ({ url, request }: RouteMatchCallbackOptions) => sameOrigin(url) && request.method === "GET" && url.pathname.startsWith("/_next/static/");

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
        plugins: [onlyCompletePages, new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 7 * 24 * 60 * 60 })],
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

self.addEventListener("sync", (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  sync.waitUntil(
    sendWaitingRecords({ store: idbStore(), changed: () => channel.postMessage("changed") })
      .then((result) => {
        // Rejecting asks the browser to try again later.
        if (result.stoppedBy) throw new Error(`Outbox records still waiting (${result.stoppedBy})`);
      })
      .finally(() => channel.close()),
  );
});

"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { watchSignInEnd } from "@/ui/supervisor/sign-in-end-warning";

// Registers the supervisors' service worker (public/sw.js, built from service-worker.ts) for
// /my-sessions only, then asks it to keep the page now on screen and the built files it loaded:
// those were fetched before the worker controlled the page, and a page reached by a client-side
// link is fetched as a React payload, not as a page. Rendered by app/(supervisor)/layout.tsx.

export const SERVICE_WORKER_URL = "/sw.js";
export const SERVICE_WORKER_SCOPE = "/my-sessions";

let registering: Promise<unknown> = Promise.resolve();

function urlsToKeep(pathname: string): string[] {
  const assets = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name, location.href);
      return url.origin === location.origin && url.pathname.startsWith("/_next/static/");
    });
  return [pathname, ...new Set(assets)];
}

/**
 * The active worker of our registration. Not `navigator.serviceWorker.ready`: that waits for a
 * worker controlling this document, and a document opened at /sign-in (then sent here by a
 * client-side navigation) is outside the scope until it is reloaded.
 */
export async function activeWorker(): Promise<ServiceWorker | undefined> {
  const registration = await navigator.serviceWorker.getRegistration(SERVICE_WORKER_SCOPE);
  if (!registration) return undefined;
  if (registration.active) return registration.active;
  const pending = registration.installing ?? registration.waiting;
  if (!pending) return undefined;
  await new Promise<void>((resolve) => {
    const done = () => pending.state === "activated" || pending.state === "redundant";
    if (done()) return resolve();
    pending.addEventListener("statechange", () => done() && resolve());
  });
  return registration.active ?? undefined;
}

/** Today's and tomorrow's rosters (marked by My sessions) and their incident forms. */
function rostersToKeep(): string[] {
  return [...document.querySelectorAll<HTMLAnchorElement>("a[data-keep-offline]")].flatMap((link) => {
    const path = new URL(link.href).pathname;
    return [path, `${path}/incidents/new`];
  });
}

async function keepForOffline(pathname: string) {
  if (!navigator.onLine) return;
  const worker = await activeWorker();
  worker?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urlsToKeep(pathname) } });
  const rosters = rostersToKeep();
  if (rosters.length > 0) worker?.postMessage({ type: "KEEP_PAGES", paths: rosters });
  // Records waiting on this phone go now, under whoever is signed in (the worker only sends their own).
  const registration = (await navigator.serviceWorker.getRegistration(SERVICE_WORKER_SCOPE)) as
    (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
  await registration?.sync?.register("community-payback-outbox").catch(() => undefined);
}

export function ServiceWorkerRegistration({ enabled }: { enabled: boolean }) {
  const pathname = usePathname();
  // The page this document was loaded as: if the worker already controlled it, it kept it on the way.
  const [loadedAs] = useState(() => (typeof window === "undefined" ? "" : location.pathname));
  const [controlledAtLoad] = useState(
    () => typeof navigator !== "undefined" && Boolean(navigator.serviceWorker?.controller),
  );

  // Rendered once per supervisor page, so it also watches for the end of the sign-in.
  useEffect(watchSignInEnd, []);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (!enabled) {
      // In development: drop a worker left by a production run on the same address (it would serve stale files).
      void navigator.serviceWorker
        .getRegistration(SERVICE_WORKER_SCOPE)
        .then((registration) => registration?.unregister());
      return;
    }
    registering = navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE }).catch(() => {
      // No worker (e.g. a private window that refuses it): the pages still work online.
    });
  }, [enabled]);

  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator) || !pathname.startsWith(SERVICE_WORKER_SCOPE)) return;
    if (controlledAtLoad && pathname === loadedAs && !document.querySelector("a[data-keep-offline]")) return;
    void registering.then(() => keepForOffline(pathname)).catch(() => undefined);
  }, [enabled, pathname, controlledAtLoad, loadedAs]);

  return null;
}

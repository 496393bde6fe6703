"use client";

import { forgetCachedPages } from "@/ui/offline/forget-cached-pages";

// Signs out through NextAuth's own endpoints (CSRF token, then POST /api/auth/signout) with plain
// fetch: `next-auth/react` would add 13 kB of compressed JavaScript to every page, and the
// supervisor's roster must stay under 150 kB (issue 5; npm run measure:js).
async function signOut() {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
    });
    await forgetCachedPages();
  } finally {
    // A full page load, so nothing of the signed-in pages stays in the client router's memory.
    window.location.assign(new URL("/sign-in", window.location.origin).href);
  }
}

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      className="focusable min-h-11 cursor-pointer text-white underline hover:decoration-[3px]"
    >
      Sign out
    </button>
  );
}

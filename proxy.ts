import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { env } from "@/server/env";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, newNonce } from "@/server/security-headers";

// Next 16 reads proxy.ts beside the app directory (here the repository root). It is the second
// line of defence only: every page, server action and API route checks the user itself against
// the database (src/server/auth), because an action is a public POST endpoint whatever this does.
// Here: a nonce-based Content-Security-Policy for every page, HSTS when the public address is
// https, and signed-out page requests sent to sign in (with where they were going).

/**
 * Paths anyone may open: sign-in itself, a one-time link to set a password (the link is the
 * authority, decision 0073), and the JSON API and health (they authenticate each request).
 */
const PUBLIC_PAGE = /^\/(sign-in(\/|$)|set-password\/|api\/)/;

export async function proxy(request: NextRequest) {
  const { NEXTAUTH_SECRET, NEXTAUTH_URL, NODE_ENV } = env();
  const https = NEXTAUTH_URL?.startsWith("https://") ?? false;
  const path = request.nextUrl.pathname;
  const isApi = path.startsWith("/api/");

  // Only page navigations are redirected; a server action's POST answers for itself.
  if (!PUBLIC_PAGE.test(path) && (request.method === "GET" || request.method === "HEAD")) {
    const token = await getToken({ req: request, secret: NEXTAUTH_SECRET, secureCookie: https });
    if (!token) {
      const signIn = new URL("/sign-in", request.nextUrl);
      if (path !== "/") signIn.searchParams.set("callbackUrl", `${path}${request.nextUrl.search}`);
      return withTransportSecurity(NextResponse.redirect(signIn), https);
    }
  }

  // JSON and the work instruction PDF have no scripts to protect.
  if (isApi || path.endsWith("/pdf")) return withTransportSecurity(NextResponse.next(), https);

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withTransportSecurity(response, https);
}

function withTransportSecurity(response: NextResponse, https: boolean): NextResponse {
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything except built files, the offline worker and the app's icons and manifest, and
  // next/link's prefetches (data for a later navigation, which gets its own headers then).
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|manifest.webmanifest|sw.js|icons/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

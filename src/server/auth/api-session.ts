import "server-only";
import { db } from "@/server/db/client";
import type { AppUser } from "./access";
import { cookieReader, decodeSessionCookie, verifySession } from "./sessions";

/**
 * The browser-session user for a JSON API request, or null. Read from the request's own Cookie
 * header (no Next request context needed, so scripts and tests calling route handlers directly
 * take the same path) and checked against the database like every page.
 */
export async function apiSessionUser(request: Request): Promise<AppUser | null> {
  const claims = await decodeSessionCookie(cookieReader(request.headers.get("cookie")));
  if (!claims) return null;
  const verified = await verifySession(db, claims);
  return verified.ok ? verified.value.user : null;
}

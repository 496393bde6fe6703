import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect, notFound as nextNotFound } from "next/navigation";
import { db } from "@/server/db/client";
import { AccessError, assertCan, can, type AppUser } from "./access";
import type { Permission } from "./permissions";
import { decodeSessionCookie, verifySession, type VerifiedSession } from "./sessions";

/**
 * The browser sign-in behind this request, checked against the database (ended, idle, past its
 * absolute limit, sessions ended for the user, user deactivated): null when there is none.
 * Memoised per request, so a layout and its page cost one query.
 */
export const getVerifiedSession = cache(async (): Promise<VerifiedSession | null> => {
  const store = await cookies();
  const claims = await decodeSessionCookie((name) => store.get(name)?.value);
  if (!claims) return null;
  const verified = await verifySession(db, claims);
  return verified.ok ? verified.value : null;
});

/** The signed-in user from the browser session, re-read from the database so a deactivated user is out at once. */
export async function getSessionUser(): Promise<AppUser | null> {
  return (await getVerifiedSession())?.user ?? null;
}

/**
 * For server actions and route handlers outside /api/v1: the signed-in user whose role the
 * access table allows `permission`, or an AccessError. Every action calls this itself — the
 * proxy only guards page navigation.
 */
export async function requireUser(permission: Permission): Promise<AppUser> {
  const user = await getSessionUser();
  if (!user) throw new AccessError("UNAUTHENTICATED", "Sign in to continue");
  assertCan(user, permission);
  return user;
}

/**
 * For pages: sends a signed-out visitor to sign in, and shows 404 to a role the access table
 * does not allow `permission` (null: any signed-in user, e.g. the home page that redirects).
 */
export async function requirePageUser(permission: Permission | null): Promise<AppUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (permission !== null && !can(user, permission)) nextNotFound();
  return user;
}

/** For pages that load one record through a scoped service: AccessError NOT_FOUND → the 404 page. */
export async function orNotFound<T>(load: Promise<T | null>): Promise<T> {
  try {
    const value = await load;
    if (value === null) nextNotFound();
    return value;
  } catch (error) {
    if (error instanceof AccessError && error.code !== "UNAUTHENTICATED") nextNotFound();
    throw error;
  }
}

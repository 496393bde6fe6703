import "server-only";
import { getServerSession } from "next-auth";
import { redirect, notFound as nextNotFound } from "next/navigation";
import { db } from "@/server/db/client";
import { authOptions } from "./auth-options";
import { AccessError, assertCan, can, type AppUser } from "./access";
import type { Permission } from "./permissions";

/** The signed-in user from the browser session, re-read from the database so a deactivated user is out at once. */
export async function getSessionUser(): Promise<AppUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return loadActiveUser(id);
}

export async function loadActiveUser(id: string): Promise<AppUser | null> {
  const user = await db.user.findFirst({
    where: { id, active: true },
    select: { id: true, email: true, name: true, role: true, regionId: true, region: { select: { code: true } } },
  });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, regionId: user.regionId, regionCode: user.region?.code ?? null };
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

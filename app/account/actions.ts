"use server";

import { requireUser } from "@/server/auth/current-user";
import { signOutEverywhere } from "@/server/auth/sessions";
import { db } from "@/server/db/client";

/** Ends every sign-in of the signed-in person, on every device; the page then goes to sign-in. */
export async function signOutEverywhereAction(): Promise<{ ok: boolean }> {
  const user = await requireUser().catch(() => null);
  if (!user) return { ok: false };
  await signOutEverywhere(db, user);
  return { ok: true };
}

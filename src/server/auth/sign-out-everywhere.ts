import "server-only";
import { db } from "@/server/db/client";
import type { AppUser } from "./access";
import { signOutEverywhere } from "./sessions";

/** The "sign out on every device" command as the account page's action calls it: it owns the client. */
export const signOutEverywhereCommand = (user: AppUser) => signOutEverywhere(db, user);

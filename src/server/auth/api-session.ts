import "server-only";
import { getServerSession } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import { authOptions } from "./auth-options";
import { loadActiveUser } from "./current-user";
import type { AppUser } from "./access";

/**
 * The browser-session user for a JSON API request, or null. Unlike getSessionUser it fails soft
 * when there is no Next request context (scripts, tests calling route handlers directly), so the
 * bearer-token path works everywhere; Next's own control-flow errors are still rethrown.
 */
export async function apiSessionUser(): Promise<AppUser | null> {
  let id: string | undefined;
  try {
    const session = await getServerSession(authOptions);
    id = session?.user?.id;
  } catch (error) {
    unstable_rethrow(error);
    return null;
  }
  return id ? loadActiveUser(id) : null;
}

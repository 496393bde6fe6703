import "server-only";
import { z } from "zod";
import { assertCan, type AppUser } from "@/server/auth/access";
import { requireVisibleSession } from "../visible-records";
import { type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { loadSessionView } from "./load-session-view";
import type { SessionView } from "./session-view.types";

const getSessionInput = z.object({ sessionId: z.string() }).strict();

/** A session with its bookings and attendance, for anyone who may see it (supervisors: their own). */
export async function getSession(
  actor: AppUser,
  rawInput: z.input<typeof getSessionInput>,
  options?: ServiceOptions,
): Promise<ServiceResult<SessionView>> {
  const input = getSessionInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    assertCan(actor, "session.read");
    const session = await requireVisibleSession(tx, actor, input.sessionId);
    return success(await loadSessionView(tx, actor, session.id));
  });
}

import { commandReply } from "@/server/api/command-result";
import { createSessionRoute } from "@/server/api/contracts/placements-sessions";
import { apiRoute } from "@/server/api/handler";
import { createSession } from "@/server/services/sessions/create-session";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createSessionRoute, async ({ user, body, transaction }) =>
  commandReply(await transaction((tx) => createSession(user, body, { tx }))),
);

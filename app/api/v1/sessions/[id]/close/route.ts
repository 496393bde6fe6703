import { commandReply } from "@/server/api/command-result";
import { closeSessionRoute } from "@/server/api/contracts/close-session";
import { apiRoute } from "@/server/api/handler";
import { closeSession } from "@/server/services/sessions/close-session";

export const dynamic = "force-dynamic";

export const POST = apiRoute(closeSessionRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => closeSession(user, { ...body, sessionId: params.id }, { tx }))),
);

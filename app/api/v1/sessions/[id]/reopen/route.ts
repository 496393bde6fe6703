import { commandReply } from "@/server/api/command-result";
import { reopenSessionRoute } from "@/server/api/contracts/reopen-session";
import { apiRoute } from "@/server/api/handler";
import { reopenSession } from "@/server/services/sessions/reopen-session";

export const dynamic = "force-dynamic";

export const POST = apiRoute(reopenSessionRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => reopenSession(user, { ...body, sessionId: params.id }, { tx }))),
);

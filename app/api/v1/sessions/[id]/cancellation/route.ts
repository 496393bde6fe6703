import { commandReply } from "@/server/api/command-result";
import { cancelSessionRoute } from "@/server/api/contracts/scheduling";
import { apiRoute } from "@/server/api/handler";
import { cancelSession } from "@/server/services/sessions/stand-down-session";

export const dynamic = "force-dynamic";

export const POST = apiRoute(cancelSessionRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => cancelSession(user, { ...body, sessionId: params.id }, { tx }))),
);

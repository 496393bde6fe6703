import { commandReply } from "@/server/api/command-result";
import { standDownSessionRoute } from "@/server/api/contracts/scheduling";
import { apiRoute } from "@/server/api/handler";
import { standDownSession } from "@/server/services/sessions/stand-down-session";

export const dynamic = "force-dynamic";

export const POST = apiRoute(standDownSessionRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => standDownSession(user, { ...body, sessionId: params.id }, { tx }))),
);

import { commandReply } from "@/server/api/command-result";
import { getSessionRoute } from "@/server/api/contracts/placements-sessions";
import { apiRoute } from "@/server/api/handler";
import { getSession } from "@/server/services/sessions/get-session";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getSessionRoute, async ({ user, params }) => commandReply(await getSession(user, { sessionId: params.id })));

import { commandReply } from "@/server/api/command-result";
import { allocateRoute } from "@/server/api/contracts/placements-sessions";
import { apiRoute } from "@/server/api/handler";
import { allocate } from "@/server/services/allocations/allocate";

export const dynamic = "force-dynamic";

export const POST = apiRoute(allocateRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => allocate(user, { ...body, sessionId: params.id }, { tx }))),
);

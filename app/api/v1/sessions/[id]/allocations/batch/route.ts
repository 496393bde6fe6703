import { commandReply } from "@/server/api/command-result";
import { allocateManyRoute } from "@/server/api/contracts/allocate-many";
import { apiRoute } from "@/server/api/handler";
import { allocateMany } from "@/server/services/allocations/allocate-many";

export const dynamic = "force-dynamic";

export const POST = apiRoute(allocateManyRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => allocateMany(user, { ...body, sessionId: params.id }, { tx }))),
);

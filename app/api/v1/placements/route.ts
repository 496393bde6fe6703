import { commandReply } from "@/server/api/command-result";
import { createPlacementRoute } from "@/server/api/contracts/placements-sessions";
import { apiRoute } from "@/server/api/handler";
import { createPlacement } from "@/server/services/placements/create-placement";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createPlacementRoute, async ({ user, body, transaction }) =>
  commandReply(await transaction((tx) => createPlacement(user, body, { tx }))),
);

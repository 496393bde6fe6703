import { commandReply } from "@/server/api/command-result";
import { updatePlacementRoute } from "@/server/api/contracts/scheduling";
import { apiRoute } from "@/server/api/handler";
import { updatePlacement } from "@/server/services/placements/update-placement";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(updatePlacementRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => updatePlacement(user, { ...body, placementId: params.id }, { tx }))),
);

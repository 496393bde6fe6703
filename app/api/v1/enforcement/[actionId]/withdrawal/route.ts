import { commandReply } from "@/server/api/command-result";
import { withdrawEnforcementRoute } from "@/server/api/contracts/enforcement";
import { apiRoute } from "@/server/api/handler";
import { withdrawEnforcement } from "@/server/services/enforcement/withdraw-enforcement";

export const dynamic = "force-dynamic";

export const POST = apiRoute(withdrawEnforcementRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => withdrawEnforcement(user, { ...body, actionId: params.actionId }, { tx }))),
);

import { commandReply } from "@/server/api/command-result";
import { recordBreachOutcomeRoute } from "@/server/api/contracts/enforcement";
import { apiRoute } from "@/server/api/handler";
import { recordBreachOutcome } from "@/server/services/enforcement/record-breach-outcome";

export const dynamic = "force-dynamic";

export const POST = apiRoute(recordBreachOutcomeRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => recordBreachOutcome(user, { ...body, actionId: params.actionId }, { tx }))),
);

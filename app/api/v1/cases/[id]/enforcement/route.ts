import { commandReply } from "@/server/api/command-result";
import { listEnforcementRoute, startEnforcementRoute } from "@/server/api/contracts/enforcement";
import { apiRoute } from "@/server/api/handler";
import { listEnforcement } from "@/server/services/enforcement/list-enforcement";
import { startEnforcement } from "@/server/services/enforcement/start-enforcement";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listEnforcementRoute, async ({ user, params }) =>
  commandReply(await listEnforcement(user, { caseId: params.id })),
);

export const POST = apiRoute(startEnforcementRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => startEnforcement(user, { ...body, caseId: params.id }, { tx }))),
);

import { commandReply } from "@/server/api/command-result";
import { decideEarnedReductionRoute } from "@/server/api/contracts/earned-reduction";
import { apiRoute } from "@/server/api/handler";
import { decideEarnedReduction } from "@/server/services/earned-reduction/decide-earned-reduction";

export const dynamic = "force-dynamic";

export const POST = apiRoute(decideEarnedReductionRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => decideEarnedReduction(user, { ...body, caseId: params.id }, { tx }))),
);

import { commandReply } from "@/server/api/command-result";
import { terminateCaseRoute } from "@/server/api/contracts/cases";
import { apiRoute } from "@/server/api/handler";
import { terminateRequirement } from "@/server/services/cases/terminate-requirement";

export const dynamic = "force-dynamic";

export const POST = apiRoute(terminateCaseRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => terminateRequirement(user, { ...body, caseId: params.id }, { tx }))),
);

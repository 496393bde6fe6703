import { commandReply } from "@/server/api/command-result";
import { removeEteCreditRoute } from "@/server/api/contracts/ete-credits";
import { apiRoute } from "@/server/api/handler";
import { removeEteCredit } from "@/server/services/ete/correct-ete-credit";

export const dynamic = "force-dynamic";

export const POST = apiRoute(removeEteCreditRoute, async ({ user, params, body, transaction }) =>
  commandReply(
    await transaction((tx) => removeEteCredit(user, { ...body, caseId: params.id, creditId: params.creditId }, { tx })),
  ),
);

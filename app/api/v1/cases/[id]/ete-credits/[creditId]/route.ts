import { commandReply } from "@/server/api/command-result";
import { correctEteCreditRoute } from "@/server/api/contracts/ete-credits";
import { apiRoute } from "@/server/api/handler";
import { correctEteCredit } from "@/server/services/ete/correct-ete-credit";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(correctEteCreditRoute, async ({ user, params, body, transaction }) =>
  commandReply(
    await transaction((tx) =>
      correctEteCredit(user, { ...body, caseId: params.id, creditId: params.creditId }, { tx }),
    ),
  ),
);

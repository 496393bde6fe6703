import { commandReply } from "@/server/api/command-result";
import { creditEteRoute } from "@/server/api/contracts/ete-credits";
import { apiRoute } from "@/server/api/handler";
import { creditEte } from "@/server/services/ete/credit-ete";

export const dynamic = "force-dynamic";

export const POST = apiRoute(creditEteRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => creditEte(user, { ...body, caseId: params.id }, { tx }))),
);

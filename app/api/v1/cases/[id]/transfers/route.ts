import { commandReply } from "@/server/api/command-result";
import { requestTransferRoute } from "@/server/api/contracts/transfers";
import { apiRoute } from "@/server/api/handler";
import { requestTransfer } from "@/server/services/transfers/request-transfer";

export const dynamic = "force-dynamic";

export const POST = apiRoute(requestTransferRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => requestTransfer(user, { ...body, caseId: params.id }, { tx }))),
);

import { commandReply } from "@/server/api/command-result";
import { declineTransferRoute } from "@/server/api/contracts/transfers";
import { apiRoute } from "@/server/api/handler";
import { declineTransfer } from "@/server/services/transfers/decide-transfer";

export const dynamic = "force-dynamic";

export const POST = apiRoute(declineTransferRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => declineTransfer(user, { ...body, transferId: params.id }, { tx }))),
);

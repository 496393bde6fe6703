import { commandReply } from "@/server/api/command-result";
import { acceptTransferRoute } from "@/server/api/contracts/transfers";
import { apiRoute } from "@/server/api/handler";
import { acceptTransfer } from "@/server/services/transfers/decide-transfer";

export const dynamic = "force-dynamic";

export const POST = apiRoute(acceptTransferRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => acceptTransfer(user, { ...body, transferId: params.id }, { tx }))),
);

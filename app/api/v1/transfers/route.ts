import { commandReply } from "@/server/api/command-result";
import { listIncomingTransfersRoute } from "@/server/api/contracts/transfers";
import { apiRoute } from "@/server/api/handler";
import { listIncomingTransfers } from "@/server/queries/transfers";
import { success } from "@/server/services/result";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listIncomingTransfersRoute, async ({ user }) =>
  commandReply(success({ transfers: await listIncomingTransfers(user) })),
);

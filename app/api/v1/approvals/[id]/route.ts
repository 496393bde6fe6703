import { commandReply } from "@/server/api/command-result";
import { decideApprovalRoute } from "@/server/api/contracts/approvals";
import { apiRoute } from "@/server/api/handler";
import { decideApproval } from "@/server/services/approvals/decide-approval";

export const dynamic = "force-dynamic";

export const POST = apiRoute(decideApprovalRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => decideApproval(user, { ...body, approvalId: params.id }, { tx }))),
);

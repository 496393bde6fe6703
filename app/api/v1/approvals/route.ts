import { commandReply } from "@/server/api/command-result";
import { listApprovalsRoute } from "@/server/api/contracts/approvals";
import { apiRoute } from "@/server/api/handler";
import { listApprovals } from "@/server/services/approvals/list-approvals";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listApprovalsRoute, async ({ user, query }) =>
  commandReply(await listApprovals(user, query)),
);

import "server-only";
import { assertCan, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import type { ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { approvalSelect, toApprovalView } from "./approval-view";
import { listApprovalsQuery, type ApprovalView, type ListApprovalsInput } from "./approvals.types";

// R8 / R10
/**
 * The approvals a regional manager may decide: their region's, on cases they can see,
 * PENDING unless another status is asked for. Oldest request first — a queue.
 */
export async function listApprovals(
  actor: AppUser,
  rawInput: ListApprovalsInput = {},
  options?: ServiceOptions,
): Promise<ServiceResult<{ approvals: ApprovalView[] }>> {
  const input = listApprovalsQuery.parse(rawInput);
  assertCan(actor, "approval.list");
  const client = options?.tx ?? db;
  const rows = await client.approval.findMany({
    where: {
      regionId: actor.regionId ?? "00000000-0000-0000-0000-000000000000",
      status: input.status ?? "PENDING",
      requirement: visibleRequirementsWhere(actor),
    },
    select: approvalSelect,
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return success({ approvals: rows.map((row) => toApprovalView(row)) });
}

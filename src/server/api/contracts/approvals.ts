import { z } from "zod";
import {
  approvalListView,
  decideApprovalBody,
  decidedApprovalView,
  listApprovalsQuery,
} from "@/server/services/approvals/approvals.types";
import { defineRoute } from "../route-spec";

export const listApprovalsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/approvals",
  tag: "Approvals",
  summary: "The approvals the caller (a regional manager) may decide, oldest first",
  permission: "approval.list",
  query: listApprovalsQuery,
  response: approvalListView,
});

export const decideApprovalRoute = defineRoute({
  method: "POST",
  path: "/api/v1/approvals/{id}",
  tag: "Approvals",
  summary: "Approve or reject a request (R8: a rejected 3rd+ accepted absence is a failure to comply)",
  permission: "approval.decide",
  params: z.object({ id: z.uuid() }),
  body: decideApprovalBody,
  response: decidedApprovalView,
});

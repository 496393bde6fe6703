import { z } from "zod";
import { enforcementSummary } from "../attendance/record-attendance.types";
import { versionSchema } from "../schemas";
import { allocationView } from "../allocations/allocate.types";

// Approvals — docs/api.md: GET /api/v1/approvals?status=PENDING and POST /api/v1/approvals/{id}.

export const APPROVAL_STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;
export const APPROVAL_KINDS = [
  "ACCEPTED_ABSENCE",
  "RISK_OVERRIDE",
  "HIGH_ROSH_INDIVIDUAL",
  "BOOKING_OVERRIDE",
] as const;

export const decideApprovalBody = z
  .object({
    decision: z.enum(["APPROVE", "REJECT"]),
    note: z.string().trim().max(4000).nullish(),
    version: versionSchema.optional().describe("The approval's version as last read"),
  })
  .strict()
  .meta({ title: "ApprovalDecision" });

export const decideApprovalInput = decideApprovalBody.extend({ approvalId: z.uuid() }).strict();
export type DecideApprovalInput = z.input<typeof decideApprovalInput>;

export const listApprovalsQuery = z
  .object({ status: z.enum(APPROVAL_STATUSES).optional().describe("Defaults to PENDING") })
  .strict();
export type ListApprovalsInput = z.input<typeof listApprovalsQuery>;

export const approvalView = z
  .object({
    id: z.string(),
    kind: z.enum(APPROVAL_KINDS),
    status: z.enum(APPROVAL_STATUSES),
    caseId: z.string(),
    crn: z.string(),
    personName: z.string(),
    attendanceId: z.string().nullable(),
    allocationId: z.string().nullable(),
    sessionId: z
      .string()
      .nullable()
      .describe("BOOKING_OVERRIDE: the session the booking is asked for (the booking, once made, is allocationId)"),
    reason: z.string().nullable(),
    requestedAt: z.string().describe("ISO 8601 timestamp"),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    enforcementDue: z
      .enum(["WARNING", "BREACH"])
      .nullable()
      .describe("After a rejected accepted absence: the enforcement now due (R9)"),
    version: z.number().int(),
  })
  .meta({ title: "Approval" });

export const decidedApprovalView = approvalView
  .extend({
    enforcementAction: enforcementSummary.optional().describe("Created when the region auto-enforces"),
    booking: allocationView.optional().describe("BOOKING_OVERRIDE approved: the booking made (R10)"),
  })
  .meta({ title: "ApprovalDecided" });

export const approvalListView = z.object({ approvals: z.array(approvalView) }).meta({ title: "ApprovalList" });

export type ApprovalView = z.input<typeof approvalView>;
export type DecidedApprovalView = z.input<typeof decidedApprovalView>;

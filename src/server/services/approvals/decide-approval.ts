import "server-only";
import { isFailureToComply, isoDateFromUtcDate, refuse } from "@/domain";
import { assertCan, notFound, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import { isUuid } from "../uuid";
import { loadRuleContext, todayFor, type ServiceOptions } from "../context";
import { lockPerson, lockRequirement, lockSession } from "../row-locks";
import { allocate } from "../allocations/allocate";
import { respondToFailure, type FailureResponse } from "../enforcement/order-enforcement";
import { withdrawActionsIfNoLongerFailure } from "../enforcement/withdraw-on-correction";
import { decidedByAnotherPerson } from "./four-eyes";
import { failure, staleVersion, success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { approvalSelect, toApprovalView } from "./approval-view";
import { decideApprovalInput, type DecideApprovalInput, type DecidedApprovalView } from "./approvals.types";

// R8 / R9
/**
 * A regional manager approves or rejects a request. For a 3rd+ accepted absence, approval
 * lets the absence stand; rejection makes it a failure to comply (an unacceptable absence),
 * and the result says which enforcement is now due — created at once if the region
 * auto-enforces. A stale `version` is refused, so two managers cannot both decide.
 */
export async function decideApproval(
  actor: AppUser,
  rawInput: DecideApprovalInput,
  options?: ServiceOptions,
): Promise<ServiceResult<DecidedApprovalView>> {
  const input = decideApprovalInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    if (!isUuid(input.approvalId)) throw notFound("approval");
    const found = await tx.approval.findFirst({
      where: { id: input.approvalId, requirement: visibleRequirementsWhere(actor) },
      select: {
        id: true,
        requirementId: true,
        kind: true,
        sessionId: true,
        requirement: { select: { personId: true } },
      },
    });
    if (!found) throw notFound("approval");
    assertCan(actor, "approval.decide");

    // A booking override books on approval: locked in the booking's order (session → person → case).
    if (found.kind === "BOOKING_OVERRIDE" && found.sessionId) {
      await lockSession(tx, found.sessionId);
      await lockPerson(tx, found.requirement.personId);
    }
    // The case's lock orders this decision with attendance corrections on the same case.
    await lockRequirement(tx, found.requirementId);
    const approval = await tx.approval.findUniqueOrThrow({ where: { id: found.id }, select: approvalSelect });
    if (input.version !== undefined && approval.version !== input.version) return staleVersion("approval");
    if (approval.status !== "PENDING") {
      return failure(
        "CONFLICT",
        `This request has already been ${approval.status === "APPROVED" ? "approved" : "rejected"}.`,
      );
    }
    if (!(await decidedByAnotherPerson(tx, actor, approval))) {
      return failure(
        refuse(
          "FOUR_EYES_REQUIRED",
          "You recorded or changed what this request is about, so another manager must decide it (four eyes).",
          { field: "decision" },
        ),
      );
    }

    const approved = input.decision === "APPROVE";
    const decided = await tx.approval.update({
      where: { id: approval.id },
      data: {
        status: approved ? "APPROVED" : "REJECTED",
        decidedById: actor.id,
        decidedAt: new Date(),
        decisionNote: input.note?.trim() || null,
        version: { increment: 1 },
      },
      select: approvalSelect,
    });
    // R10: an approved override request is booked now, every other rule checked again; a
    // booking that is still refused leaves the request undecided (the transaction rolls back).
    let booked: DecidedApprovalView["booking"];
    if (approval.kind === "BOOKING_OVERRIDE" && approved && approval.sessionId) {
      const booking = await allocate(
        actor,
        { caseId: approval.requirementId, sessionId: approval.sessionId, overrideReason: approval.reason },
        { tx, today },
        { approvalId: approval.id },
      );
      if (!booking.ok)
        return failure(
          booking.code,
          `The booking cannot be made, so the request has not been approved: ${booking.message}`,
          { field: "decision" },
        );
      booked = booking.value;
    }
    const enforcement =
      approval.kind === "ACCEPTED_ABSENCE" && approval.attendanceId
        ? await settleAbsence(tx, actor, { attendanceId: approval.attendanceId, approved, today })
        : { enforcementDue: null };

    const view = toApprovalView(booked ? { ...decided, allocationId: booked.id } : decided, enforcement.enforcementDue);
    await audit(tx, actor, {
      action: approved ? "approval.approve" : "approval.reject",
      entityType: "Approval",
      entityId: approval.id,
      regionId: approval.regionId,
      before: toApprovalView(approval),
      after: view,
    });
    return success({
      ...view,
      ...(enforcement.enforcementAction ? { enforcementAction: enforcement.enforcementAction } : {}),
      ...(booked ? { booking: booked } : {}),
    });
  });
}

// R8 → R9
/** The absence stands (APPROVED) or becomes a failure to comply (REJECTED), with the enforcement due. */
async function settleAbsence(
  tx: Tx,
  actor: AppUser,
  input: { attendanceId: string; approved: boolean; today: string },
): Promise<FailureResponse> {
  const attendance = await tx.attendance.update({
    where: { id: input.attendanceId },
    data: { approvalState: input.approved ? "APPROVED" : "REJECTED", version: { increment: 1 } },
    select: {
      id: true,
      outcome: true,
      approvalState: true,
      sessionDate: true,
      requirement: { select: { id: true, orderId: true, regionId: true } },
    },
  });
  await audit(tx, actor, {
    action: "attendance.approval",
    entityType: "Attendance",
    entityId: attendance.id,
    regionId: attendance.requirement.regionId,
    before: { approvalState: "PENDING" },
    after: { approvalState: attendance.approvalState },
  });
  if (!isFailureToComply(attendance.outcome, attendance.approvalState)) {
    // R9: approved, the absence stands — an action that answered it while it was in doubt is withdrawn.
    await withdrawActionsIfNoLongerFailure(tx, actor, {
      attendanceId: attendance.id,
      outcome: attendance.outcome,
      approvalState: attendance.approvalState,
      regionId: attendance.requirement.regionId,
    });
    return { enforcementDue: null };
  }
  const { policy } = await loadRuleContext(tx, { regionId: attendance.requirement.regionId, on: input.today });
  return respondToFailure(tx, actor, {
    requirement: attendance.requirement,
    attendanceId: attendance.id,
    failureDate: isoDateFromUtcDate(attendance.sessionDate),
    today: input.today,
    policy,
  });
}

import "server-only";
import { isOverridableOnRequest } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { todayFor, type ServiceOptions } from "../context";
import { failure, success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { approvalSelect, toApprovalView } from "../approvals/approval-view";
import type { ApprovalView } from "../approvals/approvals.types";
import { allocateInput } from "./allocate.types";
import { prepareAllocation } from "./prepare-allocation";
import { requestBookingOverrideInput, type RequestBookingOverrideInput } from "./request-booking-override.types";

// R10
/**
 * A coordinator refused by a risk or capacity rule asks a regional manager to book anyway: a
 * pending BOOKING_OVERRIDE approval. Only when every refusal is one a manager may override
 * (OVERRIDABLE_ON_REQUEST); one request per case and session at a time. The manager decides it
 * on /approvals (four eyes); on approval the booking is made, every other rule checked again.
 */
export async function requestBookingOverride(
  actor: AppUser,
  rawInput: RequestBookingOverrideInput,
  options?: ServiceOptions,
): Promise<ServiceResult<ApprovalView>> {
  const input = requestBookingOverrideInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const prepared = await prepareAllocation(
      tx,
      actor,
      allocateInput.parse({ caseId: input.caseId, sessionId: input.sessionId }),
      today,
      { lock: true },
    );
    assertCan(actor, "allocation.overrideRequest");
    if (!prepared.ok) return prepared;
    const { refusals } = prepared.check;
    if (refusals.length === 0)
      return failure("CONFLICT", "This booking is allowed, so no override is needed. Book it instead.", {
        field: "sessionId",
      });
    const other = refusals.filter((r) => !isOverridableOnRequest(r.code));
    if (other.length > 0) {
      return failure(other[0]!.code, `A manager cannot override this: ${other.map((r) => r.message).join(" ")}`, {
        field: "reason",
        details: { refusals: other },
      });
    }
    const waiting = await tx.approval.findFirst({
      where: {
        kind: "BOOKING_OVERRIDE",
        status: "PENDING",
        requirementId: prepared.requirement.id,
        sessionId: prepared.session.id,
      },
      select: { id: true },
    });
    if (waiting)
      return failure("CONFLICT", "A manager has already been asked to override this booking and has not decided yet.", {
        field: "reason",
        details: { approvalId: waiting.id },
      });

    const approval = await tx.approval.create({
      data: {
        kind: "BOOKING_OVERRIDE",
        status: "PENDING",
        requirementId: prepared.requirement.id,
        regionId: prepared.requirement.regionId,
        sessionId: prepared.session.id,
        reason: input.reason,
        requestedById: actor.id,
      },
      select: approvalSelect,
    });
    const view = toApprovalView(approval);
    await audit(tx, actor, {
      action: "approval.request",
      entityType: "Approval",
      entityId: approval.id,
      regionId: approval.regionId,
      after: { ...view, refusals: refusals.map((r) => r.code) },
    });
    return success(view);
  });
}

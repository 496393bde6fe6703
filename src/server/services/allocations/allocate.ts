import "server-only";
import { utcDateFromIsoDate } from "@/domain";
import type { AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { todayFor, type ServiceOptions } from "../context";
import { failure, success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { allocateInput, type AllocateInput, type AllocationView } from "./allocate.types";
import { prepareAllocation } from "./prepare-allocation";

// R10
/**
 * Books a person on a session (a work instruction). The session, person and requirement rows
 * are locked first, so capacity × the region's over-subscription limit, double booking and
 * completion hold however many coordinators book at once. Refuses with the first blocking
 * reason and lists them all in details.refusals; warnings come back with the booking.
 * A regional manager's override (with a reason) of a risk conflict or of high RoSH on an
 * individual placement is recorded as an approved Approval linked to the booking.
 */
export async function allocate(
  actor: AppUser,
  rawInput: AllocateInput,
  options?: ServiceOptions,
  /** Internal: the booking a manager's approved override request makes (decide-approval), linked to that approval. */
  onApproval?: { approvalId: string },
): Promise<ServiceResult<AllocationView>> {
  const input = allocateInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const prepared = await prepareAllocation(tx, actor, input, today, {
      lock: true,
      overrideApproved: onApproval !== undefined,
    });
    if (!prepared.ok) return prepared;
    const { check, session, requirement } = prepared;
    if (!check.ok) {
      return failure(check.code, check.message, {
        ...(check.field ? { field: check.field } : {}),
        details: { ...check.details, refusals: check.refusals, warnings: check.warnings },
      });
    }

    // R10: her consent is recorded on her own booking (who, when), whichever booking asked for it.
    const now = new Date();
    const consentHere = prepared.loneWoman?.isThisBooking === true;
    const data = {
      status: "BOOKED" as const,
      sessionDate: utcDateFromIsoDate(session.date),
      lateStartReason: prepared.lateStartReason?.category ?? null,
      lateStartNote: prepared.lateStartReason?.note ?? null,
      overrideReason: input.overrideReason ?? null,
      overrideById: input.overrideReason ? actor.id : null,
      consentRecorded: consentHere,
      consentRecordedAt: consentHere ? now : null,
      consentRecordedById: consentHere ? actor.id : null,
      cancelledAt: null,
      cancelledById: null,
      cancellationReason: null,
      retrospective: input.retrospective ?? false,
      createdById: actor.id,
    };
    const select = { id: true, version: true } as const;
    const allocation = prepared.cancelledAllocationId
      ? await tx.allocation.update({
          where: { id: prepared.cancelledAllocationId },
          data: { ...data, version: { increment: 1 } },
          select,
        })
      : await tx.allocation.create({ data: { ...data, sessionId: session.id, requirementId: requirement.id }, select });

    const other = prepared.loneWoman;
    if (other && !other.isThisBooking && !other.consentRecorded) {
      await tx.allocation.update({
        where: { id: other.allocationId },
        data: {
          consentRecorded: true,
          consentRecordedAt: now,
          consentRecordedById: actor.id,
          version: { increment: 1 },
        },
      });
      await audit(tx, actor, {
        action: "allocation.record-consent",
        entityType: "Allocation",
        entityId: other.allocationId,
        regionId: requirement.regionId,
        before: { consentRecorded: false },
        after: { consentRecorded: true, askedForByBookingOf: requirement.id },
      });
    }

    // A manager's override stands as an approval decided by that manager (the case timeline and the approvals list show it).
    // Booked on an approved override request: that approval is the record, so no second one is made.
    const kinds: ("RISK_OVERRIDE" | "HIGH_ROSH_INDIVIDUAL")[] = [];
    if (check.overridden.some((r) => r.code === "RISK_CONFLICT") && !onApproval) kinds.push("RISK_OVERRIDE");
    const highRosh =
      session.placementType === "INDIVIDUAL" &&
      (requirement.assessment?.rosh === "HIGH" || requirement.assessment?.rosh === "VERY_HIGH");
    if (highRosh && !prepared.standingRoshApprovalId && !onApproval) kinds.push("HIGH_ROSH_INDIVIDUAL");
    if (onApproval)
      await tx.approval.update({ where: { id: onApproval.approvalId }, data: { allocationId: allocation.id } });
    const approvals = [];
    for (const kind of kinds) {
      approvals.push(
        await tx.approval.create({
          data: {
            kind,
            status: "APPROVED",
            requirementId: requirement.id,
            regionId: requirement.regionId,
            allocationId: allocation.id,
            reason: input.overrideReason ?? null,
            requestedById: actor.id,
            decidedById: actor.id,
            decidedAt: now,
            decisionNote: "Approved by the regional manager when booking.",
          },
          select: { id: true, kind: true, status: true },
        }),
      );
    }

    const view: AllocationView = {
      id: allocation.id,
      sessionId: session.id,
      caseId: requirement.id,
      sessionDate: session.date,
      status: "BOOKED",
      retrospective: data.retrospective,
      consentRecorded: data.consentRecorded,
      lateStartReason: data.lateStartReason,
      lateStartNote: data.lateStartNote,
      overrideReason: data.overrideReason,
      approvals: approvals.map((a) => ({
        id: a.id,
        kind: a.kind as "RISK_OVERRIDE" | "HIGH_ROSH_INDIVIDUAL",
        status: a.status,
      })),
      version: allocation.version,
    };
    await audit(tx, actor, {
      action: data.retrospective ? "allocation.create-retrospective" : "allocation.create",
      entityType: "Allocation",
      entityId: allocation.id,
      regionId: requirement.regionId,
      after: { ...view, overridden: check.overridden, warnings: check.warnings },
    });
    return success(view, check.warnings);
  });
}

import "server-only";
import { formatDate, isoDateFromUtcDate, refuse, utcDateFromIsoDate } from "@/domain";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import { isUuid } from "../uuid";
import { lockRequirement } from "../row-locks";
import { todayFor, type ServiceOptions } from "../context";
import { failure, success, type CommandResult, type ServiceFailure } from "../result";
import { inTransaction } from "../transaction";
import { loadTransferView } from "./transfer-view";
import {
  acceptTransferInput,
  declineTransferInput,
  type AcceptTransferInput,
  type DeclineTransferInput,
  type TransferView,
} from "./transfers.types";

// The receiving region's manager decides a transfer (docs/decisions/0050-region-transfers.md).
// Scope: a transfer is found only by a manager of the region it is addressed to; for anyone else
// it does not exist (404), as for any record outside the caller's region.

async function findIncoming(tx: Tx, actor: AppUser, transferId: string) {
  if (!isUuid(transferId) || !actor.regionId) throw notFound("transfer");
  const found = await tx.requirementTransfer.findFirst({
    where: { id: transferId, toRegionId: actor.regionId },
    select: { id: true, requirementId: true, fromRegionId: true, toRegionId: true },
  });
  if (!found) throw notFound("transfer");
  assertCan(actor, "transfer.decide");
  await lockRequirement(tx, found.requirementId);
  // Read again under the lock: a second manager may have decided it meanwhile.
  const current = await tx.requirementTransfer.findUniqueOrThrow({ where: { id: found.id }, select: { status: true } });
  return { ...found, status: current.status };
}

function alreadyDecided(status: string): ServiceFailure {
  return failure("CONFLICT", `This transfer has already been ${status === "ACCEPTED" ? "accepted" : "declined"}.`, {
    details: { status },
  });
}

/**
 * Accepting moves the case: from today it belongs to the receiving region (its region changes; its
 * PDU and coordinator, which belong to the old region, are cleared for the new region to set).
 * Attendance stays with its sessions and placements, so the history keeps where each hour was
 * worked, and dashboards count the case in the old region for any date before today
 * (region-on-date.ts). Refused while the case still has bookings in the old region without an
 * outcome: the sending region records or cancels them first, so no one is left booked on a session
 * the case's new region cannot see.
 */
export async function acceptTransfer(
  actor: AppUser,
  rawInput: AcceptTransferInput,
  options?: ServiceOptions,
): Promise<CommandResult<TransferView>> {
  const input = acceptTransferInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const transfer = await findIncoming(tx, actor, input.transferId);
    if (transfer.status !== "REQUESTED") return alreadyDecided(transfer.status);
    const requirement = await tx.requirement.findUniqueOrThrow({
      where: { id: transfer.requirementId },
      select: { regionId: true, pduId: true, coordinatorId: true, status: true },
    });
    if (requirement.status !== "ACTIVE" || requirement.regionId !== transfer.fromRegionId) {
      return failure(
        refuse(
          "TRANSFER_NOT_ALLOWED",
          "This case is no longer active in the region that asked for the transfer, so it cannot move. Decline the request instead.",
        ),
      );
    }
    const open = await tx.allocation.findMany({
      where: { requirementId: transfer.requirementId, status: "BOOKED", attendance: null },
      select: { sessionDate: true },
      orderBy: { sessionDate: "asc" },
    });
    if (open.length > 0) {
      const first = open[0] ? formatDate(isoDateFromUtcDate(open[0].sessionDate)) : "";
      return failure(
        refuse(
          "TRANSFER_NOT_ALLOWED",
          `The case still has ${open.length === 1 ? "1 session" : `${open.length} sessions`} booked in its current region without an outcome (the first on ${first}). The sending region must record or cancel them before the case can move.`,
          { details: { openBookings: open.length } },
        ),
      );
    }

    const before = await loadTransferView(tx, transfer.id);
    await tx.requirementTransfer.update({
      where: { id: transfer.id },
      data: {
        status: "ACCEPTED",
        decidedById: actor.id,
        decidedAt: new Date(),
        decisionNote: input.note ? input.note : null,
        acceptedOn: utcDateFromIsoDate(today),
        // The requirement's PDU is cleared below; the transfer keeps it for dates before today.
        fromPduId: requirement.pduId,
      },
    });
    await tx.requirement.update({
      where: { id: transfer.requirementId },
      data: { regionId: transfer.toRegionId, pduId: null, coordinatorId: null, version: { increment: 1 } },
    });
    const view = await loadTransferView(tx, transfer.id);
    // One event for each region's history: the receiving region's decision, the sending region's loss.
    await audit(tx, actor, {
      action: "requirement.transfer.accept",
      entityType: "RequirementTransfer",
      entityId: transfer.id,
      regionId: transfer.toRegionId,
      before,
      after: view,
    });
    await audit(tx, actor, {
      action: "requirement.region.change",
      entityType: "Requirement",
      entityId: transfer.requirementId,
      regionId: transfer.fromRegionId,
      before: { regionId: requirement.regionId, pduId: requirement.pduId, coordinatorId: requirement.coordinatorId },
      after: { regionId: transfer.toRegionId, pduId: null, coordinatorId: null, transferId: transfer.id, from: today },
    });
    return success(view);
  });
}

/** Declining leaves the case where it is; the sending region sees the reason on the case page. */
export async function declineTransfer(
  actor: AppUser,
  rawInput: DeclineTransferInput,
  options?: ServiceOptions,
): Promise<CommandResult<TransferView>> {
  const input = declineTransferInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const transfer = await findIncoming(tx, actor, input.transferId);
    if (transfer.status !== "REQUESTED") return alreadyDecided(transfer.status);
    const before = await loadTransferView(tx, transfer.id);
    await tx.requirementTransfer.update({
      where: { id: transfer.id },
      data: { status: "DECLINED", decidedById: actor.id, decidedAt: new Date(), decisionNote: input.reason },
    });
    const view = await loadTransferView(tx, transfer.id);
    await audit(tx, actor, {
      action: "requirement.transfer.decline",
      entityType: "RequirementTransfer",
      entityId: transfer.id,
      regionId: transfer.toRegionId,
      before,
      after: view,
    });
    return success(view);
  });
}

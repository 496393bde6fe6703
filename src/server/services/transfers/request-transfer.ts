import "server-only";
import { refuse } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { lockRequirement } from "../row-locks";
import { requireVisibleRequirement } from "../visible-records";
import { type ServiceOptions } from "../context";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { loadTransferView } from "./transfer-view";
import { requestTransferInput, type RequestTransferInput, type TransferView } from "./transfers.types";

/**
 * A coordinator or manager of the case's region asks for it to move to another region (the person
 * has moved, say). Nothing moves yet: the receiving region's manager accepts or declines
 * (decide-transfer.ts), and until then the sending region keeps the case. One open request at a
 * time per case (the requirement row is locked while checking).
 */
export async function requestTransfer(
  actor: AppUser,
  rawInput: RequestTransferInput,
  options?: ServiceOptions,
): Promise<CommandResult<TransferView>> {
  const input = requestTransferInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "transfer.request");
    await lockRequirement(tx, visible.id);

    const toRegion = await tx.region.findUnique({
      where: { code: input.toRegion.toUpperCase() },
      select: { id: true, name: true },
    });
    if (!toRegion) return invalidInput("toRegion", `There is no region with the code ${input.toRegion}.`);
    if (toRegion.id === visible.regionId)
      return invalidInput("toRegion", "The case is already held in that region. Choose another region.");
    if (visible.status !== "ACTIVE") {
      return failure(
        refuse("REQUIREMENT_NOT_ACTIVE", "Only an active case can be transferred to another region.", {
          details: { status: visible.status },
        }),
      );
    }
    const open = await tx.requirementTransfer.findFirst({
      where: { requirementId: visible.id, status: "REQUESTED" },
      select: { id: true, toRegion: { select: { name: true } } },
    });
    if (open) {
      return failure(
        refuse(
          "TRANSFER_NOT_ALLOWED",
          `A transfer to ${open.toRegion.name} is already waiting for a decision. It must be accepted or declined before another is asked for.`,
          {
            field: "toRegion",
            details: { transferId: open.id },
          },
        ),
      );
    }

    const created = await tx.requirementTransfer.create({
      data: {
        requirementId: visible.id,
        fromRegionId: visible.regionId,
        toRegionId: toRegion.id,
        reason: input.reason,
        requestedById: actor.id,
      },
      select: { id: true },
    });
    const view = await loadTransferView(tx, created.id);
    await audit(tx, actor, {
      action: "requirement.transfer.request",
      entityType: "RequirementTransfer",
      entityId: created.id,
      regionId: visible.regionId,
      after: view,
    });
    return success(view);
  });
}

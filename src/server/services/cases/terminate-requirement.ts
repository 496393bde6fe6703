import "server-only";
import { isoDateFromUtcDate, utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { lockRequirement } from "../row-locks";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import {
  terminateRequirementInput,
  type TerminateRequirementInput,
  type TerminateRequirementResult,
} from "./terminate-requirement.types";

/**
 * A regional manager ends an active requirement early: REVOKED (by the court), EXPIRED_INCOMPLETE
 * (the period ran out with hours outstanding) or OTHER. Bookings after the end date that have
 * no attendance are cancelled, so no one is sent to work on a case that has ended.
 */
export async function terminateRequirement(
  actor: AppUser,
  rawInput: TerminateRequirementInput,
  options?: ServiceOptions,
): Promise<CommandResult<TerminateRequirementResult>> {
  const input = terminateRequirementInput.parse(rawInput);
  const today = todayFor(options);
  const on = input.date ?? today;
  return inTransaction(options, async (tx) => {
    const requirement = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "case.terminate");
    if (on > today) return invalidInput("date", "The end date cannot be in the future.");
    await lockRequirement(tx, requirement.id);
    const current = await tx.requirement.findUniqueOrThrow({
      where: { id: requirement.id },
      select: { status: true, sentenceDate: true, version: true },
    });
    if (current.status !== "ACTIVE") {
      const words = current.status === "COMPLETED" ? "has been completed" : "has already been terminated";
      return failure("REQUIREMENT_NOT_ACTIVE", `This requirement ${words}, so it cannot be terminated.`);
    }
    if (on < isoDateFromUtcDate(current.sentenceDate))
      return invalidInput("date", "The end date cannot be before the sentence date.");

    const cancelled = await tx.allocation.updateMany({
      where: {
        requirementId: requirement.id,
        status: "BOOKED",
        sessionDate: { gt: utcDateFromIsoDate(on) },
        attendance: null,
      },
      data: { status: "CANCELLED", version: { increment: 1 } },
    });
    await tx.requirement.update({
      where: { id: requirement.id },
      data: {
        status: "TERMINATED",
        terminationReason: input.reason,
        terminatedOn: utcDateFromIsoDate(on),
        version: { increment: 1 },
      },
    });
    await audit(tx, actor, {
      action: "requirement.terminate",
      entityType: "Requirement",
      entityId: requirement.id,
      regionId: requirement.regionId,
      before: { status: current.status, version: current.version },
      after: {
        status: "TERMINATED",
        terminationReason: input.reason,
        terminatedOn: on,
        note: input.note ?? null,
        cancelledAllocations: cancelled.count,
      },
    });
    return success({
      caseId: requirement.id,
      status: "TERMINATED" as const,
      terminatedOn: on,
      cancelledAllocations: cancelled.count,
    });
  });
}

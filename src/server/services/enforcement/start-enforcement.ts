import "server-only";
import {
  breachStateOn,
  checkFailureNamed,
  checkWarningAllowed,
  isFailureToComply,
  isoDateFromUtcDate,
  refuse,
  utcDateFromIsoDate,
} from "@/domain";
import { AccessError, assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import { loadRuleContext, todayFor, type ServiceOptions } from "../context";
import { requireVisibleRequirement } from "../visible-records";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { startEnforcementInput, type EnforcementActionView, type StartEnforcementInput } from "./enforcement.types";
import { loadOrderActions, toActionView, toDomainAction } from "./order-enforcement";

/** R9 looks across the whole order: lock every requirement row of it, in id order (no deadlocks). */
async function lockOrder(tx: Tx, orderId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Requirement" WHERE "orderId" = ${orderId}::uuid ORDER BY id FOR UPDATE`;
}

// R9
/**
 * Gives a warning or starts breach proceedings on a case (coordinators and managers of the
 * region). A second warning within 12 months of a warning on the same ORDER is refused
 * (SECOND_WARNING_NOT_ALLOWED): breach instead. Every action answers a failure: a recorded one
 * (`attendanceId`) or a described one with its date (FAILURE_REQUIRED otherwise); a failure under
 * another requirement of the same order takes a manager, a breach and a note.
 */
export async function startEnforcement(
  actor: AppUser,
  rawInput: StartEnforcementInput,
  options?: ServiceOptions,
): Promise<CommandResult<EnforcementActionView>> {
  const input = startEnforcementInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "enforcement.start");

    await lockOrder(tx, visible.orderId);
    const requirement = await tx.requirement.findUniqueOrThrow({
      where: { id: visible.id },
      select: { status: true, sentenceDate: true },
    });
    if (requirement.status !== "ACTIVE") {
      return failure(
        refuse("REQUIREMENT_NOT_ACTIVE", "Warnings and breaches can only be started on an active requirement."),
      );
    }
    if (input.date > today) {
      return invalidInput("date", "The date of a warning or breach cannot be in the future.");
    }
    const note = input.note?.trim() || null;
    const named = checkFailureNamed({ ...input, actionDate: input.date });
    if (!named.ok) return failure(named);
    let failureDate = input.failureDate ?? null;
    if (failureDate && failureDate < isoDateFromUtcDate(requirement.sentenceDate)) {
      return invalidInput("failureDate", "The failure cannot be before the sentence date.");
    }

    if (input.attendanceId) {
      const failureRow = await tx.attendance.findFirst({
        where: { id: input.attendanceId, requirement: { orderId: visible.orderId } },
        select: { id: true, requirementId: true, outcome: true, approvalState: true, sessionDate: true },
      });
      if (!failureRow) throw notFound("failure to comply");
      if (failureRow.requirementId !== visible.id) {
        // R9: a failure under another requirement of the same order — a manager's decision, with a note.
        if (actor.role !== "MANAGER") {
          throw new AccessError(
            "FORBIDDEN",
            "Only a manager can start a breach for a failure under another requirement of the order",
          );
        }
        if (input.type !== "BREACH") {
          return failure(
            refuse(
              "OUTCOME_NOT_ALLOWED",
              "A failure under another requirement of the order can only lead to a breach here.",
              { field: "type" },
            ),
          );
        }
        if (!note) {
          return invalidInput(
            "note",
            "Add a note explaining why this breach answers a failure under another requirement.",
          );
        }
      }
      if (!isFailureToComply(failureRow.outcome, failureRow.approvalState)) {
        return failure(
          refuse(
            "OUTCOME_NOT_ALLOWED",
            "The attendance named is not a failure to comply, so there is nothing to warn about.",
            { field: "attendanceId" },
          ),
        );
      }
      if (isoDateFromUtcDate(failureRow.sessionDate) > input.date) {
        return invalidInput("date", "A warning or breach cannot be dated before the failure it answers.");
      }
      failureDate = isoDateFromUtcDate(failureRow.sessionDate);
      const answered = await tx.enforcementAction.findFirst({
        where: { failureAttendanceId: failureRow.id, status: "ACTIVE" },
        select: { type: true },
      });
      if (answered)
        return failure(
          "CONFLICT",
          `This failure to comply has already been answered with a ${answered.type.toLowerCase()}.`,
        );
    }

    const { policy } = await loadRuleContext(tx, { regionId: visible.regionId, on: input.date });
    const onOrder = await loadOrderActions(tx, visible.orderId);
    if (input.type === "WARNING") {
      const allowed = checkWarningAllowed(input.date, onOrder.map(toDomainAction), policy);
      if (!allowed.ok) return failure(allowed);
    } else {
      const ownActions = onOrder.filter((a) => a.requirementId === visible.id).map(toDomainAction);
      if (breachStateOn(today, ownActions).openBreach) {
        return failure(
          "CONFLICT",
          "Breach proceedings are already open on this requirement. Record the court's outcome first.",
        );
      }
    }

    const created = await tx.enforcementAction.create({
      data: {
        requirementId: visible.id,
        orderId: visible.orderId,
        type: input.type,
        date: utcDateFromIsoDate(input.date),
        note,
        failureAttendanceId: input.attendanceId ?? null,
        failureDate: failureDate ? utcDateFromIsoDate(failureDate) : null,
        failureDescription: input.attendanceId ? null : (input.failureDescription?.trim() ?? null),
        deliveredBy: input.type === "WARNING" ? (input.deliveredBy ?? null) : null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const [stored] = (await loadOrderActions(tx, visible.orderId)).filter((a) => a.id === created.id);
    if (!stored) throw new Error("The enforcement action just created could not be read back");
    const view = toActionView(stored, today);
    await audit(tx, actor, {
      action: input.type === "WARNING" ? "enforcement.warning" : "enforcement.breach",
      entityType: "EnforcementAction",
      entityId: created.id,
      regionId: visible.regionId,
      after: view,
    });
    return success(view);
  });
}

import "server-only";
import { z } from "zod";
import { isFailureToComply, isIsoDate, isoDateFromUtcDate, refuse, utcDateFromIsoDate } from "@/domain";
import { assertCan, notFound, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { isUuid } from "../uuid";
import { lockRequirement } from "../row-locks";
import { todayFor, type ServiceOptions } from "../context";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";

const isoDate = z.string().refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" });

export const requestExplanationInput = z
  .object({
    attendanceId: z.uuid(),
    requestedOn: isoDate,
    respondBy: isoDate,
    note: z.string().trim().max(4000).nullish(),
  })
  .strict();
export type RequestExplanationInput = z.input<typeof requestExplanationInput>;

// R9 (optional step)
/**
 * Before deciding on a warning or breach, the officer may ask the person to explain a failure
 * to comply by a date. Recorded once per failure (coordinators and managers), audited. It does
 * not move the failure's due date: the decision is still due within the policy's working days.
 */
export async function requestExplanation(
  actor: AppUser,
  rawInput: RequestExplanationInput,
  options?: ServiceOptions,
): Promise<CommandResult<{ caseId: string; attendanceId: string; respondBy: string }>> {
  const input = requestExplanationInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    if (!isUuid(input.attendanceId)) throw notFound("failure to comply");
    const row = await tx.attendance.findFirst({
      where: { id: input.attendanceId, requirement: visibleRequirementsWhere(actor) },
      select: {
        id: true,
        requirementId: true,
        outcome: true,
        approvalState: true,
        sessionDate: true,
        requirement: { select: { regionId: true } },
      },
    });
    if (!row) throw notFound("failure to comply");
    assertCan(actor, "enforcement.explain");
    await lockRequirement(tx, row.requirementId);
    if (!isFailureToComply(row.outcome, row.approvalState)) {
      return failure(
        refuse("OUTCOME_NOT_ALLOWED", "This attendance is not a failure to comply, so there is nothing to explain."),
      );
    }
    if (input.requestedOn > today) return invalidInput("requestedOn", "The date you asked cannot be in the future.");
    if (input.requestedOn < isoDateFromUtcDate(row.sessionDate))
      return invalidInput("requestedOn", "The date you asked cannot be before the failure.");
    if (input.respondBy < input.requestedOn)
      return invalidInput("respondBy", "The reply date cannot be before the date you asked.");
    const existing = await tx.explanationRequest.findUnique({ where: { attendanceId: row.id }, select: { id: true } });
    if (existing) return failure("CONFLICT", "An explanation has already been asked for this failure.");
    const created = await tx.explanationRequest.create({
      data: {
        attendanceId: row.id,
        requestedOn: utcDateFromIsoDate(input.requestedOn),
        respondBy: utcDateFromIsoDate(input.respondBy),
        note: input.note?.trim() || null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "enforcement.explanation.request",
      entityType: "ExplanationRequest",
      entityId: created.id,
      regionId: row.requirement.regionId,
      after: {
        attendanceId: row.id,
        requestedOn: input.requestedOn,
        respondBy: input.respondBy,
        note: input.note ?? null,
      },
    });
    return success({ caseId: row.requirementId, attendanceId: row.id, respondBy: input.respondBy });
  });
}

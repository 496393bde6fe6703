import "server-only";
import {
  effectiveEndDate,
  isoDateFromUtcDate,
  isTwelveMonthPeriodAbolished,
  refuse,
  utcDateFromIsoDate,
  validateExtension,
} from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { loadRuleContext, todayFor, type ServiceOptions } from "../context";
import { lockRequirement } from "../row-locks";
import { requireVisibleRequirement } from "../visible-records";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { recordExtensionInput, type ExtensionView, type RecordExtensionInput } from "./record-extension.types";

// R3
/**
 * Records a court's extension of the period for the work: managers and coordinators of the
 * region, for an active requirement; the new end date must be after the current effective
 * end date (EXTENSION_NOT_LATER). The requirement row is locked so two extensions entered
 * at once are judged one after the other.
 */
export async function recordExtension(
  actor: AppUser,
  rawInput: RecordExtensionInput,
  options?: ServiceOptions,
): Promise<CommandResult<ExtensionView>> {
  const input = recordExtensionInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "extension.record");

    await lockRequirement(tx, visible.id);
    const requirement = await tx.requirement.findUniqueOrThrow({
      where: { id: visible.id },
      select: { status: true, sentenceDate: true, extensions: { select: { grantedOn: true, newEndDate: true } } },
    });
    if (requirement.status !== "ACTIVE") {
      return failure(
        refuse("REQUIREMENT_NOT_ACTIVE", "An extension can only be recorded for an active requirement.", {
          details: { status: requirement.status },
        }),
      );
    }
    if (input.grantedOn > today) {
      return invalidInput("grantedOn", "The date the court granted the extension cannot be in the future.");
    }
    // Sentencing Act 2026 s.36: once in force there is no period for a court to extend.
    const now = await loadRuleContext(tx, { regionId: visible.regionId, on: today });
    if (isTwelveMonthPeriodAbolished(today, now.policy)) {
      return failure(
        refuse(
          "NO_TWELVE_MONTH_PERIOD",
          "The 12-month period for unpaid work was removed by the Sentencing Act 2026, so there is no period to extend.",
          {
            details: { twelveMonthPeriodAbolishedFrom: now.policy.twelveMonthPeriodAbolishedFrom },
          },
        ),
      );
    }
    const sentenceDate = isoDateFromUtcDate(requirement.sentenceDate);
    // R3's 12 months are those in force on the sentence date (policy module), with any s.36 setting.
    const { policy } = await loadRuleContext(tx, { regionId: visible.regionId, on: sentenceDate });
    const extensions = requirement.extensions.map((e) => ({
      grantedOn: isoDateFromUtcDate(e.grantedOn),
      newEndDate: isoDateFromUtcDate(e.newEndDate),
    }));
    const proposed = { grantedOn: input.grantedOn, newEndDate: input.newEndDate };
    const valid = validateExtension({ sentenceDate, extensions, proposed }, policy);
    if (!valid.ok) return failure(valid);
    const previousEndDate = effectiveEndDate(sentenceDate, extensions, undefined, policy);

    const extension = await tx.extension.create({
      data: {
        requirementId: visible.id,
        grantedOn: utcDateFromIsoDate(input.grantedOn),
        newEndDate: utcDateFromIsoDate(input.newEndDate),
        court: input.court,
        reason: input.reason,
        createdById: actor.id,
      },
      select: { id: true, court: true, reason: true },
    });
    const view: ExtensionView = { ...extension, caseId: visible.id, ...proposed, previousEndDate };
    await audit(tx, actor, {
      action: "extension.record",
      entityType: "Extension",
      entityId: extension.id,
      regionId: visible.regionId,
      before: { effectiveEndDate: previousEndDate },
      after: view,
    });
    return success(view);
  });
}

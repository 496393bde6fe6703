import "server-only";
import {
  checkNotBeforeSentence,
  checkReviewDate,
  isoDateFromUtcDate,
  policyOn,
  refuse,
  reviewDueOn,
  REVIEW_TYPE_LABEL,
  formatDate,
  utcDateFromIsoDate,
} from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { lockRequirement } from "../row-locks";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { recordReviewInput, type RecordReviewInput, type ReviewView } from "./record-review.types";

// R3
/**
 * Records a review of an active requirement: its type, the day it took place and its outcome.
 * A 6- or 9-month review fills that review's slot (one each; a second is 409 CONFLICT); any
 * number of OTHER reviews may be recorded, one a day. With "extension to be sought" the
 * coordinator may also record the day the application went to the court ("extension applied for").
 */
export async function recordReview(
  actor: AppUser,
  rawInput: RecordReviewInput,
  options?: ServiceOptions,
): Promise<CommandResult<ReviewView>> {
  const input = recordReviewInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "review.record");

    await lockRequirement(tx, visible.id);
    const requirement = await tx.requirement.findUniqueOrThrow({
      where: { id: visible.id },
      select: { status: true, sentenceDate: true, extensionAppliedOn: true },
    });
    if (requirement.status !== "ACTIVE") {
      return failure(
        refuse("REQUIREMENT_NOT_ACTIVE", "A review can only be recorded for an active requirement.", {
          details: { status: requirement.status },
        }),
      );
    }
    const sentenceDate = isoDateFromUtcDate(requirement.sentenceDate);
    if (input.date > today)
      return invalidInput(
        "date",
        "A review can only be recorded once it has taken place: the date cannot be in the future.",
      );
    const dated = checkReviewDate({ heldOn: input.date, sentenceDate });
    if (!dated.ok) return failure(dated);
    if (input.extensionAppliedOn !== undefined) {
      if (input.outcome !== "EXTENSION_TO_BE_SOUGHT") {
        return invalidInput(
          "extensionAppliedOn",
          "Only give the date an extension was applied for when the outcome is that an extension is to be sought.",
        );
      }
      if (input.extensionAppliedOn > today)
        return invalidInput("extensionAppliedOn", "The date the extension was applied for cannot be in the future.");
      const applied = checkNotBeforeSentence({
        date: input.extensionAppliedOn,
        sentenceDate,
        what: "The application for an extension",
        field: "extensionAppliedOn",
      });
      if (!applied.ok) return failure(applied);
    }

    // The 6- and 9-month dates use the law in force on the sentence date (R3).
    const dueOn = reviewDueOn(input.type, sentenceDate, input.date, policyOn(sentenceDate));
    const slot = await tx.review.findUnique({
      where: {
        requirementId_kind_dueOn: { requirementId: visible.id, kind: input.type, dueOn: utcDateFromIsoDate(dueOn) },
      },
      select: { id: true, completedOn: true },
    });
    if (slot?.completedOn) {
      return failure(
        "CONFLICT",
        `The ${REVIEW_TYPE_LABEL[input.type].toLowerCase()} was already recorded on ${formatDate(isoDateFromUtcDate(slot.completedOn))}.`,
        {
          field: "type",
          details: { reviewId: slot.id },
        },
      );
    }
    const data = {
      completedOn: utcDateFromIsoDate(input.date),
      outcome: input.outcome,
      note: input.note ? input.note : null,
      completedById: actor.id,
    };
    // A scheduled slot (created with the case's due dates) is filled in; otherwise a new row.
    const review = slot
      ? await tx.review.update({ where: { id: slot.id }, data, select: { id: true, note: true } })
      : await tx.review.create({
          data: { ...data, requirementId: visible.id, kind: input.type, dueOn: utcDateFromIsoDate(dueOn) },
          select: { id: true, note: true },
        });
    let extensionAppliedOn = requirement.extensionAppliedOn ? isoDateFromUtcDate(requirement.extensionAppliedOn) : null;
    if (input.extensionAppliedOn !== undefined) {
      extensionAppliedOn = input.extensionAppliedOn;
      await tx.requirement.update({
        where: { id: visible.id },
        data: { extensionAppliedOn: utcDateFromIsoDate(input.extensionAppliedOn) },
      });
    }

    const view: ReviewView = {
      id: review.id,
      caseId: visible.id,
      type: input.type,
      date: input.date,
      dueOn,
      outcome: input.outcome,
      note: review.note,
      extensionAppliedOn,
    };
    await audit(tx, actor, {
      action: "review.record",
      entityType: "Review",
      entityId: review.id,
      regionId: visible.regionId,
      before: slot ? { scheduled: true, dueOn } : undefined,
      after: view,
    });
    return success(view);
  });
}

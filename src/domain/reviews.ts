// R3 reviews: the 6- and 9-month reviews are mandatory; any other review may be recorded too.
// A review is recorded with its type, the date it took place and its outcome. The work queue
// lists the mandatory reviews due soon or overdue (not yet recorded).

import { addDays, type IsoDate } from "./dates";
import { policyOn, type RulePolicy } from "./policy";
import { reviewDueDates } from "./requirement-dates";
import type { RuleResult } from "./rule-codes";
import { checkNotBeforeSentence } from "./sentence-checks";

export const REVIEW_TYPES = ["SIX_MONTH", "NINE_MONTH", "OTHER"] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

export const REVIEW_OUTCOMES = ["ON_TRACK", "ACTION_PLAN", "EXTENSION_TO_BE_SOUGHT"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const REVIEW_TYPE_LABEL: Readonly<Record<ReviewType, string>> = {
  SIX_MONTH: "6-month review",
  NINE_MONTH: "9-month review",
  OTHER: "Other review",
};

export const REVIEW_OUTCOME_LABEL: Readonly<Record<ReviewOutcome, string>> = {
  ON_TRACK: "On track",
  ACTION_PLAN: "Action plan agreed",
  EXTENSION_TO_BE_SOUGHT: "Extension to be sought from the court",
};

/** The work queue shows a mandatory review this many days before it is due. */
export const REVIEW_DUE_SOON_DAYS = 14;

const MONTHS_OF: Partial<Record<ReviewType, number>> = { SIX_MONTH: 6, NINE_MONTH: 9 };

// R3
/** The date a review is due: the 6- or 9-month date after sentence; an OTHER review is due the day it takes place. */
export function reviewDueOn(
  type: ReviewType,
  sentenceDate: IsoDate,
  heldOn: IsoDate,
  policy: RulePolicy = policyOn(sentenceDate),
): IsoDate {
  const months = MONTHS_OF[type];
  if (months === undefined) return heldOn;
  return reviewDueDates(sentenceDate, policy).find((r) => r.months === months)?.dueOn ?? heldOn;
}

// R3
/** A review cannot be dated before the sentence (BEFORE_SENTENCE); the service refuses a future date as invalid input. */
export function checkReviewDate(input: { heldOn: IsoDate; sentenceDate: IsoDate }): RuleResult<undefined> {
  return checkNotBeforeSentence({ date: input.heldOn, sentenceDate: input.sentenceDate, what: "This review" });
}

export interface MandatoryReviewState {
  type: Exclude<ReviewType, "OTHER">;
  dueOn: IsoDate;
  state: "DUE_SOON" | "OVERDUE";
}

// R3
/**
 * The mandatory reviews of an active requirement that need doing as of `asOf`: overdue when
 * the due date has passed with no review of that type recorded, due soon within 14 days.
 */
export function mandatoryReviewsDue(
  input: { sentenceDate: IsoDate; asOf: IsoDate; recordedTypes: readonly ReviewType[] },
  policy: RulePolicy = policyOn(input.sentenceDate),
): MandatoryReviewState[] {
  const out: MandatoryReviewState[] = [];
  for (const type of ["SIX_MONTH", "NINE_MONTH"] as const) {
    if (input.recordedTypes.includes(type)) continue;
    const dueOn = reviewDueOn(type, input.sentenceDate, input.asOf, policy);
    if (dueOn < input.asOf) out.push({ type, dueOn, state: "OVERDUE" });
    else if (dueOn <= addDays(input.asOf, REVIEW_DUE_SOON_DAYS)) out.push({ type, dueOn, state: "DUE_SOON" });
  }
  return out;
}

// R3
/** "Extension applied for": an application went to the court and no extension has been granted on or after it. */
export function isExtensionAppliedFor(
  appliedOn: IsoDate | null,
  extensions: readonly { grantedOn: IsoDate }[],
): boolean {
  return appliedOn !== null && !extensions.some((e) => e.grantedOn >= appliedOn);
}

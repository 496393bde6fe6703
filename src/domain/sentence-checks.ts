// Checks that tie a record to the order's sentence date: nothing (booking, attendance, ETE
// credit) may be dated before the court made the order, and unpaid work is for adults —
// the person must be 18 or over on the sentence date.

import { ageOn, type IsoDate } from "./dates";
import { formatDate } from "./format";
import { ok, refuse, type RuleResult } from "./rule-codes";

/** Unpaid work requirements are for people aged 18 or over on the sentence date. */
export const ADULT_AGE = 18;

// R2 / R7 / R6
/** A booking, an attendance or an ETE credit dated before the sentence date is refused (BEFORE_SENTENCE). */
export function checkNotBeforeSentence(input: {
  date: IsoDate;
  sentenceDate: IsoDate;
  /** What is dated, in words: "This session", "ETE time". */
  what: string;
  field?: string;
}): RuleResult<undefined> {
  if (input.date >= input.sentenceDate) return ok();
  return refuse(
    "BEFORE_SENTENCE",
    `${input.what} is dated ${formatDate(input.date)}, before the sentence date of ${formatDate(input.sentenceDate)}. Nothing can be booked or credited before the court made the order.`,
    { field: input.field ?? "date", details: { date: input.date, sentenceDate: input.sentenceDate } },
  );
}

/** Unpaid work is for adults: the person must be 18 or over on the sentence date (UNDER_18). */
export function checkAdultOnSentence(input: { dateOfBirth: IsoDate; sentenceDate: IsoDate }): RuleResult<undefined> {
  const age = ageOn(input.dateOfBirth, input.sentenceDate);
  if (age >= ADULT_AGE) return ok();
  return refuse(
    "UNDER_18",
    `On the sentence date (${formatDate(input.sentenceDate)}) this person was ${Math.max(0, age)} years old. An unpaid work requirement can only be made for someone aged 18 or over: check the date of birth and the sentence date.`,
    {
      field: "dateOfBirth",
      details: { dateOfBirth: input.dateOfBirth, sentenceDate: input.sentenceDate, ageOnSentenceDate: age },
    },
  );
}

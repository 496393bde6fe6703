// R6 with R3: the dates an ETE credit may carry. ETE time counts towards the hours, so it
// follows the same dates as work: not before the court made the order (BEFORE_SENTENCE), and
// not after the effective end date unless the court has extended the period (EXTENSION_REQUIRED).

import { maxIsoDate, type IsoDate } from "./dates";
import { formatDate } from "./format";
import { isTwelveMonthPeriodAbolished, policyOn, type RulePolicy } from "./policy";
import { ok, refuse, type RuleResult } from "./rule-codes";
import { checkNotBeforeSentence } from "./sentence-checks";

// R6 / R3
export function checkEteCreditDate(
  input: { date: IsoDate; sentenceDate: IsoDate; effectiveEndDate: IsoDate; today: IsoDate },
  policy: RulePolicy = policyOn(maxIsoDate(input.today, input.date)),
): RuleResult<undefined> {
  const dated = checkNotBeforeSentence({
    date: input.date,
    sentenceDate: input.sentenceDate,
    what: "This ETE activity",
  });
  if (!dated.ok) return dated;
  // Sentencing Act 2026 s.36: once in force there is no end date to pass.
  if (isTwelveMonthPeriodAbolished(maxIsoDate(input.today, input.date), policy)) return ok();
  if (input.date > input.effectiveEndDate) {
    return refuse(
      "EXTENSION_REQUIRED",
      `This ETE activity is dated ${formatDate(input.date)}, after the requirement's end date of ${formatDate(input.effectiveEndDate)}. No time can be credited after that date unless the court extends the order.`,
      { field: "date", details: { date: input.date, effectiveEndDate: input.effectiveEndDate } },
    );
  }
  return ok();
}

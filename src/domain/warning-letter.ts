// R9: the words of a formal warning. Sch 10 para 6 requires it to describe the failure,
// say that it is unacceptable, and say that another failure within 12 months can lead to
// the person being taken back to court. Returned as plain paragraphs for the letter view.

import { type IsoDate } from "./dates";
import { warningLiveUntil } from "./enforcement";
import { formatDate } from "./format";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";

export interface WarningLetter {
  title: string;
  paragraphs: string[];
}

// R9
export function warningLetter(
  /** `failureDate` may be unknown when the warning was recorded without naming the session (the description then carries it). */
  input: { personName: string; crn: string; warningDate: IsoDate; failureDate: IsoDate | null; failureDescription: string },
  policy: RulePolicy = DEFAULT_POLICY,
): WarningLetter {
  const until = warningLiveUntil(input.warningDate, policy);
  return {
    title: "Formal warning: failure to comply with your unpaid work requirement",
    paragraphs: [
      `${input.personName} (case reference ${input.crn}), this letter is dated ${formatDate(input.warningDate)}.`,
      input.failureDate
        ? `On ${formatDate(input.failureDate)} you failed to comply with your unpaid work requirement: ${input.failureDescription.trim()}`
        : `You failed to comply with your unpaid work requirement: ${input.failureDescription.trim()}`,
      "This failure is unacceptable. You have not given a reasonable excuse for it.",
      `If you fail to comply again within 12 months of this warning (by ${formatDate(until)}), you can be taken back to court. The court can give you more hours, change your order, or re-sentence you.`,
    ],
  };
}

// R9: the words of a formal warning (Sentencing Act 2020 Sch 10 para 6). It must describe the
// failure, say that it is unacceptable, and say that another failure within 12 months makes the
// person liable to be brought back before the court. It refers to the order (not only this
// requirement), is addressed to the person, names the officer and how to contact them, and
// records when and how it was given. The page and the PDF both print these words.

import { type IsoDate } from "./dates";
import { warningLiveUntil } from "./enforcement";
import { formatDate } from "./format";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";

export interface WarningLetter {
  title: string;
  /** The person's name and postal address, line by line (empty address lines left out). */
  addressBlock: string[];
  paragraphs: string[];
  /** How and by whom it was given, and how to reach the officer. */
  signOff: string[];
}

export type WarningDelivery = "IN_PERSON" | "POST" | "EMAIL";

const DELIVERY_WORDS: Record<WarningDelivery, string> = {
  IN_PERSON: "in person",
  POST: "by post",
  EMAIL: "by email",
};

export interface WarningLetterInput {
  personName: string;
  crn: string;
  warningDate: IsoDate;
  /** `failureDate` may be unknown only for records made before every warning named its failure. */
  failureDate: IsoDate | null;
  failureDescription: string;
  /** The order: its kind, court and date, and the unpaid work it requires. */
  order: {
    kind: "COMMUNITY_ORDER" | "SUSPENDED_SENTENCE_ORDER";
    court: string;
    sentenceDate: IsoDate;
    hoursOrdered: number;
  };
  /** The address current on the warning date; null when none is recorded. */
  address: readonly string[] | null;
  officer: { name: string; contact: string | null };
  deliveredBy: WarningDelivery | null;
}

const ORDER_WORDS = {
  COMMUNITY_ORDER: "community order",
  SUSPENDED_SENTENCE_ORDER: "suspended sentence order",
} as const;

// R9
export function warningLetter(input: WarningLetterInput, policy: RulePolicy = DEFAULT_POLICY): WarningLetter {
  const until = warningLiveUntil(input.warningDate, policy);
  const order = ORDER_WORDS[input.order.kind];
  const made = `the ${order} made by ${input.order.court} on ${formatDate(input.order.sentenceDate)}`;
  const given = input.deliveredBy
    ? `This warning was given to you ${DELIVERY_WORDS[input.deliveredBy]} on ${formatDate(input.warningDate)} by ${input.officer.name}.`
    : `This warning was given on ${formatDate(input.warningDate)} by ${input.officer.name}.`;
  return {
    title: `Formal warning: failure to comply with your ${order}`,
    addressBlock: [input.personName, ...(input.address ?? ["No address recorded"])].filter(
      (line) => line.trim() !== "",
    ),
    paragraphs: [
      `Case reference ${input.crn}. This letter is dated ${formatDate(input.warningDate)}.`,
      `This is about ${made}. It requires you to do ${input.order.hoursOrdered} hours of unpaid work.`,
      input.failureDate
        ? `On ${formatDate(input.failureDate)} you failed to comply with the requirements of your order: ${input.failureDescription.trim()}`
        : `You failed to comply with the requirements of your order: ${input.failureDescription.trim()}`,
      "This failure is unacceptable. You have not given a reasonable excuse for it.",
      `If you fail to comply with your order again within 12 months of this warning (by ${formatDate(until)}), you are liable to be brought back before the court. The court can then make your order more demanding, fine you, or deal with you again for the original offence.`,
    ],
    signOff: [
      given,
      input.officer.contact
        ? `Contact ${input.officer.name}: ${input.officer.contact}.`
        : `Contact ${input.officer.name} through your probation office.`,
    ],
  };
}

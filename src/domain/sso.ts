// Suspended sentence orders (Sentencing Act 2020 s.288): the court sets an operational period
// of 6 months to 2 years from sentence, and a supervision period, ending no later than the
// operational period, in which the unpaid work must be done. A requirement still active at the
// end of the supervision period has expired incomplete: it is flagged, and counted as an
// "expired-incomplete SSO" without anyone terminating it by hand.

import { addCalendarMonths, type IsoDate } from "./dates";
import { formatDate } from "./format";
import type { OrderType, RequirementStatus } from "./vocabulary";

export const SSO_OPERATIONAL_MIN_MONTHS = 6;
export const SSO_OPERATIONAL_MAX_MONTHS = 24;

export type SsoPeriodCheck =
  { ok: true } | { ok: false; field: "operationalPeriodEndsOn" | "supervisionPeriodEndsOn"; message: string };

/** The periods given with a new order: only for a suspended sentence order, and within the law's limits. */
export function checkSsoPeriods(input: {
  orderType: OrderType;
  sentenceDate: IsoDate;
  operationalPeriodEndsOn?: IsoDate | null;
  supervisionPeriodEndsOn?: IsoDate | null;
}): SsoPeriodCheck {
  const { orderType, sentenceDate, operationalPeriodEndsOn: operational, supervisionPeriodEndsOn: supervision } = input;
  if (orderType !== "SUSPENDED_SENTENCE_ORDER") {
    if (operational)
      return {
        ok: false,
        field: "operationalPeriodEndsOn",
        message: "Only a suspended sentence order has an operational period.",
      };
    if (supervision)
      return {
        ok: false,
        field: "supervisionPeriodEndsOn",
        message: "Only a suspended sentence order has a supervision period.",
      };
    return { ok: true };
  }
  if (operational) {
    const earliest = addCalendarMonths(sentenceDate, SSO_OPERATIONAL_MIN_MONTHS);
    const latest = addCalendarMonths(sentenceDate, SSO_OPERATIONAL_MAX_MONTHS);
    if (operational < earliest || operational > latest) {
      return {
        ok: false,
        field: "operationalPeriodEndsOn",
        message: `The operational period must end between 6 months and 2 years after sentence: from ${formatDate(earliest)} to ${formatDate(latest)}.`,
      };
    }
  }
  if (supervision) {
    if (supervision <= sentenceDate)
      return {
        ok: false,
        field: "supervisionPeriodEndsOn",
        message: "The supervision period must end after the sentence date.",
      };
    if (operational && supervision > operational) {
      return {
        ok: false,
        field: "supervisionPeriodEndsOn",
        message: `The supervision period cannot end after the operational period (${formatDate(operational)}).`,
      };
    }
  }
  return { ok: true };
}

/** A suspended sentence order's requirement still active after its supervision period ended: expired incomplete. */
export function isSsoSupervisionEndedIncomplete(input: {
  orderType: OrderType;
  status: RequirementStatus;
  supervisionPeriodEndsOn: IsoDate | null;
  asOf: IsoDate;
}): boolean {
  return (
    input.orderType === "SUSPENDED_SENTENCE_ORDER" &&
    input.status === "ACTIVE" &&
    input.supervisionPeriodEndsOn !== null &&
    input.supervisionPeriodEndsOn < input.asOf
  );
}

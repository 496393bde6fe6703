// Concurrent and consecutive orders (domain.md §8, order model): the court directs whether a
// requirement runs at the same time as another of the person's (CONCURRENT) or after it
// (CONSECUTIVE). Crediting follows that order (docs/decisions/0049-consecutive-order-crediting.md):
// - concurrent: each requirement is credited by its own bookings, from its own sentence date;
// - consecutive: nothing is booked or credited to the later requirement for a date before the
//   earlier one has ended (completed or terminated); until then the earlier one takes the hours.

import type { IsoDate } from "./dates";
import { formatDate } from "./format";
import { ok, refuse, type RuleResult } from "./rule-codes";
import type { OrderRelation, RequirementStatus } from "./vocabulary";

/** The requirement a consecutive one runs after, as the rule needs it. */
export type EarlierRequirement = {
  /** How messages name it, e.g. "the community order of 3 March 2026 (Leeds Crown Court)". */
  label: string;
  status: RequirementStatus;
  /** The day it was completed or terminated; null while active. */
  endedOn: IsoDate | null;
};

/** The first date on which a consecutive requirement can take credit; null while the earlier one runs. */
export function consecutiveStartsOn(earlier: EarlierRequirement): IsoDate | null {
  return earlier.status === "ACTIVE" ? null : earlier.endedOn;
}

// R7 with the court's order of requirements
/**
 * A booking, an attendance or an ETE credit dated `date` on a requirement that runs after
 * `earlier` is refused (CONSECUTIVE_ORDER_NOT_STARTED) until the earlier one has ended, and for
 * any date before the day it ended. The day it ended itself is allowed: a requirement completed at
 * a morning session leaves the afternoon to the next one.
 */
export function checkConsecutiveOrder(input: {
  relation: OrderRelation | null;
  earlier: EarlierRequirement | null;
  date: IsoDate;
  /** What is dated, in words: "This session", "This ETE activity". */
  what: string;
  field?: string;
}): RuleResult<undefined> {
  if (input.relation !== "CONSECUTIVE" || input.earlier === null) return ok();
  const startsOn = consecutiveStartsOn(input.earlier);
  const field = input.field ?? "date";
  if (startsOn === null) {
    return refuse(
      "CONSECUTIVE_ORDER_NOT_STARTED",
      `This requirement runs after ${input.earlier.label}, which still has hours to do. Book and credit that requirement first: this one starts when it is finished.`,
      { field, details: { date: input.date, earlierStatus: input.earlier.status } },
    );
  }
  if (input.date < startsOn) {
    return refuse(
      "CONSECUTIVE_ORDER_NOT_STARTED",
      `${input.what} is dated ${formatDate(input.date)}, but this requirement runs after ${input.earlier.label}, which ended on ${formatDate(startsOn)}. Hours before that date belong to the earlier requirement.`,
      { field, details: { date: input.date, startsOn } },
    );
  }
  return ok();
}

// Concurrent and consecutive orders (domain.md §8, order model): the court directs whether a
// requirement runs at the same time as another of the person's (CONCURRENT) or after it
// (CONSECUTIVE). Crediting follows that order (docs/decisions/0049-consecutive-order-crediting.md):
// - concurrent: each requirement is booked by its own bookings; every hour credited to either counts
//   towards both (concurrent-crediting.ts, decision 0094);
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

/** The requirement a consecutive one runs after, as R2 and R5 need it: the day it ended, null while active. */
export type RunsAfter = { endedOn: IsoDate | null };

// R2, R4, R5 with the court's order of requirements
/**
 * Whether a consecutive requirement is still waiting for the earlier one on `asOf`: the earlier
 * one had not ended (completed or terminated) on or before that day. The day it ended the later
 * one can already be worked (see checkConsecutiveOrder), so it is no longer waiting. A waiting
 * requirement legally cannot start: it is never late to start, dormant or in the backlog.
 */
export function isWaitingForEarlierOrder(runsAfter: RunsAfter | null | undefined, asOf: IsoDate): boolean {
  if (!runsAfter) return false;
  return runsAfter.endedOn === null || runsAfter.endedOn > asOf;
}

// R2, R5 with the court's order of requirements
/**
 * The day a requirement's own clock starts, as seen on `asOf`: its sentence date, or — for a
 * consecutive requirement — the day the earlier one ended when that is later. R2's start deadline
 * (15 working days counted from the day after) and R5's 28 days count from it exactly as they
 * would from a sentence date. Null while the requirement is waiting for the earlier one.
 */
export function clockStartsOn(
  sentenceDate: IsoDate,
  runsAfter: RunsAfter | null | undefined,
  asOf: IsoDate,
): IsoDate | null {
  if (isWaitingForEarlierOrder(runsAfter, asOf)) return null;
  const ended = runsAfter?.endedOn ?? null;
  return ended !== null && ended > sentenceDate ? ended : sentenceDate;
}

/**
 * A stored requirement's relation as R2/R5 need it: the earlier requirement's end (completedOn or
 * terminatedOn by its status) when this one is consecutive to it; null otherwise.
 */
export function runsAfterOf(
  relation: OrderRelation | null,
  earlier: { status: RequirementStatus; completedOn: IsoDate | null; terminatedOn: IsoDate | null } | null,
): RunsAfter | null {
  if (relation !== "CONSECUTIVE" || earlier === null) return null;
  const endedOn =
    earlier.status === "COMPLETED"
      ? earlier.completedOn
      : earlier.status === "TERMINATED"
        ? earlier.terminatedOn
        : null;
  return { endedOn };
}

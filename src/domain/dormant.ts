// R5 Dormant: an active case where nothing has happened for 28 days — no attendance
// record of any outcome and no ETE credit — and no court process explains the silence.

import { addDays, daysBetween, type IsoDate } from "./dates";
import { policyOn, type RulePolicy } from "./policy";
import type { RequirementStatus } from "./vocabulary";

export interface DormancyFacts {
  status: RequirementStatus;
  /**
   * The day the 28 days count from: the sentence date, or for a consecutive requirement the day the
   * earlier order ended (`clockStartsOn` in order-sequence.ts; a requirement still waiting is never dormant).
   */
  sentenceDate: IsoDate;
  openBreach: boolean;
  underWarrant: boolean;
  /** Dates of every attendance record (any outcome, absences included) and every ETE credit. */
  activityDates: readonly IsoDate[];
}

// R5
/** The first day of the 28 days up to and including D: D − 27. */
export function dormancyWindowStart(asOf: IsoDate, policy: RulePolicy = policyOn(asOf)): IsoDate {
  return addDays(asOf, -(policy.dormantDays - 1));
}

// R5
/**
 * Dormant on D: ACTIVE, sentenced at least 28 days before D, no open breach or warrant,
 * and no attendance record or ETE credit dated in the 28 days D−27 … D.
 */
export function isDormant(asOf: IsoDate, facts: DormancyFacts, policy: RulePolicy = policyOn(asOf)): boolean {
  if (facts.status !== "ACTIVE" || facts.openBreach || facts.underWarrant) return false;
  if (daysBetween(facts.sentenceDate, asOf) < policy.dormantDays) return false;
  const from = dormancyWindowStart(asOf, policy);
  return !facts.activityDates.some((d) => d >= from && d <= asOf);
}

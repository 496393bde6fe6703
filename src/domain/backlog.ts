// R4 Backlog: active requirements past their 12 months with no extension covering the
// date and no court process (open breach or warrant) under way. National target < 2 %.

import type { IsoDate } from "./dates";
import { roundedPercent } from "./format";
import { isTwelveMonthPeriodAbolished, policyOn, type RulePolicy } from "./policy";
import { twelveMonthEnd, type Extension } from "./requirement-dates";
import type { RequirementStatus } from "./vocabulary";

export interface BacklogFacts {
  /** The requirement's status on the as-of date (see `statusOn`). */
  status: RequirementStatus;
  sentenceDate: IsoDate;
  extensions: readonly Extension[];
  /** As of the same date (see `breachStateOn` in enforcement.ts). */
  openBreach: boolean;
  underWarrant: boolean;
}

// R4
/**
 * In backlog on D: ACTIVE, D after sentence + 12 months, no extension (granted by D)
 * with newEndDate ≥ D, and no open breach or warrant. Nothing is in backlog once the
 * Sentencing Act 2026 s.36 has removed the 12-month period (pass the policy with overrides).
 */
export function isInBacklog(asOf: IsoDate, facts: BacklogFacts, policy: RulePolicy = policyOn(asOf)): boolean {
  if (isTwelveMonthPeriodAbolished(asOf, policy)) return false;
  if (facts.status !== "ACTIVE" || facts.openBreach || facts.underWarrant) return false;
  if (asOf <= twelveMonthEnd(facts.sentenceDate, policyOn(facts.sentenceDate))) return false;
  return !facts.extensions.some((e) => e.grantedOn <= asOf && e.newEndDate >= asOf);
}

// R4
/** Backlog % = backlog count ÷ active requirements on D, to one decimal place. */
export function backlogPercent(backlogCount: number, activeCount: number): number {
  return roundedPercent(backlogCount, activeCount);
}

/**
 * A requirement's status on a past date, from its current status and the date it closed:
 * it was ACTIVE from sentence until it completed or was terminated.
 */
export function statusOn(
  asOf: IsoDate,
  facts: { sentenceDate: IsoDate; status: RequirementStatus; closedOn?: IsoDate | null },
): RequirementStatus | null {
  if (asOf < facts.sentenceDate) return null;
  if (facts.status === "ACTIVE") return "ACTIVE";
  if (facts.closedOn === null || facts.closedOn === undefined) return facts.status;
  return asOf >= facts.closedOn ? facts.status : "ACTIVE";
}

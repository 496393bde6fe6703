// Nearing-end RAG (docs/domain.md §5): for a case with hours outstanding,
//   red   = past its effective end date, or 4 weeks or fewer left;
//   amber = at the pace of the last 8 weeks it would finish after its effective end date
//           (judged only once the order has run 8 weeks: see isPaceJudged);
//   green = otherwise.
// The dashboard lists the cases within 8 weeks of their effective end date (`isNearingEnd`).

import { addDays, daysBetween, type IsoDate } from "./dates";
import { policyOn, type RulePolicy } from "./policy";

export type Rag = "RED" | "AMBER" | "GREEN";

export interface DatedMinutes {
  date: IsoDate;
  minutes: number;
}

/** Minutes credited (work and ETE) in the pace window: the 8 weeks up to and including asOf. */
export function minutesInLastWeeks(
  credits: readonly DatedMinutes[],
  asOf: IsoDate,
  policy: RulePolicy = policyOn(asOf),
): number {
  const from = addDays(asOf, -(policy.paceWeeks * 7 - 1));
  return credits.filter((c) => c.date >= from && c.date <= asOf).reduce((sum, c) => sum + c.minutes, 0);
}

/**
 * When the outstanding minutes would be done at the recent pace; null when nothing was
 * credited in the window (no pace, so no projection). asOf itself when nothing is outstanding.
 */
export function projectedCompletionDate(
  input: { asOf: IsoDate; outstandingMinutes: number; minutesInPaceWindow: number },
  policy: RulePolicy = policyOn(input.asOf),
): IsoDate | null {
  if (input.outstandingMinutes <= 0) return input.asOf;
  if (input.minutesInPaceWindow <= 0) return null;
  const windowDays = policy.paceWeeks * 7;
  // ceil(outstanding ÷ (minutes per day)) in integers.
  const daysNeeded = Math.ceil((input.outstandingMinutes * windowDays) / input.minutesInPaceWindow);
  return addDays(input.asOf, daysNeeded);
}

/** Within 8 weeks of the effective end date (or past it) with hours outstanding. */
export function isNearingEnd(
  input: { asOf: IsoDate; effectiveEndDate: IsoDate; outstandingMinutes: number },
  policy: RulePolicy = policyOn(input.asOf),
): boolean {
  return input.outstandingMinutes > 0 && daysBetween(input.asOf, input.effectiveEndDate) <= policy.nearingEndWeeks * 7;
}

// §5 amber
/**
 * Pace is judged only once there is enough history to judge it: the order has run for a whole
 * pace window (8 weeks from the sentence date), so the window holds only time when work could
 * have been done. Before that a case is not "projected to miss" for lack of hours it could not yet work.
 */
export function isPaceJudged(
  input: { asOf: IsoDate; sentenceDate: IsoDate },
  policy: RulePolicy = policyOn(input.asOf),
): boolean {
  return daysBetween(input.sentenceDate, input.asOf) >= policy.paceWeeks * 7;
}

/**
 * RAG for a case with hours outstanding; null when nothing is outstanding. With `sentenceDate`,
 * a case too new to judge its pace is GREEN unless its end date is near (RED).
 */
export function ragStatus(
  input: {
    asOf: IsoDate;
    effectiveEndDate: IsoDate;
    outstandingMinutes: number;
    minutesInPaceWindow: number;
    sentenceDate?: IsoDate;
  },
  policy: RulePolicy = policyOn(input.asOf),
): Rag | null {
  if (input.outstandingMinutes <= 0) return null;
  if (daysBetween(input.asOf, input.effectiveEndDate) <= policy.redWeeks * 7) return "RED";
  if (input.sentenceDate !== undefined && !isPaceJudged({ asOf: input.asOf, sentenceDate: input.sentenceDate }, policy))
    return "GREEN";
  const projected = projectedCompletionDate(input, policy);
  if (projected === null || projected > input.effectiveEndDate) return "AMBER";
  return "GREEN";
}

/**
 * RAG once the Sentencing Act 2026 s.36 has removed the 12-month period: there is no end date to
 * miss, so the rating is by pace only — red when nothing was credited in the pace window (8 weeks),
 * amber when at that pace the hours outstanding would take longer than the old 12 months, else green.
 * Null when nothing is outstanding.
 */
export function ragByPace(
  input: { asOf: IsoDate; outstandingMinutes: number; minutesInPaceWindow: number },
  policy: RulePolicy = policyOn(input.asOf),
): Rag | null {
  if (input.outstandingMinutes <= 0) return null;
  if (input.minutesInPaceWindow <= 0) return "RED";
  const projected = projectedCompletionDate(input, policy);
  if (projected === null || daysBetween(input.asOf, projected) > 365) return "AMBER";
  return "GREEN";
}

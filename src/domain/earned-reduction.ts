// Sentencing Act 2026 s.37 — the earned reduction of hours (Sentencing Code Sch 9 para 3A).
//
// - The qualifying amount is 25 % of the hours ordered, fractions of an hour included
//   (para 3A(2)); the hours ordered are those in force on the as-of date, so hours a court
//   adds on breach raise it.
// - The "relevant period" runs from the order until the qualifying amount was first worked.
//   A failure to attend without reasonable excuse (an unacceptable absence) or being sent home
//   for not working as instructed in that period means para 3A never applies (3A(1)(d)–(e)).
//   Failures after it do not undo it. The records are dated, not timed, so a failure dated on
//   the day the qualifying amount was reached counts as inside the period: the app proposes a
//   disqualification and the officer decides (the record can be corrected to an acceptable absence).
// - Each credit-earning hour — a whole hour worked after the qualifying amount (3A(4)) — takes
//   half an hour off (3A(3)). Hours credited for ETE activity count as hours worked, as they do
//   towards completion (R6). Only hours worked on or after s.37's commencement earn credit.
// - The reduction stops growing when the hours worked reach the reduced requirement: with the
//   Act's figures at most 25 % (100 h ordered → complete at 75 h).
// - The app proposes; the reduction only applies once the responsible officer has recorded the
//   view para 3A(1)(d) asks for (a CONFIRMED decision). Before that the requirement is unchanged.

import type { IsoDate } from "./dates";
import { isEarnedReductionInForce, type RulePolicy } from "./policy";

export const EARNED_REDUCTION_STATUSES = ["NOT_IN_FORCE", "NOT_YET_QUALIFIED", "QUALIFIED", "DISQUALIFIED"] as const;
export type EarnedReductionStatus = (typeof EARNED_REDUCTION_STATUSES)[number];

export const EARNED_REDUCTION_DECISIONS = ["CONFIRMED", "REFUSED"] as const;
export type EarnedReductionDecision = (typeof EARNED_REDUCTION_DECISIONS)[number];

/** What ends the chance of a reduction when it happens in the relevant period. */
export type DisqualifyingFailure = "FAILED_TO_ATTEND" | "SENT_HOME_NOT_WORKING";

export interface EarnedReductionInput {
  asOf: IsoDate;
  /** Hours ordered on the as-of date (after any hours added on breach). */
  hoursOrdered: number;
  /** Minutes credited for work and ETE, dated (already capped at the hours ordered, R7). */
  credits: readonly { date: IsoDate; minutes: number }[];
  /** Failures that count under para 3A(1)(d)–(e), dated. */
  failures: readonly { date: IsoDate; kind: DisqualifyingFailure }[];
  /** The responsible officer's latest recorded view, if any, and the date it was recorded. */
  decision: { decision: EarnedReductionDecision; decidedOn: IsoDate } | null;
}

export interface EarnedReduction {
  status: EarnedReductionStatus;
  /** 25 % of the hours ordered, in whole minutes (rounded up, so it is never reached early). */
  qualifyingMinutes: number;
  /** The date the qualifying amount was first worked (null until then). */
  qualifiedOn: IsoDate | null;
  /** The failure in the relevant period that disqualifies, if any. */
  disqualifyingFailure: { date: IsoDate; kind: DisqualifyingFailure } | null;
  /** Minutes of credit-earning work so far (work after the qualifying amount, on or after commencement). */
  creditEarningMinutes: number;
  /** The reduction the hours worked so far have earned (proposed until the officer confirms it). */
  currentMinutes: number;
  /** The reduction in prospect if the person keeps working without a further disqualification. */
  projectedMinutes: number;
  decision: EarnedReductionDecision | null;
  /** The reduction that applies: currentMinutes once CONFIRMED, else 0. */
  appliedMinutes: number;
  /** Hours ordered × 60 less the applied reduction. */
  minutesRequired: number;
  /** The date the work reached the reduced requirement (never before the officer's confirmation). */
  completedOn: IsoDate | null;
}

/** Para 3A(2): the qualifying amount in minutes. */
export function qualifyingMinutes(hoursOrdered: number, policy: RulePolicy): number {
  return Math.ceil((hoursOrdered * 60 * policy.earnedReductionQualifyingPercent) / 100);
}

/**
 * The reduction reached at the moment the work is complete, for someone who has worked
 * `workedMinutes` with `creditEarningMinutes` of them earning credit, if every further minute
 * earns credit. Completion is when worked ≥ required − reduction.
 */
export function reductionAtCompletion(
  input: { requiredMinutes: number; workedMinutes: number; creditEarningMinutes: number },
  policy: RulePolicy,
): number {
  const { requiredMinutes, workedMinutes, creditEarningMinutes } = input;
  const perHour = policy.earnedReductionMinutesPerCreditHour;
  // In the band where k whole credit-earning hours have been worked, the reduction is k × perHour;
  // the work completes in that band if the reduced requirement falls before the next whole hour.
  for (let k = Math.floor(creditEarningMinutes / 60); k <= requiredMinutes; k++) {
    const reduction = k * perHour;
    const nextHourAt = workedMinutes + (60 * (k + 1) - creditEarningMinutes);
    if (requiredMinutes - reduction < nextHourAt) return Math.min(reduction, requiredMinutes);
  }
  return 0;
}

// Sentencing Act 2026 s.37 (Sch 9 para 3A)
export function earnedReduction(input: EarnedReductionInput, policy: RulePolicy): EarnedReduction {
  const ordered = input.hoursOrdered * 60;
  const qualifying = qualifyingMinutes(input.hoursOrdered, policy);
  const decision = input.decision?.decision ?? null;
  const unchanged = {
    qualifyingMinutes: qualifying,
    creditEarningMinutes: 0,
    currentMinutes: 0,
    projectedMinutes: 0,
    decision,
    appliedMinutes: 0,
    minutesRequired: ordered,
    completedOn: null,
  };
  if (!isEarnedReductionInForce(input.asOf, policy)) {
    return { status: "NOT_IN_FORCE", qualifiedOn: null, disqualifyingFailure: null, ...unchanged };
  }
  const from = policy.earnedReductionFrom as IsoDate;

  // Walk the history day by day; on each day failures come before work (see the header).
  const days = [...new Set([...input.credits.map((c) => c.date), ...input.failures.map((f) => f.date)])]
    .filter((d) => d <= input.asOf)
    .sort();
  const perHour = policy.earnedReductionMinutesPerCreditHour;
  const reductionFor = (earningMinutes: number) => Math.floor(earningMinutes / 60) * perHour;
  let worked = 0;
  let earning = 0;
  let completed = false;
  let qualifiedOn: IsoDate | null = null;
  for (const day of days) {
    if (qualifiedOn === null) {
      const failure = input.failures.find((f) => f.date === day);
      if (failure) {
        return { status: "DISQUALIFIED", qualifiedOn: null, disqualifyingFailure: failure, ...unchanged };
      }
    }
    for (const credit of input.credits.filter((c) => c.date === day)) {
      // In steps that end at the qualifying amount or at a whole credit-earning hour, so the
      // reduction stops growing exactly when the work reaches the reduced requirement.
      let left = credit.minutes;
      while (left > 0 && !completed) {
        const counts = worked >= qualifying && day >= from;
        const toCompletion = ordered - reductionFor(earning) - worked;
        const step = Math.min(
          left,
          toCompletion,
          worked < qualifying ? qualifying - worked : counts ? 60 - (earning % 60) : left,
        );
        worked += step;
        left -= step;
        if (counts) earning += step;
        if (qualifiedOn === null && worked >= qualifying) qualifiedOn = day;
        if (worked >= ordered - reductionFor(earning)) completed = true;
      }
      worked += left;
    }
  }

  const current = reductionFor(earning);
  const projected = completed
    ? current
    : reductionAtCompletion(
        { requiredMinutes: ordered, workedMinutes: Math.max(worked, qualifying), creditEarningMinutes: earning },
        policy,
      );
  if (qualifiedOn === null) {
    return {
      status: "NOT_YET_QUALIFIED",
      qualifiedOn: null,
      disqualifyingFailure: null,
      ...unchanged,
      projectedMinutes: projected,
    };
  }
  const applied = decision === "CONFIRMED" ? current : 0;
  const minutesRequired = ordered - applied;
  return {
    status: "QUALIFIED",
    qualifiedOn,
    disqualifyingFailure: null,
    qualifyingMinutes: qualifying,
    creditEarningMinutes: earning,
    currentMinutes: current,
    projectedMinutes: projected,
    decision,
    appliedMinutes: applied,
    minutesRequired,
    completedOn: applied > 0 ? reducedCompletionDate(input, minutesRequired) : null,
  };
}

/** The first day the hours worked reached the reduced requirement, not before the confirmation. */
function reducedCompletionDate(input: EarnedReductionInput, minutesRequired: number): IsoDate | null {
  let worked = 0;
  const credits = [...input.credits]
    .filter((c) => c.date <= input.asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const credit of credits) {
    worked += credit.minutes;
    if (worked >= minutesRequired) {
      const decidedOn = input.decision?.decidedOn ?? credit.date;
      return decidedOn > credit.date ? decidedOn : credit.date;
    }
  }
  return null;
}

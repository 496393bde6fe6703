// The computed fields of a case (docs/api.md "A case carries…"), derived in one place from
// plain facts and an as-of date, so the case view, the API and the dashboards' definitions
// agree. Dashboards aggregate in SQL for speed; their SQL must match these definitions,
// and tests can compare the two on the same data.

import type { AttendanceOutcome } from "./attendance-outcomes";
import { isInBacklog, statusOn } from "./backlog";
import type { BankHolidayCalendar } from "./bank-holidays";
import { totalCredited } from "./crediting";
import type { IsoDate } from "./dates";
import { isDormant } from "./dormant";
import { clockStartsOn, type RunsAfter } from "./order-sequence";
import type { PartnerCredits } from "./concurrent-crediting";
import { breachStateOn, type EnforcementAction } from "./enforcement";
import {
  earnedReduction,
  type DisqualifyingFailure,
  type EarnedReduction,
  type EarnedReductionDecision,
} from "./earned-reduction";
import { eteAllowanceMinutes } from "./ete";
import { outstandingMinutes, requiredMinutes } from "./hours";
import { isTwelveMonthPeriodAbolished, policyOn, type PolicyOverrides } from "./policy";
import {
  isNearingEnd,
  isPaceJudged,
  minutesInLastWeeks,
  projectedCompletionDate,
  ragByPace,
  ragStatus,
  type Rag,
} from "./rag";
import {
  commencedOn,
  commencedWithinDeadline,
  completedWithinTwelveMonths,
  effectiveEndDate,
  reviewDueDates,
  startDeadline,
  twelveMonthEnd,
  type Extension,
  type ReviewDue,
} from "./requirement-dates";
import type { PlacementType, RequirementStatus } from "./vocabulary";

export interface RequirementFacts {
  sentenceDate: IsoDate;
  /** Current hours ordered (after any HOURS_ADDED). */
  hoursOrdered: number;
  /** Hours first ordered; with it, hours ordered on a past date follow the HOURS_ADDED outcomes. */
  originalHoursOrdered?: number;
  /** Only if court-added hours are kept apart from hoursOrdered (see hours.ts). */
  courtAddedHours?: number;
  /** Stored status and the date it stopped being ACTIVE (completedOn or terminatedOn). */
  status: RequirementStatus;
  closedOn?: IsoDate | null;
  eteEligible: boolean;
  attendances: readonly {
    date: IsoDate;
    outcome: AttendanceOutcome;
    minutesCredited: number;
    placementType?: PlacementType;
  }[];
  eteCredits: readonly { date: IsoDate; minutes: number }[];
  extensions: readonly Extension[];
  enforcementActions: readonly EnforcementAction[];
  /** Sentencing Act 2026 s.37: the responsible officer's recorded views, in any order (the latest by date stands). */
  earnedReductionDecisions?: readonly DatedEarnedReductionDecision[];
  /** A consecutive requirement: the earlier one it runs after (order-sequence.ts). Omit otherwise. */
  runsAfter?: RunsAfter | null;
  /**
   * A concurrent requirement: its partner's credits that count for it (concurrentCreditsFor,
   * decision 0049) — hours, commencement, pace, ETE share and completion, never R8/R9 failures.
   */
  concurrentCredits?: PartnerCredits | null;
}

export interface DatedEarnedReductionDecision {
  decision: EarnedReductionDecision;
  decidedOn: IsoDate;
  /** Orders two decisions on the same day (e.g. the creation time as an ISO string). */
  recordedAt?: string;
}

export interface RequirementView {
  asOf: IsoDate;
  status: RequirementStatus | null;
  hoursOrdered: number;
  requiredMinutes: number;
  minutesCredited: number;
  minutesEte: number;
  outstandingMinutes: number;
  completedOn: IsoDate | null;
  /**
   * R2: 15 working days after the requirement's clock starts (its sentence date, or the day the
   * earlier order ended for a consecutive one); null while it waits for the earlier order.
   */
  startDeadline: IsoDate | null;
  /** A consecutive requirement whose earlier order had not ended on asOf: it cannot start yet (never late, dormant or in backlog). */
  waitingForEarlierOrder: boolean;
  commencedOn: IsoDate | null;
  commencedWithinDeadline: boolean | null;
  twelveMonthEnd: IsoDate;
  /** The end date R3 would give; meaningless once `twelveMonthPeriodApplies` is false (s.36). */
  effectiveEndDate: IsoDate;
  /** False from the Sentencing Act 2026 s.36 commencement: no end date, backlog, nearing end or extension. */
  twelveMonthPeriodApplies: boolean;
  completedWithinTwelveMonths: boolean;
  reviews: ReviewDue[];
  inBacklog: boolean;
  dormant: boolean;
  openBreach: boolean;
  underWarrant: boolean;
  nearingEnd: boolean;
  rag: Rag | null;
  projectedCompletionDate: IsoDate | null;
  /** False while the order is too new for its pace to mean anything (no projection, never AMBER). */
  paceJudged: boolean;
  eteAllowanceMinutes: number;
  eteRemainingMinutes: number;
  /** Sentencing Act 2026 s.37 (Sch 9 para 3A): proposed and applied reduction of hours. */
  earnedReduction: EarnedReduction;
}

/** The failures that count under Sch 9 para 3A(1)(d)–(e): an unacceptable absence, or being sent home for not working. */
export function earnedReductionFailure(outcome: AttendanceOutcome): DisqualifyingFailure | null {
  if (outcome === "UNACCEPTABLE_ABSENCE") return "FAILED_TO_ATTEND";
  if (outcome === "ATTENDED_SENT_HOME_BEHAVIOUR") return "SENT_HOME_NOT_WORKING";
  return null;
}

/** The decision that stands on `asOf`: the latest recorded on or before it. */
export function decisionOn(
  asOf: IsoDate,
  decisions: readonly DatedEarnedReductionDecision[] | undefined,
): { decision: EarnedReductionDecision; decidedOn: IsoDate } | null {
  let latest: DatedEarnedReductionDecision | null = null;
  for (const d of decisions ?? []) {
    if (d.decidedOn > asOf) continue;
    if (
      latest === null ||
      d.decidedOn > latest.decidedOn ||
      (d.decidedOn === latest.decidedOn && (d.recordedAt ?? "") >= (latest.recordedAt ?? ""))
    )
      latest = d;
  }
  return latest ? { decision: latest.decision, decidedOn: latest.decidedOn } : null;
}

/** Sch 9 para 3A for a requirement's facts as of a date (credits capped as R7 caps them are not needed: the rule stops at completion). */
export function earnedReductionOn(
  asOf: IsoDate,
  facts: Pick<RequirementFacts, "attendances" | "eteCredits" | "earnedReductionDecisions" | "concurrentCredits">,
  hoursOrdered: number,
  policy: ReturnType<typeof policyOn>,
): EarnedReduction {
  return earnedReduction(
    {
      asOf,
      hoursOrdered,
      credits: [
        ...facts.attendances
          .filter((a) => a.minutesCredited > 0)
          .map((a) => ({ date: a.date, minutes: a.minutesCredited })),
        ...facts.eteCredits.map((c) => ({ date: c.date, minutes: c.minutes })),
        // Concurrent orders (0049): the partner's hours are hours done here too (its failures are not).
        ...[...(facts.concurrentCredits?.attendances ?? []), ...(facts.concurrentCredits?.eteCredits ?? [])]
          .filter((c) => c.date <= asOf)
          .map((c) => ({ date: c.date, minutes: "minutes" in c ? c.minutes : c.minutesCredited })),
      ],
      failures: facts.attendances.flatMap((a) => {
        const kind = earnedReductionFailure(a.outcome);
        return kind ? [{ date: a.date, kind }] : [];
      }),
      decision: decisionOn(asOf, facts.earnedReductionDecisions),
    },
    policy,
  );
}

/** Hours ordered on a date: the last HOURS_ADDED outcome by then, else the hours first ordered. */
export function hoursOrderedOn(asOf: IsoDate, facts: RequirementFacts): number {
  if (facts.originalHoursOrdered === undefined) return facts.hoursOrdered;
  let hours = facts.originalHoursOrdered;
  let latest = "";
  for (const action of facts.enforcementActions) {
    for (const o of action.outcomes ?? []) {
      if (o.outcome === "HOURS_ADDED" && o.newHoursOrdered && o.date <= asOf && o.date >= latest) {
        hours = o.newHoursOrdered;
        latest = o.date;
      }
    }
  }
  return hours;
}

export function deriveRequirementStatus(
  facts: RequirementFacts,
  asOf: IsoDate,
  options: { calendar: BankHolidayCalendar; overrides?: PolicyOverrides },
): RequirementView {
  const policy = policyOn(asOf, options.overrides);
  const atSentence = policyOn(facts.sentenceDate, options.overrides);
  const hours = hoursOrderedOn(asOf, facts);
  const ordered = requiredMinutes(hours, facts.courtAddedHours ?? 0);

  const ownAttendances = facts.attendances.filter((a) => a.date <= asOf);
  const partner = facts.concurrentCredits;
  // Concurrent orders (0049): the partner's credits count here too, as this requirement's own.
  const attendances = [...ownAttendances, ...(partner?.attendances ?? []).filter((a) => a.date <= asOf)];
  const eteCredits = [...facts.eteCredits, ...(partner?.eteCredits ?? [])].filter((c) => c.date <= asOf);
  const credits = [
    ...attendances.map((a) => ({ date: a.date, minutes: a.minutesCredited })),
    ...eteCredits.map((c) => ({ date: c.date, minutes: c.minutes })),
  ];
  const totals = totalCredited(credits, ordered);
  // Sentencing Act 2026 s.37: once the officer confirms, the hours required fall and the work may complete earlier.
  const reduction = earnedReductionOn(
    asOf,
    {
      attendances: ownAttendances,
      eteCredits: facts.eteCredits.filter((c) => c.date <= asOf),
      earnedReductionDecisions: facts.earnedReductionDecisions,
      concurrentCredits: partner,
    },
    hours,
    policy,
  );
  const required = ordered - reduction.appliedMinutes;
  const completedByCredits =
    reduction.completedOn !== null && (totals.completedOn === null || reduction.completedOn < totals.completedOn)
      ? reduction.completedOn
      : totals.completedOn;
  const minutesEte = eteCredits.reduce((sum, c) => sum + c.minutes, 0);
  const outstanding = outstandingMinutes(required, totals.minutesCredited);

  // A stored ACTIVE status that the credits have since completed is reported as COMPLETED (R7).
  const completedOnEver =
    facts.status === "COMPLETED"
      ? (facts.closedOn ?? totals.completedOn)
      : facts.status === "ACTIVE"
        ? completedByCredits
        : null;
  const completedOn = completedOnEver !== null && completedOnEver <= asOf ? completedOnEver : null;
  const status =
    completedOnEver !== null
      ? statusOn(asOf, { sentenceDate: facts.sentenceDate, status: "COMPLETED", closedOn: completedOnEver })
      : statusOn(asOf, facts);

  // R2/R4/R5: a consecutive requirement's clock starts when the earlier order ends (order-sequence.ts).
  const clockStart = clockStartsOn(facts.sentenceDate, facts.runsAfter, asOf);
  const waiting = clockStart === null;
  const deadline = clockStart === null ? null : startDeadline(clockStart, options.calendar, atSentence);
  const commenced = commencedOn(attendances, asOf);
  const endDate = effectiveEndDate(facts.sentenceDate, facts.extensions, asOf, atSentence);
  const { openBreach, underWarrant } = breachStateOn(asOf, facts.enforcementActions);
  const active = status === "ACTIVE";
  const twelveMonthPeriodApplies = !isTwelveMonthPeriodAbolished(asOf, policy);
  const paceMinutes = minutesInLastWeeks(credits, asOf, policy);
  const allowance = facts.eteEligible ? eteAllowanceMinutes(hours, policy) : 0;
  const paceJudged = isPaceJudged({ asOf, sentenceDate: facts.sentenceDate }, policy);

  return {
    asOf,
    status,
    hoursOrdered: hours,
    requiredMinutes: required,
    minutesCredited: totals.minutesCredited,
    minutesEte,
    outstandingMinutes: outstanding,
    completedOn,
    startDeadline: deadline,
    waitingForEarlierOrder: waiting,
    commencedOn: commenced,
    commencedWithinDeadline: deadline === null ? null : commencedWithinDeadline(commenced, deadline, asOf),
    twelveMonthEnd: twelveMonthEnd(facts.sentenceDate, atSentence),
    effectiveEndDate: endDate,
    twelveMonthPeriodApplies,
    completedWithinTwelveMonths: completedWithinTwelveMonths(facts.sentenceDate, completedOn, atSentence),
    reviews: reviewDueDates(facts.sentenceDate, atSentence),
    inBacklog:
      status !== null &&
      !waiting &&
      isInBacklog(
        asOf,
        { status, sentenceDate: facts.sentenceDate, extensions: facts.extensions, openBreach, underWarrant },
        policy,
      ),
    dormant:
      status !== null &&
      clockStart !== null &&
      isDormant(
        asOf,
        {
          status,
          sentenceDate: clockStart,
          openBreach,
          underWarrant,
          activityDates: [...attendances.map((a) => a.date), ...eteCredits.map((c) => c.date)],
        },
        policy,
      ),
    openBreach,
    underWarrant,
    nearingEnd:
      active &&
      twelveMonthPeriodApplies &&
      isNearingEnd({ asOf, effectiveEndDate: endDate, outstandingMinutes: outstanding }, policy),
    rag: active
      ? twelveMonthPeriodApplies
        ? ragStatus(
            {
              asOf,
              effectiveEndDate: endDate,
              outstandingMinutes: outstanding,
              minutesInPaceWindow: paceMinutes,
              sentenceDate: facts.sentenceDate,
            },
            policy,
          )
        : paceJudged
          ? ragByPace({ asOf, outstandingMinutes: outstanding, minutesInPaceWindow: paceMinutes }, policy)
          : outstanding > 0
            ? "GREEN"
            : null
      : null,
    projectedCompletionDate:
      active && paceJudged
        ? projectedCompletionDate({ asOf, outstandingMinutes: outstanding, minutesInPaceWindow: paceMinutes }, policy)
        : null,
    paceJudged,
    eteAllowanceMinutes: allowance,
    eteRemainingMinutes: Math.max(0, allowance - minutesEte),
    earnedReduction: reduction,
  };
}

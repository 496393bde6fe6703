// Every number in the rules of docs/domain.md §4, with the date each value applies from, so a
// change in the law is a new dated entry here (or an administrator's PolicySetting row
// passed in as an override), not a hunt through the code.
//
// Which date to ask about: rules about how an order starts (R2's 15 working days, R3's
// 12 months and reviews) use the policy on the sentence date; rules about what may happen
// now (R4 backlog, R5 dormant, R6 ETE, R9 warnings, R10 allocation) use the as-of date.
//
// Sentencing Act 2026:
// - s.36 (commenced by SI 2026/402) removes the 12-month period for orders whenever made.
//   The commencement date is set by an administrator; until then it is null and R3/R4
//   stand as written. See `isTwelveMonthPeriodAbolished`.
// - s.37 inserts Sch 9 para 3A: an earned reduction of hours (after 25 % of the hours without
//   a failure to attend or being sent home, half an hour off per further hour worked). The 25 %
//   and the half hour are dated values below; the commencement date is set by an administrator
//   (null until then, and nothing changes). See earned-reduction.ts.

import { compareIsoDate, parseIsoDate, type IsoDate } from "./dates";

export interface RulePolicy {
  /** R1: fewest hours a court may order. */
  minHours: number;
  /** R1: most hours a requirement may carry, including hours a court adds on breach. */
  maxHours: number;
  /** R1: warn when a person's outstanding hours across active requirements exceed this. */
  outstandingHoursWarningAbove: number;
  /** R2: working days after sentence by which the work should start. */
  startWorkingDays: number;
  /** R3: calendar months from sentence in which the hours must be worked. */
  twelveMonths: number;
  /** R3: mandatory reviews, in months after sentence. */
  reviewMonths: readonly number[];
  /** R5: days without any attendance record or ETE credit before a case is dormant. */
  dormantDays: number;
  /** R6: ETE may make up at most this percentage of the hours ordered. */
  eteCapPercent: number;
  /** R8: accepted absences (not counting STOOD_DOWN) allowed before each further one needs approval. */
  acceptedAbsencesBeforeApproval: number;
  /** R9: a previous warning within this many months means a breach is due, not a warning. */
  warningLookbackMonths: number;
  /**
   * R9: working days after a failure to comply by which the officer should have acted on it
   * (a warning, breach proceedings, or the failure accepted). Source: the National Standards
   * (2000, amended 2002) as cited by Probation Circular 43/2004 — "enforcement action initiated
   * within 10 working days as required by National Standards" (docs/decisions/0020, checked).
   */
  enforcementDecisionWorkingDays: number;
  /** R9: fewest hours a court may impose on breach when the order had no unpaid work. */
  minHoursAddedOnBreachWhenNoUpw: number;
  /** R10: allocations may reach capacity × this percentage (regions may override). */
  overSubscriptionPercent: number;
  /** R10 (second round): the most people one supervisor may have booked on a group session (regions may override). */
  maxPeoplePerSupervisor: number;
  /** §5: "nearing end" window and its red band, in weeks before the effective end date. */
  nearingEndWeeks: number;
  redWeeks: number;
  /** §5 amber: the pace of work is measured over this many recent weeks. */
  paceWeeks: number;
  /** Sentencing Act 2026 s.36: from this date no 12-month period applies (null = not yet commenced). */
  twelveMonthPeriodAbolishedFrom: IsoDate | null;
  /** R8: least credit for a session the service stood down after the person arrived (null = none set; time present only). */
  sentHomeByServiceMinimumMinutes: number | null;
  /** Sentencing Act 2026 s.37: from this date Sch 9 para 3A's earned reduction applies (null = not yet commenced). */
  earnedReductionFrom: IsoDate | null;
  /** Sch 9 para 3A(2): the qualifying amount, as a percentage of the hours ordered. */
  earnedReductionQualifyingPercent: number;
  /** Sch 9 para 3A(3): minutes taken off for every credit-earning hour worked. */
  earnedReductionMinutesPerCreditHour: number;
}

export interface PolicyEntry {
  appliesFrom: IsoDate;
  /** The law or decision behind the values. */
  source: string;
  values: Partial<RulePolicy>;
}

/**
 * The law as written in docs/domain.md §4. Community orders under the Criminal Justice Act 2003
 * (in force 4 April 2005) used the same numbers that the Sentencing Act 2020 re-enacted,
 * so one entry covers both. Dates before the first entry use the first entry.
 */
export const POLICY_HISTORY: readonly PolicyEntry[] = [
  {
    appliesFrom: "2005-04-04",
    source: "Criminal Justice Act 2003 / Sentencing Act 2020 Sch 9–10; HMPPS unpaid work operating guidance",
    values: {
      minHours: 40,
      maxHours: 300,
      outstandingHoursWarningAbove: 300,
      startWorkingDays: 15,
      twelveMonths: 12,
      reviewMonths: [6, 9],
      dormantDays: 28,
      eteCapPercent: 30,
      acceptedAbsencesBeforeApproval: 2,
      warningLookbackMonths: 12,
      enforcementDecisionWorkingDays: 10,
      minHoursAddedOnBreachWhenNoUpw: 20,
      overSubscriptionPercent: 120,
      maxPeoplePerSupervisor: 10,
      nearingEndWeeks: 8,
      redWeeks: 4,
      paceWeeks: 8,
      twelveMonthPeriodAbolishedFrom: null,
      // No national minimum is in force: HMIP's 2006 bulletin recommended one hour, but no
      // guidance adopted it. A dated entry (e.g. { sentHomeByServiceMinimumMinutes: 60 }) sets one.
      sentHomeByServiceMinimumMinutes: null,
      earnedReductionFrom: null,
      // Inert until an administrator records earnedReductionFrom; the Act's figures from Royal Assent.
      earnedReductionQualifyingPercent: 25,
      earnedReductionMinutesPerCreditHour: 30,
    },
  },
];

/** Settings that come from the database rather than the law's text. */
export interface PolicyOverrides {
  /** The region's over-subscription limit (Region.overSubscriptionPercent). */
  overSubscriptionPercent?: number;
  /** The region's people-per-supervisor override (Region.maxPeoplePerSupervisor; null = the national value). */
  maxPeoplePerSupervisor?: number | null;
  /** Set by an administrator once SI 2026/402 commences s.36. */
  twelveMonthPeriodAbolishedFrom?: IsoDate | null;
  /** Set by an administrator once s.37 (Sch 9 para 3A) is commenced. */
  earnedReductionFrom?: IsoDate | null;
  /** Extra dated entries (e.g. from PolicySetting rows); later appliesFrom wins. */
  entries?: readonly PolicyEntry[];
}

function isComplete(values: Partial<RulePolicy>): values is RulePolicy {
  const keys: (keyof RulePolicy)[] = [
    "minHours",
    "maxHours",
    "outstandingHoursWarningAbove",
    "startWorkingDays",
    "twelveMonths",
    "reviewMonths",
    "dormantDays",
    "eteCapPercent",
    "acceptedAbsencesBeforeApproval",
    "warningLookbackMonths",
    "enforcementDecisionWorkingDays",
    "minHoursAddedOnBreachWhenNoUpw",
    "overSubscriptionPercent",
    "maxPeoplePerSupervisor",
    "nearingEndWeeks",
    "redWeeks",
    "paceWeeks",
    "twelveMonthPeriodAbolishedFrom",
    "sentHomeByServiceMinimumMinutes",
    "earnedReductionFrom",
    "earnedReductionQualifyingPercent",
    "earnedReductionMinutesPerCreditHour",
  ];
  return keys.every((k) => values[k] !== undefined);
}

/** The rule values in force on `date`, with any regional or administrator overrides applied. */
export function policyOn(date: IsoDate, overrides: PolicyOverrides = {}): RulePolicy {
  const on = parseIsoDate(date);
  const entries = [...POLICY_HISTORY, ...(overrides.entries ?? [])].sort((a, b) =>
    compareIsoDate(a.appliesFrom, b.appliesFrom),
  );
  const first = entries[0];
  if (!first) throw new Error("POLICY_HISTORY is empty");
  let values: Partial<RulePolicy> = { ...first.values };
  for (const entry of entries) {
    if (entry.appliesFrom <= on) values = { ...values, ...entry.values };
  }
  if (overrides.overSubscriptionPercent !== undefined)
    values.overSubscriptionPercent = overrides.overSubscriptionPercent;
  if (overrides.maxPeoplePerSupervisor !== undefined && overrides.maxPeoplePerSupervisor !== null) {
    values.maxPeoplePerSupervisor = overrides.maxPeoplePerSupervisor;
  }
  if (overrides.twelveMonthPeriodAbolishedFrom !== undefined) {
    values.twelveMonthPeriodAbolishedFrom = overrides.twelveMonthPeriodAbolishedFrom;
  }
  if (overrides.earnedReductionFrom !== undefined) values.earnedReductionFrom = overrides.earnedReductionFrom;
  if (!isComplete(values)) throw new Error(`Rule policy on ${on} is missing values`);
  return values;
}

/** The law as first written (docs/domain.md §4), for rules that have no natural date to ask about. */
export const DEFAULT_POLICY: RulePolicy = policyOn("2005-04-04");

/** Sentencing Act 2026 s.36: once commenced, no order has a 12-month period (R3 and R4 stop applying). */
export function isTwelveMonthPeriodAbolished(asOf: IsoDate, policy: RulePolicy): boolean {
  return policy.twelveMonthPeriodAbolishedFrom !== null && asOf >= policy.twelveMonthPeriodAbolishedFrom;
}

/** Sentencing Act 2026 s.37: once commenced, Sch 9 para 3A's earned reduction of hours applies. */
export function isEarnedReductionInForce(asOf: IsoDate, policy: RulePolicy): boolean {
  return policy.earnedReductionFrom !== null && asOf >= policy.earnedReductionFrom;
}

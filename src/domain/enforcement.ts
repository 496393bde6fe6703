// R9 Enforcement (Sentencing Act 2020 Sch 10 para 6): after a failure to comply without
// reasonable excuse, a warning is due unless a warning was given on this order in the
// previous 12 months, in which case breach proceedings are due (no second warning).
// Breach outcomes from court: every decision (CONTINUE, HOURS_ADDED, REVOKED, FINE,
// ORDER_AMENDED, NOT_PROVEN, WITHDRAWN_BY_COURT, REVOKED_AND_RESENTENCED, SSO_ACTIVATED)
// closes the breach; WARRANT_ISSUED keeps it open and the requirement "under warrant" until
// WARRANT_EXECUTED. A withdrawn action (its failure corrected to acceptable, or withdrawn by a
// manager with a reason) no longer counts: the next failure is treated as a first.

import { addCalendarMonths, type IsoDate } from "./dates";
import { formatDate } from "./format";
import { validateHoursAddedOnBreach } from "./hours";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";
import { ok, refuse, type RuleResult } from "./rule-codes";

export type EnforcementType = "WARNING" | "BREACH";
export const BREACH_OUTCOMES = [
  "CONTINUE",
  "HOURS_ADDED",
  "REVOKED",
  "WARRANT_ISSUED",
  "WARRANT_EXECUTED",
  "FINE",
  "ORDER_AMENDED",
  "NOT_PROVEN",
  "WITHDRAWN_BY_COURT",
  "REVOKED_AND_RESENTENCED",
  "SSO_ACTIVATED",
] as const;
export type BreachOutcome = (typeof BREACH_OUTCOMES)[number];

/** Court decisions that close a breach: everything but the warrant steps. */
export const CLOSING_OUTCOMES: readonly BreachOutcome[] = [
  "CONTINUE",
  "HOURS_ADDED",
  "REVOKED",
  "FINE",
  "ORDER_AMENDED",
  "NOT_PROVEN",
  "WITHDRAWN_BY_COURT",
  "REVOKED_AND_RESENTENCED",
  "SSO_ACTIVATED",
];
const CLOSING: ReadonlySet<BreachOutcome> = new Set(CLOSING_OUTCOMES);
/** Outcomes that end the requirement (TERMINATED): the order is revoked, or the suspended sentence activated. */
const TERMINATING: ReadonlySet<BreachOutcome> = new Set(["REVOKED", "REVOKED_AND_RESENTENCED", "SSO_ACTIVATED"]);

export interface RecordedBreachOutcome {
  outcome: BreachOutcome;
  date: IsoDate;
  newHoursOrdered?: number | null;
}

export interface EnforcementAction {
  type: EnforcementType;
  date: IsoDate;
  /** Court outcomes of a breach (none for a warning). */
  outcomes?: readonly RecordedBreachOutcome[];
  /** Withdrawn: the action no longer counts for R9 (default false). */
  withdrawn?: boolean;
}

/** The actions that still count: withdrawn ones are void. */
function standing(actions: readonly EnforcementAction[]): EnforcementAction[] {
  return actions.filter((a) => !a.withdrawn);
}

/** The last day on which a further failure means breach: warning date + 12 calendar months. */
export function warningLiveUntil(warningDate: IsoDate, policy: RulePolicy = DEFAULT_POLICY): IsoDate {
  return addCalendarMonths(warningDate, policy.warningLookbackMonths);
}

/** The warning on this order, given on or before `date`, that still counts: within 12 months of it. */
function liveWarning(
  date: IsoDate,
  actionsOnOrder: readonly EnforcementAction[],
  policy: RulePolicy,
): EnforcementAction | undefined {
  return standing(actionsOnOrder)
    .filter((a) => a.type === "WARNING" && a.date <= date && date <= warningLiveUntil(a.date, policy))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
}

// R9
/**
 * Which action a failure to comply on `failureDate` calls for, given the enforcement
 * actions already taken on the same order (any of its requirements).
 */
export function enforcementDue(
  failureDate: IsoDate,
  priorActionsOnOrder: readonly EnforcementAction[],
  policy: RulePolicy = DEFAULT_POLICY,
): EnforcementType {
  return liveWarning(failureDate, priorActionsOnOrder, policy) ? "BREACH" : "WARNING";
}

// R9
/** A second warning within 12 months of a warning on the order is refused: breach instead. */
export function checkWarningAllowed(
  date: IsoDate,
  priorActionsOnOrder: readonly EnforcementAction[],
  policy: RulePolicy = DEFAULT_POLICY,
): RuleResult<undefined> {
  const previous = liveWarning(date, priorActionsOnOrder, policy);
  if (previous) {
    return refuse(
      "SECOND_WARNING_NOT_ALLOWED",
      `A warning was given on ${formatDate(previous.date)}. A further failure within 12 months of that warning (up to ${formatDate(warningLiveUntil(previous.date, policy))}) must go back to court as a breach, not get a second warning.`,
      { field: "type", details: { previousWarningDate: previous.date } },
    );
  }
  return ok();
}

export interface BreachState {
  /** Breach proceedings started and not yet closed by CONTINUE, HOURS_ADDED or REVOKED. */
  openBreach: boolean;
  /** A warrant has been issued and not yet executed. */
  underWarrant: boolean;
}

function outcomesOn(action: EnforcementAction, asOf: IsoDate): RecordedBreachOutcome[] {
  return (action.outcomes ?? [])
    .filter((o) => o.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function stateOfBreach(action: EnforcementAction, asOf: IsoDate): BreachState {
  let closed = false;
  let underWarrant = false;
  for (const o of outcomesOn(action, asOf)) {
    if (CLOSING.has(o.outcome)) {
      closed = true;
      underWarrant = false;
    } else if (o.outcome === "WARRANT_ISSUED") {
      underWarrant = true;
    } else {
      underWarrant = false; // WARRANT_EXECUTED: back before the court, breach still open
    }
  }
  return { openBreach: !closed, underWarrant: !closed && underWarrant };
}

// R9
/** Open breach / under warrant on a date, from the requirement's actions and their outcomes. */
export function breachStateOn(asOf: IsoDate, actions: readonly EnforcementAction[]): BreachState {
  let openBreach = false;
  let underWarrant = false;
  for (const action of standing(actions)) {
    if (action.type !== "BREACH" || action.date > asOf) continue;
    const state = stateOfBreach(action, asOf);
    openBreach ||= state.openBreach;
    underWarrant ||= state.underWarrant;
  }
  return { openBreach, underWarrant };
}

export interface BreachOutcomeEffect {
  closesBreach: boolean;
  underWarrant: boolean;
  /** HOURS_ADDED: the requirement's new hours ordered. */
  newHoursOrdered: number | null;
  /** REVOKED, REVOKED_AND_RESENTENCED, SSO_ACTIVATED: the requirement becomes TERMINATED. */
  terminates: boolean;
}

// R9 / R1
/**
 * Whether the order had unpaid work before the breach (Sch 10: the court may impose an unpaid
 * work requirement of at least 20 hours only when there was none). Derived from the order's
 * requirements: any unpaid work requirement made on or before the breach date.
 */
export function orderHadUnpaidWorkBefore(breachDate: IsoDate, requirementSentenceDates: readonly IsoDate[]): boolean {
  return requirementSentenceDates.some((d) => d <= breachDate);
}

// R9
/** Checks a court outcome against the breach's history and says what it does to the requirement. */
export function validateBreachOutcome(
  input: {
    action: EnforcementAction;
    outcome: RecordedBreachOutcome;
    currentHoursOrdered: number;
    /** False when the breach is of an order that had no unpaid work requirement before. */
    orderHadUnpaidWork: boolean;
    /** SSO_ACTIVATED is only for a suspended sentence order. */
    orderType?: "COMMUNITY_ORDER" | "SUSPENDED_SENTENCE_ORDER";
  },
  policy: RulePolicy = DEFAULT_POLICY,
): RuleResult<BreachOutcomeEffect> {
  const { action, outcome, currentHoursOrdered, orderHadUnpaidWork } = input;
  const refuseOutcome = (message: string) =>
    refuse("OUTCOME_NOT_ALLOWED", message, { field: "outcome", details: { outcome: outcome.outcome } });
  if (action.type !== "BREACH")
    return refuseOutcome("A court outcome can only be recorded for a breach, not a warning.");
  if (action.withdrawn) return refuseOutcome("This breach was withdrawn, so no court outcome can be recorded for it.");
  if (outcome.outcome === "SSO_ACTIVATED" && input.orderType !== "SUSPENDED_SENTENCE_ORDER") {
    return refuseOutcome("Only a suspended sentence order can be activated. This is a community order.");
  }
  const history = action.outcomes ?? [];
  const last = [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
  if (outcome.date < action.date || (last && outcome.date < last.date)) {
    return refuse("OUTCOME_NOT_ALLOWED", "The outcome date cannot be before the breach or its last recorded outcome.", {
      field: "date",
      details: { breachDate: action.date, lastOutcomeDate: last?.date ?? null },
    });
  }
  const state = stateOfBreach(action, "9999-12-31");
  if (!state.openBreach) return refuseOutcome("This breach has already been decided by the court.");
  if (outcome.outcome === "WARRANT_EXECUTED" && !state.underWarrant) {
    return refuseOutcome("There is no outstanding warrant on this breach to record as executed.");
  }
  if (outcome.outcome === "WARRANT_ISSUED" && state.underWarrant) {
    return refuseOutcome("A warrant is already outstanding on this breach.");
  }
  if (state.underWarrant && CLOSING.has(outcome.outcome)) {
    return refuseOutcome("Record the warrant as executed before recording the court's decision.");
  }
  let newHoursOrdered: number | null = null;
  if (outcome.outcome === "HOURS_ADDED") {
    const hours = validateHoursAddedOnBreach(
      { currentHoursOrdered, newHoursOrdered: outcome.newHoursOrdered, orderHadUnpaidWork },
      policy,
    );
    if (!hours.ok) return hours;
    newHoursOrdered = hours.value;
  }
  return ok({
    closesBreach: CLOSING.has(outcome.outcome),
    underWarrant: outcome.outcome === "WARRANT_ISSUED",
    newHoursOrdered,
    terminates: TERMINATING.has(outcome.outcome),
  });
}

// R9 made whole: every warning or breach answers a failure to comply; a failure that has
// no action yet has a due date for the officer's decision; an action whose failure is
// corrected to an acceptable outcome is withdrawn.

import { addDays, type IsoDate } from "./dates";
import { type AttendanceOutcome, type ApprovalState, isFailureToComply } from "./attendance-outcomes";
import type { BankHolidayCalendar } from "./bank-holidays";
import { formatDate } from "./format";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";
import { ok, refuse, type RuleResult } from "./rule-codes";
import { addWorkingDays } from "./working-days";

export interface FailureNamed {
  /** The recorded failure (an attendance) the action answers. */
  attendanceId?: string | null;
  /** Or a failure described in words, with its date. */
  failureDate?: IsoDate | null;
  failureDescription?: string | null;
  /** The date of the warning or breach. */
  actionDate: IsoDate;
}

// R9
/**
 * A warning or breach must answer a failure: a recorded one (an attendance) or a described
 * one with its date (FAILURE_REQUIRED otherwise). A described failure cannot be dated after
 * the action that answers it.
 */
export function checkFailureNamed(input: FailureNamed): RuleResult<undefined> {
  const description = input.failureDescription?.trim() ?? "";
  if (input.attendanceId) {
    if (input.failureDate || description) {
      return refuse("FAILURE_REQUIRED", "Choose a recorded failure or describe one — not both.", {
        field: "failureDescription",
      });
    }
    return ok();
  }
  if (!input.failureDate && !description) {
    return refuse(
      "FAILURE_REQUIRED",
      "A warning or breach must answer a failure to comply. Choose the recorded failure, or give the date and a description of the failure.",
      { field: "attendanceId" },
    );
  }
  if (!input.failureDate)
    return refuse("FAILURE_REQUIRED", "Enter the date of the failure to comply.", { field: "failureDate" });
  if (!description)
    return refuse("FAILURE_REQUIRED", "Describe the failure to comply.", { field: "failureDescription" });
  if (input.failureDate > input.actionDate) {
    return refuse(
      "FAILURE_REQUIRED",
      `The failure cannot be after the date of the warning or breach (${formatDate(input.actionDate)}).`,
      {
        field: "failureDate",
      },
    );
  }
  return ok();
}

// R9 (timescale)
/** The day by which a failure to comply should have been acted on: N working days after it. */
export function enforcementDecisionDueBy(
  failureDate: IsoDate,
  calendar: BankHolidayCalendar,
  policy: RulePolicy = DEFAULT_POLICY,
): IsoDate {
  return addWorkingDays(failureDate, policy.enforcementDecisionWorkingDays, calendar);
}

export type EnforcementTimescale = "DUE" | "OVERDUE";

/** Due up to and including its due date; overdue from the day after. */
export function enforcementTimescale(dueBy: IsoDate, asOf: IsoDate): EnforcementTimescale {
  return asOf > dueBy ? "OVERDUE" : "DUE";
}

// R9 (timescale)
/**
 * The latest failure date that is overdue on `asOf`: a failure on or before it has a due date
 * before `asOf`. The due date never goes down as the failure date goes up, so "overdue" is a
 * single cut-off date, which lets the dashboard's SQL use the same rule without re-implementing
 * working days.
 */
export function lastOverdueFailureDate(
  asOf: IsoDate,
  calendar: BankHolidayCalendar,
  policy: RulePolicy = DEFAULT_POLICY,
): IsoDate {
  let candidate = addDays(asOf, -1);
  while (enforcementDecisionDueBy(candidate, calendar, policy) >= asOf) candidate = addDays(candidate, -1);
  return candidate;
}

// R9 (second round)
/**
 * An action stands while its failure is still a failure to comply. Corrected to an outcome that
 * is not one (an acceptable absence that stands, or attendance that complied), it is withdrawn.
 * A 3rd+ accepted absence still awaiting a manager's approval is not decided yet: keep the action.
 */
export function withdrawsEnforcement(outcome: AttendanceOutcome, approvalState: ApprovalState): boolean {
  return approvalState !== "PENDING" && !isFailureToComply(outcome, approvalState);
}

// R6 ETE at most 30 %: education, training and employment activity may make up at most
// floor(30 % × hours ordered × 60) minutes, on the current hours ordered, and only for a
// person assessed as eligible. ETE minutes count towards the hours done.
//
// This check is pure; under concurrent requests the service must run it inside the same
// transaction that writes the credit, after locking the requirement row (SELECT … FOR
// UPDATE), so two credits cannot both pass against the same used total.

import { formatCount, formatHours, formatHoursAndMinutes, formatMinuteCount } from "./format";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";
import { ok, refuse, type RuleResult } from "./rule-codes";
import type { RequirementStatus } from "./vocabulary";

// R6
/** floor(percent × hours × 60 / 100) in integer arithmetic: 100 h → 1,800; 41 h → 738. */
export function eteAllowanceMinutes(hoursOrdered: number, policy: RulePolicy = DEFAULT_POLICY): number {
  return Math.floor((hoursOrdered * 60 * policy.eteCapPercent) / 100);
}

// R6
/** What is left of the allowance; 0 for someone not eligible for ETE. */
export function eteRemainingMinutes(
  input: { eteEligible: boolean; hoursOrdered: number; eteMinutesUsed: number },
  policy: RulePolicy = DEFAULT_POLICY,
): number {
  if (!input.eteEligible) return 0;
  return Math.max(0, eteAllowanceMinutes(input.hoursOrdered, policy) - input.eteMinutesUsed);
}

export interface EteCreditCheck {
  eteEligible: boolean;
  status: RequirementStatus;
  /** Current hours ordered, including hours added by the court. */
  hoursOrdered: number;
  /** ETE minutes already credited on this requirement. */
  eteMinutesUsed: number;
  /** All minutes already credited (work + ETE). */
  minutesCredited: number;
  /** hoursOrdered × 60 (+ court-added hours kept apart), see hours.ts. */
  requiredMinutes: number;
  newMinutes: number;
}

export interface EteCreditAccepted {
  minutes: number;
  allowanceMinutes: number;
  eteMinutesUsedAfter: number;
  remainingAfter: number;
  minutesCreditedAfter: number;
  /** The credit reaches the required minutes: the requirement becomes COMPLETED on the credit's date (R7). */
  completesRequirement: boolean;
}

// R6
export function checkEteCredit(
  input: EteCreditCheck,
  policy: RulePolicy = DEFAULT_POLICY,
): RuleResult<EteCreditAccepted> {
  const { eteEligible, status, hoursOrdered, eteMinutesUsed, minutesCredited, requiredMinutes, newMinutes } = input;
  if (status !== "ACTIVE") {
    return refuse("REQUIREMENT_NOT_ACTIVE", "ETE can only be credited to an active requirement.", {
      details: { status },
    });
  }
  if (!eteEligible) {
    return refuse(
      "ETE_NOT_ELIGIBLE",
      "This person's assessment does not record them as eligible for ETE, so ETE time cannot be credited. Update the assessment first if they are now eligible.",
      { field: "minutes" },
    );
  }
  if (!Number.isInteger(newMinutes) || newMinutes <= 0) {
    return refuse("INVALID_MINUTES", "Enter the ETE time as a whole number of minutes, more than 0.", {
      field: "minutes",
      details: { minutes: newMinutes },
    });
  }
  const allowance = eteAllowanceMinutes(hoursOrdered, policy);
  const remaining = Math.max(0, allowance - eteMinutesUsed);
  const eteAfter = eteMinutesUsed + newMinutes;
  if (eteAfter > allowance) {
    return refuse(
      "ETE_CAP_EXCEEDED",
      `This credit would take ETE to ${formatMinuteCount(eteAfter)}. The most this person can have credited as ETE is ${formatCount(allowance)} minutes (${policy.eteCapPercent}% of ${formatHours(hoursOrdered)}); ${formatMinuteCount(remaining)} ${remaining === 1 ? "remains" : "remain"}.`,
      {
        field: "minutes",
        details: {
          allowanceMinutes: allowance,
          eteMinutesUsed,
          remainingMinutes: remaining,
          attemptedMinutes: newMinutes,
        },
      },
    );
  }
  const outstanding = Math.max(0, requiredMinutes - minutesCredited);
  if (newMinutes > outstanding) {
    return refuse(
      "HOURS_EXCEED_ORDERED",
      `This credit of ${formatMinuteCount(newMinutes)} would take the total past the hours ordered. Only ${formatHoursAndMinutes(outstanding)} (${formatMinuteCount(outstanding)}) remain to be done.`,
      { field: "minutes", details: { outstandingMinutes: outstanding, attemptedMinutes: newMinutes } },
    );
  }
  return ok({
    minutes: newMinutes,
    allowanceMinutes: allowance,
    eteMinutesUsedAfter: eteAfter,
    remainingAfter: allowance - eteAfter,
    minutesCreditedAfter: minutesCredited + newMinutes,
    completesRequirement: minutesCredited + newMinutes >= requiredMinutes,
  });
}

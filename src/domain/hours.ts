// R1 Hours ordered: whole hours 40–300; a court may add hours on breach, the total
// staying ≤ 300. Outstanding hours over 300 across a person's active requirements warn.
//
// "Hours ordered" below is always the requirement's current hours ordered (Requirement.
// hoursOrdered, which a HOURS_ADDED breach outcome replaces with the new total).
// `courtAddedHours` exists only for callers that keep added hours apart; never pass both.

import { formatHours, formatHoursAndMinutes } from "./format";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";
import { ok, refuse, type RuleResult, type RuleWarning } from "./rule-codes";
import type { RequirementStatus } from "./vocabulary";

// R1
export function validateHoursOrdered(hours: number, policy: RulePolicy = DEFAULT_POLICY): RuleResult<number> {
  if (!Number.isInteger(hours) || hours < policy.minHours || hours > policy.maxHours) {
    return refuse(
      "HOURS_OUT_OF_RANGE",
      `Hours ordered must be a whole number of hours from ${policy.minHours} to ${policy.maxHours}.`,
      { field: "hoursOrdered", details: { hours, minHours: policy.minHours, maxHours: policy.maxHours } },
    );
  }
  return ok(hours);
}

// R1 / R9
/**
 * The new hours ordered after a court adds hours on breach (HOURS_ADDED). It must add
 * hours and stay ≤ 300; when the order had no unpaid work before, the court may impose as
 * few as 20 (Sentencing Act 2020 Sch 10 para 10), so currentHoursOrdered is then 0.
 */
export function validateHoursAddedOnBreach(
  input: { currentHoursOrdered: number; newHoursOrdered: number | null | undefined; orderHadUnpaidWork: boolean },
  policy: RulePolicy = DEFAULT_POLICY,
): RuleResult<number> {
  const { currentHoursOrdered, newHoursOrdered, orderHadUnpaidWork } = input;
  const minimum = orderHadUnpaidWork ? currentHoursOrdered + 1 : policy.minHoursAddedOnBreachWhenNoUpw;
  const details = { currentHoursOrdered, newHoursOrdered, minimum, maximum: policy.maxHours };
  if (newHoursOrdered === null || newHoursOrdered === undefined || !Number.isInteger(newHoursOrdered)) {
    return refuse("HOURS_OUT_OF_RANGE", "Enter the new total hours ordered by the court, as a whole number.", {
      field: "newHoursOrdered",
      details,
    });
  }
  if (newHoursOrdered > policy.maxHours) {
    return refuse(
      "HOURS_OUT_OF_RANGE",
      `The new total of ${formatHours(newHoursOrdered)} is more than the ${policy.maxHours}-hour maximum for unpaid work.`,
      { field: "newHoursOrdered", details },
    );
  }
  if (newHoursOrdered < minimum) {
    const message = orderHadUnpaidWork
      ? `The new total must be more than the ${formatHours(currentHoursOrdered)} already ordered.`
      : `When the order had no unpaid work, the court must order at least ${formatHours(policy.minHoursAddedOnBreachWhenNoUpw)}.`;
    return refuse("HOURS_OUT_OF_RANGE", message, { field: "newHoursOrdered", details });
  }
  return ok(newHoursOrdered);
}

// R1 / R7
/** Minutes to be worked: hours ordered × 60, plus any court-added hours kept separately. */
export function requiredMinutes(hoursOrdered: number, courtAddedHours = 0): number {
  return (hoursOrdered + courtAddedHours) * 60;
}

export function outstandingMinutes(required: number, credited: number): number {
  return Math.max(0, required - credited);
}

export interface RequirementHours {
  status: RequirementStatus;
  requiredMinutes: number;
  minutesCredited: number;
  /** With concurrentWithId: a concurrent pair is counted once (outstandingAcrossRequirements). */
  id?: string;
  /** The id of the requirement it runs concurrently with (orderRelation CONCURRENT). */
  concurrentWithId?: string | null;
}

// R1 with concurrent orders (decision 0049)
/**
 * The outstanding minutes across a person's active requirements, a concurrent pair once — the
 * larger remainder of the two, since one hour worked reduces both.
 */
export function outstandingAcrossRequirements(requirements: readonly RequirementHours[]): number {
  const active = requirements.filter((r) => r.status === "ACTIVE");
  const group = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    for (let next = group.get(at); next !== undefined && next !== at; next = group.get(at)) at = next;
    return at;
  };
  for (const r of active) if (r.id) group.set(r.id, r.id);
  for (const r of active) {
    if (r.id && r.concurrentWithId && group.has(r.concurrentWithId)) group.set(root(r.id), root(r.concurrentWithId));
  }
  const largest = new Map<string, number>();
  let total = 0;
  for (const r of active) {
    const left = outstandingMinutes(r.requiredMinutes, r.minutesCredited);
    if (r.id === undefined) total += left;
    else largest.set(root(r.id), Math.max(largest.get(root(r.id)) ?? 0, left));
  }
  for (const left of largest.values()) total += left;
  return total;
}

// R1
/** Warn (never block) when a person's outstanding hours across active requirements exceed 300. */
export function warnWhenOutstandingOver300(
  requirements: readonly RequirementHours[],
  policy: RulePolicy = DEFAULT_POLICY,
): RuleWarning | null {
  const total = outstandingAcrossRequirements(requirements);
  if (total <= policy.outstandingHoursWarningAbove * 60) return null;
  return {
    code: "OUTSTANDING_OVER_300_HOURS",
    message: `This person has ${formatHoursAndMinutes(total)} outstanding across their active requirements, more than ${formatHours(policy.outstandingHoursWarningAbove)}. Check the orders with the court or probation practitioner.`,
    details: { outstandingMinutes: total, thresholdHours: policy.outstandingHoursWarningAbove },
  };
}

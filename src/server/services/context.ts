import "server-only";
import {
  calendarFrom,
  isoDateFromUtcDate,
  policyOn,
  todayInLondon,
  type BankHolidayCalendar,
  type IsoDate,
  type PolicyOverrides,
  type RulePolicy,
} from "@/domain";
import type { Tx } from "@/server/db/create-client";
import { loadRuleCommencements } from "@/server/rules/rule-commencements";

// What every service needs around the pure rules of src/domain: the options it is called with and
// the rule parameters in force (bank holidays from the database, the region's over-subscription
// limit, an administrator's s.36 date). Beside it: row locks so rules hold under concurrency
// (./row-locks.ts), the facts the rule functions take (./load-requirement-facts.ts), and the
// scoped lookups that turn "not yours" into not found (./visible-records.ts).

/**
 * Options every service accepts: tests pass a fixed `today`; an API route passes the
 * transaction its wrapper opened (`tx`), so an idempotent request's key and the command
 * commit together. Without `tx` the service opens its own (see ./transaction.ts).
 */
export type ServiceOptions = { today?: IsoDate; tx?: Tx };

/** Today's date in Europe/London, unless the caller fixed it. */
export function todayFor(options?: ServiceOptions): IsoDate {
  return options?.today ?? todayInLondon();
}

export interface RuleContext {
  calendar: BankHolidayCalendar;
  policy: RulePolicy;
  /** The same overrides, for domain functions that call policyOn themselves (deriveRequirementStatus). */
  overrides: PolicyOverrides;
}

/** The bank holiday calendar: shipped and administrator-added dates from the BankHoliday table. */
export async function loadBankHolidayCalendar(tx: Tx): Promise<BankHolidayCalendar> {
  const rows = await tx.bankHoliday.findMany({ select: { date: true } });
  return calendarFrom(rows.map((row) => isoDateFromUtcDate(row.date)));
}

/** The rule context from facts already loaded (one region's over-subscription limit, the s.36 date). */
export function ruleContextFrom(
  calendar: BankHolidayCalendar,
  input: {
    on: IsoDate;
    overSubscriptionPercent: number | null;
    maxPeoplePerSupervisor?: number | null;
    twelveMonthPeriodAbolishedFrom: IsoDate | null;
    earnedReductionFrom?: IsoDate | null;
  },
): RuleContext {
  const overrides: PolicyOverrides = {
    ...(input.overSubscriptionPercent !== null ? { overSubscriptionPercent: input.overSubscriptionPercent } : {}),
    ...(input.maxPeoplePerSupervisor != null ? { maxPeoplePerSupervisor: input.maxPeoplePerSupervisor } : {}),
    twelveMonthPeriodAbolishedFrom: input.twelveMonthPeriodAbolishedFrom,
    earnedReductionFrom: input.earnedReductionFrom ?? null,
  };
  return { calendar, policy: policyOn(input.on, overrides), overrides };
}

/** The rule parameters in force on `on` for a region, with its over-subscription limit and the s.36 setting. */
export async function loadRuleContext(tx: Tx, input: { regionId: string; on: IsoDate }): Promise<RuleContext> {
  // One query at a time: a transaction is one connection (pg refuses overlapping queries on it).
  const calendar = await loadBankHolidayCalendar(tx);
  const region = await tx.region.findUnique({
    where: { id: input.regionId },
    select: { overSubscriptionPercent: true, maxPeoplePerSupervisor: true },
  });
  const commencements = await loadRuleCommencements(tx);
  return ruleContextFrom(calendar, {
    on: input.on,
    overSubscriptionPercent: region?.overSubscriptionPercent ?? null,
    maxPeoplePerSupervisor: region?.maxPeoplePerSupervisor ?? null,
    ...commencements,
  });
}

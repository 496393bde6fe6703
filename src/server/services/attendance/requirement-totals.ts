import "server-only";
import {
  commencedOn,
  earnedReductionOn,
  requiredMinutes,
  totalCredited,
  utcDateFromIsoDate,
  type AttendanceOnDate,
  type DatedEarnedReductionDecision,
  type PartnerCredits,
  type RulePolicy,
  type IsoDate,
  type RequirementStatus,
} from "@/domain";
import type { Tx } from "@/server/db/create-client";

// R7 / R2: the cached totals on Requirement (minutesCredited, minutesEte, commencedOn, status,
// completedOn), recomputed from ALL of its attendance and ETE rows — never by increments — so a
// correction, a credit or new hours give the same answer as replaying the history. Internal to
// the services that change those rows; they hold the requirement's row lock when calling it.

export interface CreditHistory {
  hoursOrdered: number;
  status: RequirementStatus;
  attendances: readonly (AttendanceOnDate & { minutesCredited: number })[];
  eteCredits: readonly { date: IsoDate; minutes: number }[];
  /** Sentencing Act 2026 s.37: with the rule context, a confirmed earned reduction lowers the required minutes. */
  earnedReductionDecisions?: readonly DatedEarnedReductionDecision[];
  rules?: { policy: RulePolicy };
  /** Concurrent orders (0049): the partner's credits that count for this requirement (concurrentCreditsFor). */
  concurrentCredits?: PartnerCredits | null;
}

/** Replaying "all rows" for the stored totals: every dated record counts. */
const END_OF_RECORDS = "9999-12-31";

export interface RequirementTotals {
  requiredMinutes: number;
  minutesCredited: number;
  minutesEte: number;
  commencedOn: IsoDate | null;
  status: RequirementStatus;
  completedOn: IsoDate | null;
}

// R7
/**
 * Credits replay in date order, each capped so the total never passes the required minutes;
 * the requirement is COMPLETED on the date the total reaches them, and ACTIVE again (no
 * completion date) if a correction takes it back below. A TERMINATED requirement stays so.
 */
export function requirementTotals(history: CreditHistory): RequirementTotals {
  const ordered = requiredMinutes(history.hoursOrdered);
  // Concurrent orders (0049): the partner's credits count here as this requirement's own.
  const partnerWork = history.concurrentCredits?.attendances ?? [];
  const eteCredits = [...history.eteCredits, ...(history.concurrentCredits?.eteCredits ?? [])];
  const worked = [...history.attendances, ...partnerWork];
  const credits = [
    ...worked.map((a) => ({ date: a.date, minutes: a.minutesCredited })),
    ...eteCredits.map((c) => ({ date: c.date, minutes: c.minutes })),
  ];
  const reduction = history.rules
    ? earnedReductionOn(END_OF_RECORDS, history, history.hoursOrdered, history.rules.policy)
    : null;
  const required = ordered - (reduction?.appliedMinutes ?? 0);
  const replayed = totalCredited(credits, ordered);
  const reducedOn = reduction?.completedOn ?? null;
  const totals = {
    minutesCredited: replayed.minutesCredited,
    completedOn:
      reducedOn !== null && (replayed.completedOn === null || reducedOn < replayed.completedOn)
        ? reducedOn
        : replayed.completedOn,
  };
  const terminated = history.status === "TERMINATED";
  return {
    requiredMinutes: required,
    minutesCredited: totals.minutesCredited,
    minutesEte: eteCredits.reduce((sum, c) => sum + c.minutes, 0),
    commencedOn: commencedOn(worked),
    status: terminated ? "TERMINATED" : totals.completedOn !== null ? "COMPLETED" : "ACTIVE",
    completedOn: terminated ? null : totals.completedOn,
  };
}

/** Writes the totals to the requirement row (the caller holds its lock). */
export async function saveRequirementTotals(tx: Tx, requirementId: string, totals: RequirementTotals): Promise<void> {
  const date = (d: IsoDate | null) => (d === null ? null : utcDateFromIsoDate(d));
  await tx.requirement.update({
    where: { id: requirementId },
    data: {
      minutesCredited: totals.minutesCredited,
      minutesEte: totals.minutesEte,
      commencedOn: date(totals.commencedOn),
      status: totals.status,
      ...(totals.status === "TERMINATED" ? {} : { completedOn: date(totals.completedOn) }),
    },
  });
}

import "server-only";
import {
  commencedOn,
  requiredMinutes,
  totalCredited,
  utcDateFromIsoDate,
  type AttendanceOnDate,
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
}

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
  const required = requiredMinutes(history.hoursOrdered);
  const credits = [
    ...history.attendances.map((a) => ({ date: a.date, minutes: a.minutesCredited })),
    ...history.eteCredits.map((c) => ({ date: c.date, minutes: c.minutes })),
  ];
  const totals = totalCredited(credits, required);
  const terminated = history.status === "TERMINATED";
  return {
    requiredMinutes: required,
    minutesCredited: totals.minutesCredited,
    minutesEte: history.eteCredits.reduce((sum, c) => sum + c.minutes, 0),
    commencedOn: commencedOn(history.attendances),
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

// Concurrent orders (docs/decisions/0049-consecutive-order-crediting.md, 0094): hours worked for
// either requirement of a concurrent pair count towards both, because the court directed that
// they run at the same time (Sentencing Code Sch 9 para 2(3)). A requirement receives its
// partner's credits dated on or after its own sentence date (nothing counts before it existed)
// and, once terminated, none dated after it ended. Each is then capped at its own required
// minutes by R7, so the smaller order completes first.

import type { IsoDate } from "./dates";
import { eteAllowanceMinutes } from "./ete";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";
import { ok, refuse, type RuleResult } from "./rule-codes";
import type { AttendanceOutcome } from "./attendance-outcomes";
import type { PlacementType, RequirementStatus } from "./vocabulary";

/** The credits of a concurrent partner, as stored on it. */
export interface PartnerCredits {
  attendances: readonly {
    date: IsoDate;
    outcome: AttendanceOutcome;
    minutesCredited: number;
    placementType?: PlacementType;
  }[];
  eteCredits: readonly { date: IsoDate; minutes: number }[];
}

/** The requirement receiving the credits, as the rule needs it. */
export interface CreditedRequirement {
  sentenceDate: IsoDate;
  status: RequirementStatus;
  /** The day a TERMINATED requirement ended (other statuses ignore it). */
  closedOn?: IsoDate | null;
}

/** Whether a partner's credit dated `date` counts for `self`: on or after its sentence date, and not after it was terminated. */
export function countsForConcurrent(date: IsoDate, self: CreditedRequirement): boolean {
  if (date < self.sentenceDate) return false;
  if (self.status === "TERMINATED") return self.closedOn != null && date <= self.closedOn;
  return true;
}

/** The credits of every concurrent partner that count for `self` (only credits with minutes). */
export function concurrentCreditsFor(self: CreditedRequirement, partners: readonly PartnerCredits[]): PartnerCredits {
  return {
    attendances: partners.flatMap((p) =>
      p.attendances.filter((a) => a.minutesCredited > 0 && countsForConcurrent(a.date, self)),
    ),
    eteCredits: partners.flatMap((p) => p.eteCredits.filter((c) => c.minutes > 0 && countsForConcurrent(c.date, self))),
  };
}

/** A requirement of a concurrent pair as R6's cap judges it: the ETE minutes it has received (own and partner's). */
export interface EteReceiver extends CreditedRequirement {
  hoursOrdered: number;
  /** ETE minutes it has received so far, its own credits and its partners' that count for it. */
  eteMinutesReceived: number;
}

// R6 across a concurrent pair (decision 0094)
/**
 * An ETE credit dated `date` is received by the partner too, so it must stay within the
 * partner's 30 % allowance as well as its own. A partner no longer ACTIVE (completed: R7 caps its
 * credit; terminated) or for which the date does not count is not judged.
 */
export function checkConcurrentEteCap(
  input: { date: IsoDate; newMinutes: number; partner: EteReceiver },
  policy: RulePolicy = DEFAULT_POLICY,
): RuleResult<undefined> {
  const { partner } = input;
  if (partner.status !== "ACTIVE" || !countsForConcurrent(input.date, partner)) return ok();
  // Eligibility is the person's, judged on the requirement credited; the partner's share is judged on its hours.
  const allowance = eteAllowanceMinutes(partner.hoursOrdered, policy);
  if (partner.eteMinutesReceived + input.newMinutes <= allowance) return ok();
  return refuse(
    "ETE_CAP_EXCEEDED",
    `These hours also count towards the concurrent order, and would take its ETE time past its allowance (${Math.floor(allowance / 60)} hours, ${Math.max(0, allowance - partner.eteMinutesReceived)} minutes left).`,
    {
      field: "minutes",
      details: { allowanceMinutes: allowance, usedMinutes: partner.eteMinutesReceived, concurrentOrder: true },
    },
  );
}

import type { Prisma } from "@/generated/prisma/client";
import {
  concurrentCreditsFor,
  isoDateFromUtcDate,
  type CreditedRequirement,
  type OrderRelation,
  type PartnerCredits,
} from "@/domain";

// Concurrent orders (docs/decisions/0049, 0094): what a requirement's readers select of its
// concurrent partner(s) — the requirement it runs concurrently with, and those that run
// concurrently with it — and the partner credits that count for it. Every reader that derives a
// requirement's credit (the services' loadRequirementFacts, the case view, the figures' facts)
// spreads `partnerCreditsSelect` into its select and maps the row with `partnerCreditsOf`.

const creditsSelect = {
  attendances: {
    where: { minutesCredited: { gt: 0 } },
    select: {
      sessionDate: true,
      outcome: true,
      minutesCredited: true,
      allocation: { select: { session: { select: { placement: { select: { type: true } } } } } },
    },
  },
  eteCredits: { where: { minutes: { gt: 0 } }, select: { date: true, minutes: true } },
} as const satisfies Prisma.RequirementSelect;

/**
 * Spread into a requirement select: the related requirement's status and end (a consecutive
 * requirement's wait, order-sequence.ts runsAfterOf) with its credits, and the requirements that
 * run concurrently with this one.
 */
export const partnerCreditsSelect = {
  orderRelation: true,
  relatedRequirement: { select: { status: true, completedOn: true, terminatedOn: true, ...creditsSelect } },
  relatedBy: { where: { orderRelation: "CONCURRENT" }, select: creditsSelect },
} as const satisfies Prisma.RequirementSelect;

type CreditsRow = Prisma.RequirementGetPayload<{ select: typeof creditsSelect }>;

export interface PartnerCreditsRow {
  orderRelation: OrderRelation | null;
  relatedRequirement?: CreditsRow | null;
  relatedBy?: readonly CreditsRow[];
}

function toPartnerCredits(row: CreditsRow): PartnerCredits {
  return {
    attendances: row.attendances.map((a) => ({
      date: isoDateFromUtcDate(a.sessionDate),
      outcome: a.outcome,
      minutesCredited: a.minutesCredited,
      placementType: a.allocation.session.placement.type,
    })),
    eteCredits: row.eteCredits.map((c) => ({ date: isoDateFromUtcDate(c.date), minutes: c.minutes })),
  };
}

/** The partner credits that count for the requirement (null when it runs with no concurrent order). */
export function partnerCreditsOf(row: PartnerCreditsRow, self: CreditedRequirement): PartnerCredits | null {
  const partners = [
    ...(row.orderRelation === "CONCURRENT" && row.relatedRequirement ? [row.relatedRequirement] : []),
    ...(row.relatedBy ?? []),
  ];
  return partners.length === 0 ? null : concurrentCreditsFor(self, partners.map(toPartnerCredits));
}

import type { Prisma } from "@/generated/prisma/client";
import { isoDateFromUtcDate, runsAfterOf, type RequirementFacts } from "@/domain";
import { partnerCreditsOf, partnerCreditsSelect } from "@/server/services/concurrent/partner-credits";

// What the domain needs to derive a requirement's view (deriveRequirementStatus, earnedReductionOn):
// one select and one mapping, shared by the case view and the figures' earned-reduction join.

export const requirementFactsSelect = {
  id: true,
  sentenceDate: true,
  hoursOrdered: true,
  originalHoursOrdered: true,
  status: true,
  completedOn: true,
  terminatedOn: true,
  assessment: { select: { eteEligible: true } },
  attendances: {
    select: {
      sessionDate: true,
      outcome: true,
      minutesCredited: true,
      allocation: { select: { session: { select: { placement: { select: { type: true } } } } } },
    },
  },
  eteCredits: { select: { date: true, minutes: true } },
  extensions: { select: { grantedOn: true, newEndDate: true } },
  earnedReductionDecisions: { select: { decision: true, decidedOn: true, createdAt: true } },
  // R2/R4/R5: a consecutive requirement waits for the earlier one (order-sequence.ts runsAfterOf).
  // Concurrent orders (0049): the partner's credits count here too.
  ...partnerCreditsSelect,
  enforcementActions: {
    where: { status: "ACTIVE" },
    select: { type: true, date: true, outcomes: { select: { outcome: true, date: true, newHoursOrdered: true } } },
  },
} satisfies Prisma.RequirementSelect;

export type FactsRow = Prisma.RequirementGetPayload<{ select: typeof requirementFactsSelect }>;

export function toRequirementFacts(row: FactsRow): RequirementFacts {
  const iso = isoDateFromUtcDate;
  const closedOn = row.completedOn ?? row.terminatedOn;
  return {
    sentenceDate: iso(row.sentenceDate),
    hoursOrdered: row.hoursOrdered,
    originalHoursOrdered: row.originalHoursOrdered,
    status: row.status,
    closedOn: closedOn ? iso(closedOn) : null,
    eteEligible: row.assessment?.eteEligible ?? false,
    attendances: row.attendances.map((a) => ({
      date: iso(a.sessionDate),
      outcome: a.outcome,
      minutesCredited: a.minutesCredited,
      placementType: a.allocation.session.placement.type,
    })),
    eteCredits: row.eteCredits.map((c) => ({ date: iso(c.date), minutes: c.minutes })),
    extensions: row.extensions.map((e) => ({ grantedOn: iso(e.grantedOn), newEndDate: iso(e.newEndDate) })),
    earnedReductionDecisions: row.earnedReductionDecisions.map((d) => ({
      decision: d.decision,
      decidedOn: iso(d.decidedOn),
      recordedAt: d.createdAt.toISOString(),
    })),
    runsAfter: runsAfterOf(
      row.orderRelation,
      row.relatedRequirement
        ? {
            status: row.relatedRequirement.status,
            completedOn: row.relatedRequirement.completedOn ? iso(row.relatedRequirement.completedOn) : null,
            terminatedOn: row.relatedRequirement.terminatedOn ? iso(row.relatedRequirement.terminatedOn) : null,
          }
        : null,
    ),
    concurrentCredits: partnerCreditsOf(row, {
      sentenceDate: iso(row.sentenceDate),
      status: row.status,
      closedOn: row.terminatedOn ? iso(row.terminatedOn) : null,
    }),
    enforcementActions: row.enforcementActions.map((action) => ({
      type: action.type,
      date: iso(action.date),
      outcomes: action.outcomes.map((o) => ({
        outcome: o.outcome,
        date: iso(o.date),
        newHoursOrdered: o.newHoursOrdered,
      })),
    })),
  };
}

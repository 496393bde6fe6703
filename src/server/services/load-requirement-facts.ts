import "server-only";
import {
  deriveRequirementStatus,
  isoDateFromUtcDate,
  type EnforcementAction,
  type IsoDate,
  type PlacementFeature,
  type RequirementFacts,
  type RequirementView,
  runsAfterOf,
} from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type {
  AbsenceReason,
  ApprovalState,
  EteReason,
  ManagedBy,
  OrderType,
  RoshLevel,
} from "@/generated/prisma/enums";
import type { Tx } from "@/server/db/create-client";
import { partnerCreditsOf, partnerCreditsSelect } from "./concurrent/partner-credits";
import { isUuid } from "./uuid";
import { loadRuleContext, type RuleContext } from "./context";

// The facts of one requirement that the rule functions of src/domain take, and its view as of a date.

export interface AssessmentFacts {
  id: string;
  version: number;
  complete: boolean;
  rosh: RoshLevel | null;
  eteEligible: boolean;
  eteReason: EteReason | null;
  womenOnlyPreference: boolean;
  availability: unknown;
  employment: string | null;
  caringDuties: string | null;
  religiousObservance: string | null;
  riskCodes: { code: string; title: string; conflictsWith: PlacementFeature[] }[];
}

export type AttendanceFact = RequirementFacts["attendances"][number] & {
  id: string;
  allocationId: string;
  reasonCategory: AbsenceReason | null;
  approvalState: ApprovalState;
};

export type EnforcementActionFact = EnforcementAction & { id: string; orderId: string };

/**
 * A requirement as the domain's rule functions see it: `RequirementFacts` (pass it straight
 * to deriveRequirementStatus) plus the stored row's ids, cached totals and assessment, the
 * rule context for its region, and its view as of `asOf`.
 */
export interface LoadedRequirement extends RequirementFacts {
  id: string;
  personId: string;
  orderId: string;
  regionId: string;
  orderType: OrderType;
  managedBy: ManagedBy;
  version: number;
  /** Cached totals stored on the row (Attendance + EteCredit, same transaction). */
  storedMinutesCredited: number;
  storedMinutesEte: number;
  storedCommencedOn: IsoDate | null;
  assessment: AssessmentFacts | null;
  attendances: readonly AttendanceFact[];
  enforcementActions: readonly EnforcementActionFact[];
  rules: RuleContext;
  view: RequirementView;
}

/** What loadRequirementFacts reads of a requirement; list readers add their own fields to it. */
export const requirementFactsSelect = {
  id: true,
  personId: true,
  orderId: true,
  regionId: true,
  orderType: true,
  managedBy: true,
  version: true,
  sentenceDate: true,
  hoursOrdered: true,
  originalHoursOrdered: true,
  status: true,
  completedOn: true,
  terminatedOn: true,
  commencedOn: true,
  minutesCredited: true,
  minutesEte: true,
  assessment: {
    select: {
      id: true,
      version: true,
      complete: true,
      rosh: true,
      eteEligible: true,
      eteReason: true,
      womenOnlyPreference: true,
      availability: true,
      employment: true,
      caringDuties: true,
      religiousObservance: true,
      // In code order, so every reader (and the one-statement case list) lists them alike.
      riskCodes: {
        select: { title: true, conflictsWith: true, riskCode: { select: { code: true } } },
        orderBy: { riskCode: { code: "asc" } },
      },
    },
  },
  attendances: {
    select: {
      id: true,
      allocationId: true,
      sessionDate: true,
      outcome: true,
      minutesCredited: true,
      reasonCategory: true,
      approvalState: true,
      allocation: { select: { session: { select: { placement: { select: { type: true } } } } } },
    },
  },
  eteCredits: { select: { date: true, minutes: true } },
  extensions: { select: { grantedOn: true, newEndDate: true } },
  earnedReductionDecisions: { select: { decision: true, decidedOn: true, createdAt: true } },
  // R2/R4/R5: a consecutive requirement waits for the earlier one (order-sequence.ts runsAfterOf);
  // a concurrent one is credited by its partner's hours too (decision 0049).
  ...partnerCreditsSelect,
  // Withdrawn actions no longer count for R9 (their failure was corrected, or a manager withdrew them).
  enforcementActions: {
    where: { status: "ACTIVE" },
    select: {
      id: true,
      orderId: true,
      type: true,
      date: true,
      outcomes: { select: { outcome: true, date: true, newHoursOrdered: true } },
    },
  },
} satisfies Prisma.RequirementSelect;

export type RequirementFactsRow = Prisma.RequirementGetPayload<{ select: typeof requirementFactsSelect }>;

/** A stored requirement row as the rule functions see it (before its rule context and view). */
export function toRequirementFacts(
  row: RequirementFactsRow,
): RequirementFacts & Omit<LoadedRequirement, "rules" | "view"> {
  const iso = isoDateFromUtcDate;
  const closedOn = row.completedOn ?? row.terminatedOn;
  const { riskCodes, ...assessment } = row.assessment ?? { riskCodes: [] };
  return {
    id: row.id,
    personId: row.personId,
    orderId: row.orderId,
    regionId: row.regionId,
    orderType: row.orderType,
    managedBy: row.managedBy,
    version: row.version,
    storedMinutesCredited: row.minutesCredited,
    storedMinutesEte: row.minutesEte,
    storedCommencedOn: row.commencedOn ? iso(row.commencedOn) : null,
    sentenceDate: iso(row.sentenceDate),
    hoursOrdered: row.hoursOrdered,
    originalHoursOrdered: row.originalHoursOrdered,
    status: row.status,
    closedOn: closedOn ? iso(closedOn) : null,
    eteEligible: row.assessment?.eteEligible ?? false,
    assessment: row.assessment
      ? {
          ...(assessment as Omit<NonNullable<typeof row.assessment>, "riskCodes">),
          riskCodes: riskCodes.map((r) => ({ code: r.riskCode.code, title: r.title, conflictsWith: r.conflictsWith })),
        }
      : null,
    attendances: row.attendances.map((a) => ({
      id: a.id,
      allocationId: a.allocationId,
      date: iso(a.sessionDate),
      outcome: a.outcome,
      minutesCredited: a.minutesCredited,
      placementType: a.allocation.session.placement.type,
      reasonCategory: a.reasonCategory,
      approvalState: a.approvalState,
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
      id: action.id,
      orderId: action.orderId,
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

/** The rule context and the view as of `asOf`, for facts already loaded. */
export function withView(
  facts: RequirementFacts & Omit<LoadedRequirement, "rules" | "view">,
  rules: RuleContext,
  asOf: IsoDate,
): LoadedRequirement {
  const view = deriveRequirementStatus(facts, asOf, { calendar: rules.calendar, overrides: rules.overrides });
  return { ...facts, rules, view };
}

/** The facts of one requirement (no scope check: call requireVisibleRequirement first). Null if missing. */
export async function loadRequirementFacts(
  tx: Tx,
  requirementId: string,
  asOf: IsoDate,
): Promise<LoadedRequirement | null> {
  if (!isUuid(requirementId)) return null;
  const row = await tx.requirement.findUnique({ where: { id: requirementId }, select: requirementFactsSelect });
  if (!row) return null;
  const rules = await loadRuleContext(tx, { regionId: row.regionId, on: asOf });
  return withView(toRequirementFacts(row), rules, asOf);
}

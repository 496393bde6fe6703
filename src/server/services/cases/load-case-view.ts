import "server-only";
import { isoDateFromUtcDate, isoDateInLondon, type BankHolidayCalendar, type IsoDate } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/create-client";
import { loadRuleCommencements, type RuleCommencements } from "@/server/rules/rule-commencements";
import { loadBankHolidayCalendar, ruleContextFrom } from "../context";
import {
  requirementFactsSelect,
  toRequirementFacts,
  withView,
  type RequirementFactsRow,
} from "../load-requirement-facts";
import type { CaseView } from "./case-view.types";

export const caseViewSelect = {
  ...requirementFactsSelect,
  terminationReason: true,
  restricted: true,
  person: { select: { id: true, crn: true, firstName: true, lastName: true, dateOfBirth: true, gender: true } },
  order: { select: { court: true } },
  region: { select: { code: true, overSubscriptionPercent: true } },
  pdu: { select: { code: true } },
  orderRelation: true,
  relatedRequirementId: true,
  transfers: {
    where: { status: "REQUESTED" },
    select: { id: true, requestedAt: true, toRegion: { select: { code: true } } },
    take: 1,
  },
} as const;

/**
 * The case as docs/api.md describes it, as of `asOf`. No scope check: callers have already
 * found the requirement with requireVisibleRequirement (or just created it).
 */
export async function loadCaseView(tx: Tx, requirementId: string, asOf: IsoDate): Promise<CaseView> {
  const [view] = await loadCaseViews(tx, [requirementId], asOf);
  if (!view) throw new Error(`Requirement ${requirementId} vanished while loading its case view`);
  return view;
}

/**
 * Many cases at once, in the order of `requirementIds` (no scope check: callers pass ids their
 * scoped query found). A fixed number of queries whatever the count — one read of the
 * requirements with their facts, the bank holidays and the s.36 setting — never one per case.
 */
export async function loadCaseViews(tx: Tx, requirementIds: readonly string[], asOf: IsoDate): Promise<CaseView[]> {
  if (requirementIds.length === 0) return [];
  // One query at a time: a transaction is one connection.
  const rows = await tx.requirement.findMany({ where: { id: { in: [...requirementIds] } }, select: caseViewSelect });
  const calendar = await loadBankHolidayCalendar(tx);
  const commencements = await loadRuleCommencements(tx);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return requirementIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [caseViewFromRow(row, calendar, commencements, asOf)] : [];
  });
}

/** What a case view is made from: the select above, read by Prisma or by one SQL statement (./case-list-statement.ts). */
export type CaseViewSourceRow = Prisma.RequirementGetPayload<{ select: typeof caseViewSelect }>;

/** One case view from its row, the bank holidays and the s.36/s.37 dates: the domain derives every flag. */
export function caseViewFromRow(
  row: CaseViewSourceRow,
  calendar: BankHolidayCalendar,
  commencements: RuleCommencements,
  asOf: IsoDate,
): CaseView {
  const rules = ruleContextFrom(calendar, {
    on: asOf,
    overSubscriptionPercent: row.region.overSubscriptionPercent,
    ...commencements,
  });
  return toCaseView(row, withView(toRequirementFacts(row as RequirementFactsRow), rules, asOf), asOf);
}

type CaseViewRow = {
  terminationReason: CaseView["terminationReason"];
  restricted: boolean;
  person: {
    id: string;
    crn: string;
    firstName: string;
    lastName: string;
    dateOfBirth: Date;
    gender: CaseView["gender"];
  };
  order: { court: string };
  region: { code: string };
  pdu: { code: string } | null;
  orderRelation: CaseView["orderRelation"];
  relatedRequirementId: string | null;
  transfers: { id: string; requestedAt: Date; toRegion: { code: string } }[];
};

function toCaseView(row: CaseViewRow, facts: ReturnType<typeof withView>, asOf: IsoDate): CaseView {
  const { view, assessment } = facts;
  return {
    id: facts.id,
    asOf,
    personId: row.person.id,
    crn: row.person.crn,
    firstName: row.person.firstName,
    lastName: row.person.lastName,
    dateOfBirth: isoDateFromUtcDate(row.person.dateOfBirth),
    gender: row.person.gender,
    region: row.region.code,
    pdu: row.pdu?.code ?? null,
    orderType: facts.orderType,
    managedBy: facts.managedBy,
    court: row.order.court,
    sentenceDate: facts.sentenceDate,
    hoursOrdered: view.hoursOrdered,
    requiredMinutes: view.requiredMinutes,
    minutesRequired: view.requiredMinutes,
    earnedReduction: {
      status: view.earnedReduction.status,
      qualifyingMinutes: view.earnedReduction.qualifyingMinutes,
      currentMinutes: view.earnedReduction.currentMinutes,
      projectedMinutes: view.earnedReduction.projectedMinutes,
      decision: view.earnedReduction.decision,
    },
    minutesCredited: view.minutesCredited,
    minutesEte: view.minutesEte,
    outstandingMinutes: view.outstandingMinutes,
    eteAllowanceMinutes: view.eteAllowanceMinutes,
    eteRemainingMinutes: view.eteRemainingMinutes,
    startDeadline: view.startDeadline,
    waitingForEarlierOrder: view.waitingForEarlierOrder,
    commencedOn: view.commencedOn,
    effectiveEndDate: view.twelveMonthPeriodApplies ? view.effectiveEndDate : null,
    // Before the sentence date there is no status "as of"; report the stored one.
    status: view.status ?? facts.status,
    terminationReason: row.terminationReason,
    completedOn: view.completedOn,
    inBacklog: view.inBacklog,
    dormant: view.dormant,
    underWarrant: view.underWarrant,
    openBreach: view.openBreach,
    rag: view.rag,
    assessmentComplete: assessment?.complete ?? false,
    rosh: assessment?.rosh ?? null,
    riskCodes: assessment?.riskCodes.map((r) => r.code) ?? [],
    eteEligible: assessment?.eteEligible ?? false,
    restricted: row.restricted,
    orderRelation: row.orderRelation,
    relatedCaseId: row.relatedRequirementId,
    pendingTransfer: row.transfers[0]
      ? {
          id: row.transfers[0].id,
          toRegion: row.transfers[0].toRegion.code,
          requestedOn: isoDateInLondon(row.transfers[0].requestedAt),
        }
      : null,
    version: assessment?.version ?? 0,
  };
}

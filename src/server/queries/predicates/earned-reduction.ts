import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import {
  earnedReductionOn,
  hoursOrderedOn,
  isEarnedReductionInForce,
  policyOn,
  utcDateFromIsoDate,
  type IsoDate,
} from "@/domain";
import { NO_COMMENCEMENTS, type RuleCommencements } from "@/server/rules/rule-commencements";
import { requirementFactsSelect, toRequirementFacts } from "./facts";

// Sentencing Act 2026 s.37 on the read side: the reduction of hours that applies on D (confirmed
// by the responsible officer) comes from the domain's own walk over the history
// (earnedReductionOn), worked out in TypeScript for the few requirements with a confirmed decision
// and joined into SQL as (requirementId, minutes) — as the sentence calendar joins the rule dates.
// So "hours outstanding" on the dashboard (nearing end, its RAG, its drill-down) is the case
// page's: hours required now (ordered less the confirmed reduction) less hours credited.
// docs/decisions/0069-nearing-end-with-earned-reduction.md.

export type AppliedReductions = { requirementIds: string[]; minutes: number[] };
export const NO_REDUCTIONS: AppliedReductions = { requirementIds: [], minutes: [] };

/** The confirmed reduction (minutes) standing on D for each requirement in the region (all regions when null) that has one. */
export async function loadAppliedReductions(
  client: PrismaClient | Tx,
  scope: { asOf: IsoDate; regionId: string | null; rules?: RuleCommencements; requirementIds?: readonly string[] },
): Promise<AppliedReductions> {
  const { asOf } = scope;
  const policy = policyOn(asOf, scope.rules ?? NO_COMMENCEMENTS);
  if (!isEarnedReductionInForce(asOf, policy)) return NO_REDUCTIONS;
  const on = utcDateFromIsoDate(asOf);
  const rows = await client.requirement.findMany({
    where: {
      // The region on D (docs/decisions/0050): its cases now, and those that moved out of it after D.
      ...(scope.regionId
        ? {
            OR: [
              { regionId: scope.regionId },
              { transfers: { some: { status: "ACCEPTED", acceptedOn: { gt: on }, fromRegionId: scope.regionId } } },
            ],
          }
        : {}),
      ...(scope.requirementIds ? { id: { in: [...scope.requirementIds] } } : {}),
      sentenceDate: { lte: on },
      earnedReductionDecisions: { some: { decision: "CONFIRMED", decidedOn: { lte: on } } },
    },
    select: requirementFactsSelect,
  });
  const result: AppliedReductions = { requirementIds: [], minutes: [] };
  for (const row of rows) {
    const facts = toRequirementFacts(row);
    const dated = {
      attendances: facts.attendances.filter((a) => a.date <= asOf),
      eteCredits: facts.eteCredits.filter((c) => c.date <= asOf),
      earnedReductionDecisions: facts.earnedReductionDecisions,
      concurrentCredits: facts.concurrentCredits,
    };
    const applied = earnedReductionOn(asOf, dated, hoursOrderedOn(asOf, facts), policy).appliedMinutes;
    if (applied > 0) {
      result.requirementIds.push(row.id);
      result.minutes.push(applied);
    }
  }
  return result;
}

/** Joins `er.minutes` (null = no reduction applies) onto requirement `r`. */
export const joinAppliedReductions = (reductions: AppliedReductions) =>
  Prisma.sql`LEFT JOIN unnest(${reductions.requirementIds}::text[]::uuid[], ${reductions.minutes}::int[]) AS er("requirementId", minutes)
    ON er."requirementId" = r."id"`;

/** R7 with s.37: the minutes required on D — hours ordered less the confirmed reduction (domain RequirementView.requiredMinutes). */
export const requiredMinutesNow = Prisma.sql`(r."hoursOrdered" * 60 - COALESCE(er.minutes, 0))`;

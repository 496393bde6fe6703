import "server-only";
import type { IsoDate } from "@/domain";
import { db } from "@/server/db/client";
import { loadRuleCommencements, type RuleCommencements } from "@/server/rules/rule-commencements";
import { loadSentenceCalendar, sourceRows, type DashboardScope, type SourceKey } from "./dashboard-figures";

// What recording the Sentencing Act 2026 commencement dates would change today, nationally, before
// an administrator saves them. The counts come from the dashboard's own figure definitions run
// with the current and the proposed dates, so the preview and the dashboard cannot disagree.

export interface RuleCommencementPreview {
  asOf: IsoDate;
  current: RuleCommencements;
  proposed: RuleCommencements;
  backlog: { now: number; after: number };
  nearingEnd: { now: number; after: number };
  /** Court extensions still running today: they stop mattering once s.36 is in force. */
  runningExtensions: { now: number; after: number };
  /** Active requirements that have already worked a quarter of their hours (a proposal appears on each case). */
  earnedReductionCandidates: { now: number; after: number };
}

async function countSource(key: SourceKey, scope: DashboardScope): Promise<number> {
  const cal = await loadSentenceCalendar(db, scope);
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM (${sourceRows(key, scope, cal)}) x`;
  return row?.n ?? 0;
}

export async function previewRuleCommencements(
  proposed: RuleCommencements,
  asOf: IsoDate,
): Promise<RuleCommencementPreview> {
  const current = await loadRuleCommencements(db);
  const scopeWith = (rules: RuleCommencements): DashboardScope => ({ asOf, regionId: null, rules });
  const s36 = (rules: RuleCommencements) =>
    rules.twelveMonthPeriodAbolishedFrom !== null && rules.twelveMonthPeriodAbolishedFrom <= asOf;
  const s37 = (rules: RuleCommencements) => rules.earnedReductionFrom !== null && rules.earnedReductionFrom <= asOf;
  const [extensions] = await db.$queryRaw<
    { n: number }[]
  >`SELECT COUNT(DISTINCT x."requirementId")::int AS n FROM "Extension" x
    JOIN "Requirement" r ON r."id" = x."requirementId" WHERE r."status" = 'ACTIVE' AND x."grantedOn" <= ${asOf}::date AND x."newEndDate" >= ${asOf}::date`;
  const [candidates] = await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "Requirement" r
    WHERE r."status" = 'ACTIVE' AND r."minutesCredited" * 4 >= r."hoursOrdered" * 60`;
  const running = extensions?.n ?? 0;
  const qualifying = candidates?.n ?? 0;
  return {
    asOf,
    current,
    proposed,
    backlog: {
      now: await countSource("backlog", scopeWith(current)),
      after: await countSource("backlog", scopeWith(proposed)),
    },
    nearingEnd: {
      now: await countSource("nearing", scopeWith(current)),
      after: await countSource("nearing", scopeWith(proposed)),
    },
    runningExtensions: { now: s36(current) ? 0 : running, after: s36(proposed) ? 0 : running },
    earnedReductionCandidates: { now: s37(current) ? qualifying : 0, after: s37(proposed) ? qualifying : 0 },
  };
}

/** The commencement dates recorded now, for the administrator's rule-dates page (the page may not hold the client). */
export const currentRuleCommencements = (): Promise<RuleCommencements> => loadRuleCommencements(db);

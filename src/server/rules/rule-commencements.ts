import "server-only";
import { isIsoDate, type IsoDate } from "@/domain";
import type { PrismaClient, Tx } from "@/server/db/create-client";

// The Sentencing Act 2026 commencement dates an administrator records (s.36: no 12-month period;
// s.37: the earned reduction of hours). Every reader and every service loads them here, so the
// case page, the API, the work queue, the dashboards and the trends apply the same rules.
//
// Stored as PolicySetting rows (key, value = the date or "" for "not commenced", effectiveFrom =
// the day it was recorded). The latest row stands for every as-of date: a commencement date is a
// fact about the law, so a trend drawn after it is recorded shows the old rules before the date
// and the new ones after it, whenever it was recorded.

export const RULE_COMMENCEMENT_KEYS = ["twelveMonthPeriodAbolishedFrom", "earnedReductionFrom"] as const;
export type RuleCommencementKey = (typeof RULE_COMMENCEMENT_KEYS)[number];
export type RuleCommencements = Record<RuleCommencementKey, IsoDate | null>;

export const NO_COMMENCEMENTS: RuleCommencements = { twelveMonthPeriodAbolishedFrom: null, earnedReductionFrom: null };

type Reader = Pick<PrismaClient | Tx, "policySetting">;

export async function loadRuleCommencements(client: Reader): Promise<RuleCommencements> {
  const rows = await client.policySetting.findMany({
    where: { key: { in: [...RULE_COMMENCEMENT_KEYS] } },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    select: { key: true, value: true },
  });
  return ruleCommencementsFrom(rows);
}

/** The dates from PolicySetting rows of these keys, latest first (as loadRuleCommencements reads them). */
export function ruleCommencementsFrom(rows: readonly { key: string; value: string }[]): RuleCommencements {
  const result: RuleCommencements = { ...NO_COMMENCEMENTS };
  for (const key of RULE_COMMENCEMENT_KEYS) {
    const value = rows.find((row) => row.key === key)?.value.trim() ?? "";
    result[key] = isIsoDate(value) ? value : null;
  }
  return result;
}

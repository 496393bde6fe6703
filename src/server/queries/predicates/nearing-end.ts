import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/domain/dates";
import { creditedBetween, activeOn } from "./requirement";
import { joinAppliedReductions, requiredMinutesNow, type AppliedReductions } from "./earned-reduction";
import { day } from "./sql";

/** The policy values nearing end reads on D (figureDates in ../figures/sources.ts). */
export type NearingEndDates = {
  abolished: boolean;
  nearingBy: IsoDate;
  paceFrom: IsoDate;
  paceDays: number;
  redDays: number;
};

/**
 * §5 nearing end — mirrors isNearingEnd and ragStatus (src/domain/rag.ts) as deriveRequirementStatus
 * calls them: active on D, within the policy's weeks of the effective end date (the latest extension
 * granted by D, else the 12-month end `sc."twelveMonthEnd"`) or past it, with minutes outstanding,
 * where outstanding = the minutes required now (hours ordered less a confirmed s.37 reduction)
 * less the minutes credited by D. None from s.36's commencement (no end date exists).
 *
 * The end date is filtered first (a cheap extension look-up) so the credit sums run only for cases
 * near their end: OFFSET 0 keeps the planner from pulling the sums up into a filter over every
 * active case. ragStatus projects ceil(outstanding × paceDays ÷ recent) days ahead; that passes
 * the end date exactly when outstanding × paceDays > recent × days left, so the SQL stays in whole numbers.
 * Returns the joins (`from`), the condition, and the columns a source or list reads.
 */
export function nearingEndOn(D: IsoDate, t: NearingEndDates, reductions: AppliedReductions) {
  const endDate = Prisma.sql`COALESCE(lx."newEndDate", sc."twelveMonthEnd")`;
  const outstanding = Prisma.sql`(${requiredMinutesNow} - cr.credited)`;
  const daysLeft = Prisma.sql`(${endDate} - ${day(D)})`;
  const from = Prisma.sql`LEFT JOIN LATERAL (SELECT x."newEndDate" FROM "Extension" x WHERE x."requirementId" = r."id" AND x."grantedOn" <= ${day(D)}
                                ORDER BY x."grantedOn" DESC, x."newEndDate" DESC LIMIT 1) lx ON TRUE
    ${joinAppliedReductions(reductions)}
    CROSS JOIN LATERAL (SELECT ${creditedBetween(null, D)} AS credited, ${creditedBetween(t.paceFrom, D)} AS recent
                        WHERE ${activeOn(D)} AND ${endDate} <= ${day(t.nearingBy)} OFFSET 0) cr`;
  return {
    from,
    where: t.abolished
      ? Prisma.sql`FALSE`
      : Prisma.sql`${activeOn(D)} AND ${endDate} <= ${day(t.nearingBy)} AND ${outstanding} > 0`,
    band: Prisma.sql`CASE WHEN ${daysLeft} <= ${t.redDays} THEN 'RED'
                          WHEN ${outstanding}::bigint * ${t.paceDays} > cr.recent::bigint * ${daysLeft} THEN 'AMBER'
                          ELSE 'GREEN' END`,
    outstanding,
    recent: Prisma.sql`cr.recent`,
    endDate,
  };
}

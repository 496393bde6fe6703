import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/domain/dates";
import { CLOSING_OUTCOMES } from "@/domain/enforcement";
import { ATTENDANCE_OUTCOMES, OUTCOME_INFO } from "@/domain/attendance-outcomes";
import { at, day, type At } from "./sql";

// The read-side predicates: each written once, as a SQL condition on requirement `r` asked about
// a date D, mirroring the pure definition in src/domain named beside it. Every reader uses these —
// the dashboard figures and their drill-downs (../figures/sources.ts), the trends (one query over
// every month end, so D may be a column), the case list's flags and the work queue — and
// tests/integration/read-side-parity.test.ts proves they agree with the domain's case view.
// docs/decisions/0068-one-definition-per-figure.md.

/** Requirement ACTIVE on D (domain `statusOn`): sentenced by D and not completed or terminated by D. */
export const activeOn = (d: At) => Prisma.sql`(r."sentenceDate" <= ${at(d)}
  AND (r."status" = 'ACTIVE'
       OR (CASE r."status" WHEN 'COMPLETED' THEN r."completedOn" ELSE r."terminatedOn" END) > ${at(d)}))`;

/** Open breach on D (domain `breachStateOn`): a breach started by D and not closed by a court outcome by D. A warrant implies one. */
export const inBreachOrWarrantOn = (d: At) => Prisma.sql`EXISTS (
  SELECT 1 FROM "EnforcementAction" ea
  WHERE ea."requirementId" = r."id" AND ea."type" = 'BREACH' AND ea."status" = 'ACTIVE' AND ea."date" <= ${at(d)}
    AND NOT EXISTS (SELECT 1 FROM "EnforcementOutcome" eo
                    WHERE eo."actionId" = ea."id" AND eo."date" <= ${at(d)}
                      AND eo."outcome"::text = ANY(${[...CLOSING_OUTCOMES]}::text[])))`;

/**
 * Under warrant on D (domain `breachStateOn`): an open breach whose latest court outcome by D is a
 * warrant (a later WARRANT_EXECUTED brings the person back before the court: still open, no warrant).
 */
export const underWarrantOn = (d: At) => Prisma.sql`EXISTS (
  SELECT 1 FROM "EnforcementAction" ea
  WHERE ea."requirementId" = r."id" AND ea."type" = 'BREACH' AND ea."status" = 'ACTIVE' AND ea."date" <= ${at(d)}
    AND (SELECT eo."outcome"::text FROM "EnforcementOutcome" eo WHERE eo."actionId" = ea."id" AND eo."date" <= ${at(d)}
         ORDER BY eo."date" DESC, eo."createdAt" DESC LIMIT 1) = 'WARRANT_ISSUED')`;

/**
 * The day r's own clock starts — mirrors clockStartsOn (src/domain/order-sequence.ts): the sentence
 * date, or for a consecutive requirement the later of it and the day the earlier one ended
 * (completed or terminated); NULL while the earlier one is still active. It does not depend on D:
 * the earlier one ended after D means a clock start after D. R2's start deadline and R5's 28 days
 * count from it. Only consecutive rows run the subquery.
 */
export const clockStart = Prisma.sql`(CASE WHEN r."orderRelation" = 'CONSECUTIVE' AND r."relatedRequirementId" IS NOT NULL
  THEN (SELECT GREATEST(r."sentenceDate", CASE pr."status" WHEN 'COMPLETED' THEN pr."completedOn" ELSE pr."terminatedOn" END)
        FROM "Requirement" pr WHERE pr."id" = r."relatedRequirementId" AND pr."status" <> 'ACTIVE')
  ELSE r."sentenceDate" END)`;

/**
 * Waiting for the earlier order on D — mirrors isWaitingForEarlierOrder (src/domain/order-sequence.ts):
 * r is consecutive to a requirement that had not ended on or before D. Such a requirement cannot
 * start, so it is never late to start, dormant or in the backlog.
 */
export const waitingOn = (
  d: At,
) => Prisma.sql`(CASE WHEN r."orderRelation" = 'CONSECUTIVE' AND r."relatedRequirementId" IS NOT NULL
  THEN NOT EXISTS (SELECT 1 FROM "Requirement" pr WHERE pr."id" = r."relatedRequirementId" AND pr."status" <> 'ACTIVE'
                   AND (CASE pr."status" WHEN 'COMPLETED' THEN pr."completedOn" ELSE pr."terminatedOn" END) <= ${at(d)})
  ELSE FALSE END)`;

/**
 * R2 — not started by the start deadline, for the case list: active, no attended work session, and
 * the clock started on or before `latestClockStart` (the latest day whose 15 working days have passed
 * by D; a requirement still waiting for the earlier order has no clock and is never late).
 */
export const lateStartBy = (latestClockStart: IsoDate) => Prisma.sql`(r."status" = 'ACTIVE' AND r."commencedOn" IS NULL
  AND r."sentenceDate" <= ${day(latestClockStart)} AND COALESCE(${clockStart} <= ${day(latestClockStart)}, FALSE))`;

/**
 * R4 — mirrors isInBacklog (src/domain/backlog.ts): active, past its 12-month end (`twelveMonthEnd`,
 * a SQL date from the sentence calendar), no extension granted by D that covers D, no open breach.
 * `applies` is false from s.36's commencement (a boolean, or a SQL boolean per month end). A
 * consecutive requirement still waiting for the earlier order on D is not in the backlog.
 */
export const inBacklogOn = (d: At, twelveMonthEnd: Prisma.Sql, applies: boolean | Prisma.Sql) =>
  applies === false
    ? Prisma.sql`FALSE`
    : Prisma.sql`(${applies === true ? Prisma.sql`TRUE` : applies} AND ${activeOn(d)} AND ${at(d)} > ${twelveMonthEnd}
        AND NOT ${waitingOn(d)}
        AND NOT EXISTS (SELECT 1 FROM "Extension" x WHERE x."requirementId" = r."id"
                        AND x."grantedOn" <= ${at(d)} AND x."newEndDate" >= ${at(d)})
        AND NOT ${inBreachOrWarrantOn(d)})`;

/**
 * The rows of `table` (as `alias`) that belong to a requirement running concurrently with r, either
 * side of the relation (decision 0049): the partner r names, and the partners that name r. Two
 * branches, each an index lookup that finds nothing for the great majority of requirements, which
 * have no partner. (One `requirementId IN (… UNION ALL …)` made the dormant figure take minutes at
 * 50,000 requirements: PostgreSQL could not use the index through it.)
 */
const fromConcurrentPartnersOfR = (table: "Attendance" | "EteCredit", alias: Prisma.Sql) => [
  Prisma.sql`FROM ${Prisma.raw(`"${table}"`)} ${alias}
    WHERE r."orderRelation" = 'CONCURRENT' AND ${alias}."requirementId" = r."relatedRequirementId"`,
  Prisma.sql`FROM "Requirement" cp JOIN ${Prisma.raw(`"${table}"`)} ${alias} ON ${alias}."requirementId" = cp."id"
    WHERE cp."relatedRequirementId" = r."id" AND cp."orderRelation" = 'CONCURRENT'`,
];

/** `each(from)` for both ways to r's concurrent partners' rows of `table`, joined by spaces. */
const forConcurrentPartnersOfR = (
  table: "Attendance" | "EteCredit",
  alias: Prisma.Sql,
  each: (from: Prisma.Sql) => Prisma.Sql,
) => Prisma.join(fromConcurrentPartnersOfR(table, alias).map(each), " ");

/**
 * A concurrent partner's credit dated `column` counts for r — mirrors countsForConcurrent
 * (src/domain/concurrent-crediting.ts): on or after r's sentence date, and not after r was terminated.
 */
const countsForR = (column: Prisma.Sql) =>
  Prisma.sql`(${column} >= r."sentenceDate" AND (r."status" <> 'TERMINATED' OR ${column} <= r."terminatedOn"))`;

/**
 * R5 — mirrors isDormant (src/domain/dormant.ts): active, its clock started by `sentencedBy` (D less
 * the policy's dormant days: the sentence date, or the day the earlier order ended for a consecutive
 * requirement, so one still waiting on D is never dormant), no attendance or ETE credit dated in
 * [windowStart, D] (nor a credit of a concurrent partner that counts for it), no open breach.
 */
export const dormantOn = (d: At, window: { sentencedBy: At; windowStart: At }) => Prisma.sql`(${activeOn(d)}
  AND r."sentenceDate" <= ${at(window.sentencedBy)} AND COALESCE(${clockStart} <= ${at(window.sentencedBy)}, FALSE)
  AND NOT ${inBreachOrWarrantOn(d)}
  AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."requirementId" = r."id"
                  AND a."sessionDate" BETWEEN ${at(window.windowStart)} AND ${at(d)})
  AND NOT EXISTS (SELECT 1 FROM "EteCredit" e WHERE e."requirementId" = r."id"
                  AND e."date" BETWEEN ${at(window.windowStart)} AND ${at(d)})
  ${forConcurrentPartnersOfR(
    "Attendance",
    Prisma.sql`a`,
    (from) => Prisma.sql`AND NOT EXISTS (SELECT 1 ${from} AND a."minutesCredited" > 0
      AND ${countsForR(Prisma.sql`a."sessionDate"`)} AND a."sessionDate" BETWEEN ${at(window.windowStart)} AND ${at(d)})`,
  )}
  ${forConcurrentPartnersOfR(
    "EteCredit",
    Prisma.sql`e`,
    (from) => Prisma.sql`AND NOT EXISTS (SELECT 1 ${from} AND e."minutes" > 0
      AND ${countsForR(Prisma.sql`e."date"`)} AND e."date" BETWEEN ${at(window.windowStart)} AND ${at(d)})`,
  )})`;

/** R8 → R9: the outcomes that are a failure to comply in themselves (domain OUTCOME_INFO). */
const FAILURE_OUTCOMES: string[] = ATTENDANCE_OUTCOMES.filter((o) => OUTCOME_INFO[o].failureToComply);

/**
 * R9: attendance `a` is a failure to comply (isFailureToComply: a failing outcome, or a 3rd+
 * absence a manager rejected) dated by D that no standing warning or breach dated by D answers.
 * Callers add the requirement's side (active, not already in breach). Every list of failures
 * awaiting action — work queue, case page, case list, dashboard — reads this.
 */
export const failureAwaitingActionOn = (d: IsoDate) => Prisma.sql`(
  (a."outcome"::text = ANY(${FAILURE_OUTCOMES}::text[]) OR (a."outcome" = 'ACCEPTABLE_ABSENCE' AND a."approvalState" = 'REJECTED'))
  AND a."sessionDate" <= ${day(d)}
  AND NOT EXISTS (SELECT 1 FROM "EnforcementAction" ea WHERE ea."failureAttendanceId" = a."id" AND ea."status" = 'ACTIVE'
                  AND ea."date" <= ${day(d)}))`;

/** R9: requirement r can still be acted on for a failure on D: active, and not already before the court. */
export const enforceableOn = (d: IsoDate) => Prisma.sql`(${activeOn(d)} AND NOT ${inBreachOrWarrantOn(d)})`;

/** Minutes credited (work + ETE) to requirement r dated in [from, to], with its concurrent partners' that count for it. */
export const creditedBetween = (from: IsoDate | null, to: IsoDate) => {
  const range = (column: Prisma.Sql) =>
    Prisma.sql`${from ? Prisma.sql`AND ${column} >= ${day(from)}` : Prisma.empty} AND ${column} <= ${day(to)}`;
  return Prisma.sql`(
  (SELECT COALESCE(SUM(a."minutesCredited"), 0) FROM "Attendance" a WHERE a."requirementId" = r."id" ${range(Prisma.sql`a."sessionDate"`)})
  + (SELECT COALESCE(SUM(e."minutes"), 0) FROM "EteCredit" e WHERE e."requirementId" = r."id" ${range(Prisma.sql`e."date"`)})
  ${forConcurrentPartnersOfR(
    "Attendance",
    Prisma.sql`a`,
    (from) => Prisma.sql`+ (SELECT COALESCE(SUM(a."minutesCredited"), 0) ${from}
      AND ${countsForR(Prisma.sql`a."sessionDate"`)} ${range(Prisma.sql`a."sessionDate"`)})`,
  )}
  ${forConcurrentPartnersOfR(
    "EteCredit",
    Prisma.sql`e`,
    (from) => Prisma.sql`+ (SELECT COALESCE(SUM(e."minutes"), 0) ${from}
      AND ${countsForR(Prisma.sql`e."date"`)} ${range(Prisma.sql`e."date"`)})`,
  )})`;
};

/**
 * §5 hours delivered: every credit dated in [from, to] — minutes credited at a session (work) and
 * ETE minutes — one row per credit (requirementId, work, ete, on_date). The dashboard figure sums
 * it over the 7 days up to D per requirement; the trend sums it per calendar month.
 */
export const creditsBetween = (from: At, to: At, requirementIds?: readonly string[]) => {
  // Only some requirements (the figure facts of a few): filtered inside each branch, so the index is used.
  const only = (column: Prisma.Sql) =>
    requirementIds ? Prisma.sql`AND ${column} = ANY(${[...requirementIds]}::uuid[])` : Prisma.empty;
  return Prisma.sql`(
  SELECT a."requirementId", a."minutesCredited" AS work, 0 AS ete, a."sessionDate" AS on_date FROM "Attendance" a
  WHERE a."sessionDate" BETWEEN ${at(from)} AND ${at(to)} AND a."minutesCredited" > 0 ${only(Prisma.sql`a."requirementId"`)}
  UNION ALL
  SELECT e."requirementId", 0, e."minutes", e."date" FROM "EteCredit" e
  WHERE e."date" BETWEEN ${at(from)} AND ${at(to)} AND e."minutes" > 0 ${only(Prisma.sql`e."requirementId"`)})`;
};

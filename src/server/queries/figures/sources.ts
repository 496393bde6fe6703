import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { addCalendarMonths, addDays, type IsoDate } from "@/domain/dates";
import { dormancyWindowStart } from "@/domain/dormant";
import { isTwelveMonthPeriodAbolished, policyOn } from "@/domain/policy";
import { NO_COMMENCEMENTS, type RuleCommencements } from "@/server/rules/rule-commencements";
import {
  activeOn,
  creditsBetween,
  dormantOn,
  enforceableOn,
  failureAwaitingActionOn,
  inBacklogOn,
} from "../predicates/requirement";
import { nearingEndOn } from "../predicates/nearing-end";
import { day } from "../predicates/sql";
import { pduOn, regionOn } from "../region-on-date";
import {
  HOURS_WINDOW_DAYS,
  REPORTING_WINDOW_MONTHS,
  STAND_DOWN_WINDOW_DAYS,
  YOUNG_ADULT_AGE_BELOW,
  type DashboardScope,
  type SourceKey,
} from "./scope";
import { inScope, joinCalendar, startDeadlineOf, type SentenceCalendar } from "./sentence-calendar";

// Every figure of docs/domain.md §5 as ONE SQL source per figure family: a SELECT that returns one
// row per requirement behind the figure (docs/decisions/0011-dashboard-definitions.md). The
// dashboard counts these rows (grouped by region, PDU and team type, so every comparison comes
// from the same tally) and the drill-down lists and CSV read the very same rows, so a figure
// and its list cannot disagree. Rule dates come from the domain (see loadSentenceCalendar).

/** The dates and windows every source needs, from the policy on D. */
export function figureDates(asOf: IsoDate, rules: RuleCommencements = NO_COMMENCEMENTS) {
  const policy = policyOn(asOf, rules);
  return {
    policy,
    abolished: isTwelveMonthPeriodAbolished(asOf, policy),
    yearAgo: addCalendarMonths(asOf, -REPORTING_WINDOW_MONTHS),
    sentencedBy: addDays(asOf, -policy.dormantDays),
    dormantFrom: dormancyWindowStart(asOf, policy),
    nearingBy: addDays(asOf, policy.nearingEndWeeks * 7),
    paceDays: policy.paceWeeks * 7,
    paceFrom: addDays(asOf, -(policy.paceWeeks * 7 - 1)),
    redDays: policy.redWeeks * 7,
    standDownFrom: addDays(asOf, -(STAND_DOWN_WINDOW_DAYS - 1)),
    hoursFrom: addDays(asOf, -(HOURS_WINDOW_DAYS - 1)),
  };
}

type Columns = { band?: Prisma.Sql; met?: Prisma.Sql; x?: Prisma.Sql; y?: Prisma.Sql; keyDate?: Prisma.Sql };

/** Every source returns the same columns, so the count, the list and the CSV are one query shape. */
function rows(
  cal: SentenceCalendar,
  scope: DashboardScope,
  columns: Columns,
  from: Prisma.Sql,
  where: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`SELECT r."id", r."personId", ${regionOn(day(scope.asOf))} AS "regionId", ${pduOn(day(scope.asOf))} AS "pduId", r."managedBy",
      ${columns.band ?? Prisma.sql`NULL`}::text AS band, ${columns.met ?? Prisma.sql`NULL`}::boolean AS met,
      ${columns.x ?? Prisma.sql`NULL`}::float8 AS x, ${columns.y ?? Prisma.sql`NULL`}::float8 AS y,
      ${columns.keyDate ?? Prisma.sql`NULL`}::date AS "keyDate"
    FROM "Requirement" r ${joinCalendar(cal)} ${from}
    WHERE ${inScope(scope)} AND ${where}`;
}

/**
 * The SQL rows behind a figure family as of D. Columns: band (a sub-figure such as the RAG or the
 * age band), met (the numerator of a share), x and y (numbers the family sums), keyDate (the date
 * the list shows). Definitions: docs/decisions/0011-dashboard-definitions.md.
 */
export function sourceRows(key: SourceKey, scope: DashboardScope, cal: SentenceCalendar): Prisma.Sql {
  const D = scope.asOf;
  const t = figureDates(D, scope.rules);
  const none = Prisma.empty;
  switch (key) {
    case "active":
      return rows(cal, scope, { keyDate: Prisma.sql`sc."twelveMonthEnd"` }, none, activeOn(D));
    // R4 — mirrors isInBacklog (src/domain/backlog.ts)
    case "backlog":
      return rows(
        cal,
        scope,
        { keyDate: Prisma.sql`sc."twelveMonthEnd"` },
        none,
        inBacklogOn(D, Prisma.sql`sc."twelveMonthEnd"`, !t.abolished),
      );
    // R5 — mirrors isDormant (src/domain/dormant.ts); keyDate = the last attendance or ETE credit by D
    case "dormant":
      return rows(
        cal,
        scope,
        {
          keyDate: Prisma.sql`GREATEST((SELECT MAX(a."sessionDate") FROM "Attendance" a WHERE a."requirementId" = r."id" AND a."sessionDate" <= ${day(D)}),
                                       (SELECT MAX(e."date") FROM "EteCredit" e WHERE e."requirementId" = r."id" AND e."date" <= ${day(D)}))`,
        },
        none,
        dormantOn(D, { sentencedBy: t.sentencedBy, windowStart: t.dormantFrom }),
      );
    // §5 nearing end (src/server/queries/predicates/nearing-end.ts). x = minutes outstanding,
    // y = minutes credited in the pace window, keyDate = effective end date.
    case "nearing": {
      if (t.abolished) return rows(cal, scope, {}, none, Prisma.sql`FALSE`);
      const nearing = nearingEndOn(D, t, cal.appliedReductions);
      return rows(
        cal,
        scope,
        { band: nearing.band, x: nearing.outstanding, y: nearing.recent, keyDate: nearing.endDate },
        nearing.from,
        nearing.where,
      );
    }
    // R2 — mirrors commencedWithinDeadline (src/domain/requirement-dates.ts): the cohort whose start
    // deadline passed in the 12 months before D; met = commenced by the deadline. A consecutive
    // requirement's deadline counts from the day the earlier order ended (startDeadlineOf).
    case "commenced": {
      const deadline = startDeadlineOf(cal);
      return rows(
        cal,
        scope,
        {
          met: Prisma.sql`(r."commencedOn" IS NOT NULL AND r."commencedOn" <= ${deadline} AND r."commencedOn" <= ${day(D)})`,
          keyDate: deadline,
        },
        none,
        Prisma.sql`${deadline} < ${day(D)} AND ${deadline} >= ${day(t.yearAgo)}`,
      );
    }
    // §5 / SL029 — mirrors completedWithinTwelveMonths: the cohort whose 12 months ended in the
    // 12 months up to D; met = completed by then (extensions ignored).
    case "completed":
      return rows(
        cal,
        scope,
        {
          met: Prisma.sql`(r."status" = 'COMPLETED' AND r."completedOn" <= sc."twelveMonthEnd")`,
          keyDate: Prisma.sql`sc."twelveMonthEnd"`,
        },
        none,
        Prisma.sql`sc."twelveMonthEnd" <= ${day(D)} AND sc."twelveMonthEnd" > ${day(t.yearAgo)}`,
      );
    // R6 — active requirements with any ETE credit by D; met = the whole allowance used.
    // x = ETE minutes by D, y = the allowance floor(30 % × hours ordered × 60).
    case "ete": {
      const allowance = Prisma.sql`floor(r."hoursOrdered" * 60 * ${t.policy.eteCapPercent} / 100.0)`;
      return rows(
        cal,
        scope,
        {
          met: Prisma.sql`(ete.minutes >= ${allowance})`,
          x: Prisma.sql`ete.minutes`,
          y: allowance,
          keyDate: Prisma.sql`ete.last`,
        },
        Prisma.sql`JOIN LATERAL (SELECT SUM(e."minutes") AS minutes, MAX(e."date") AS last FROM "EteCredit" e
                                 WHERE e."requirementId" = r."id" AND e."date" <= ${day(D)}) ete ON ete.minutes > 0`,
        activeOn(D),
      );
    }
    // §5 breach rate — every active requirement on D; met = a warning or breach dated in the 12
    // months up to D. band = age band on D. keyDate = the latest such action.
    case "breach":
      return rows(
        cal,
        scope,
        {
          band: Prisma.sql`CASE WHEN date_part('year', age(${day(D)}, p."dateOfBirth")) < ${YOUNG_ADULT_AGE_BELOW} THEN 'UNDER_25' ELSE 'AGE_25_PLUS' END`,
          met: Prisma.sql`(ea.last IS NOT NULL)`,
          keyDate: Prisma.sql`ea.last`,
        },
        Prisma.sql`JOIN "Person" p ON p."id" = r."personId"
          LEFT JOIN LATERAL (SELECT MAX(ea."date") AS last FROM "EnforcementAction" ea WHERE ea."requirementId" = r."id" AND ea."status" = 'ACTIVE'
                             AND ea."date" > ${day(t.yearAgo)} AND ea."date" <= ${day(D)}) ea ON TRUE`,
        activeOn(D),
      );
    // R8 stand-down rate — requirements with allocations in the 28 days up to D. x = allocations
    // (not cancelled), y = stand-downs (sent home by the service, or an absence stood down in advance).
    case "standDown":
      return rows(
        cal,
        scope,
        {
          met: Prisma.sql`(sd.stood > 0)`,
          x: Prisma.sql`sd.booked`,
          y: Prisma.sql`sd.stood`,
          keyDate: Prisma.sql`sd.last`,
        },
        // The join keeps only stand-down outcomes (an allocation has at most one attendance), so
        // PostgreSQL reads those few rows through Attendance(sessionDate, outcome), not the window's every register.
        Prisma.sql`JOIN (SELECT al."requirementId", COUNT(*) AS booked, COUNT(at."id") AS stood, MAX(al."sessionDate") FILTER (WHERE at."id" IS NOT NULL) AS last
                        FROM "Allocation" al LEFT JOIN "Attendance" at ON at."allocationId" = al."id"
                          AND at."sessionDate" BETWEEN ${day(t.standDownFrom)} AND ${day(D)}
                          AND at."outcome" IN ('ATTENDED_SENT_HOME_SERVICE', 'ACCEPTABLE_ABSENCE')
                          AND (at."outcome" = 'ATTENDED_SENT_HOME_SERVICE' OR at."reasonCategory" = 'STOOD_DOWN')
                        WHERE al."sessionDate" BETWEEN ${day(t.standDownFrom)} AND ${day(D)} AND al."status" = 'BOOKED'
                          ${scope.requirementIds ? Prisma.sql`AND al."requirementId" = ANY(${[...scope.requirementIds]}::uuid[])` : Prisma.empty}
                          AND al."requirementId" IN (SELECT r."id" FROM "Requirement" r WHERE ${inScope(scope)})
                        GROUP BY al."requirementId") sd ON sd."requirementId" = r."id"`,
        Prisma.sql`TRUE`,
      );
    // §5 hours delivered — requirements credited in the 7 days up to D. x = work minutes, y = ETE minutes.
    case "hours":
      return rows(
        cal,
        scope,
        { x: Prisma.sql`hw.work`, y: Prisma.sql`hw.ete`, keyDate: Prisma.sql`hw.last` },
        Prisma.sql`JOIN (SELECT c."requirementId", SUM(c.work) AS work, SUM(c.ete) AS ete, MAX(c.on_date) AS last FROM ${creditsBetween(t.hoursFrom, D, scope.requirementIds)} c
                        WHERE c."requirementId" IN (SELECT r."id" FROM "Requirement" r WHERE ${inScope(scope)})
                        GROUP BY c."requirementId") hw ON hw."requirementId" = r."id"`,
        Prisma.sql`TRUE`,
      );
    // R3 reviews — active on D, the review's due date has passed, and no review of that kind completed by D.
    case "review6":
    case "review9": {
      const due = key === "review6" ? Prisma.sql`sc."sixMonthReview"` : Prisma.sql`sc."nineMonthReview"`;
      const kind = key === "review6" ? "SIX_MONTH" : "NINE_MONTH";
      return rows(
        cal,
        scope,
        { keyDate: due },
        none,
        Prisma.sql`${activeOn(D)} AND ${due} < ${day(D)}
          AND NOT EXISTS (SELECT 1 FROM "Review" v WHERE v."requirementId" = r."id" AND v."kind" = ${kind}::"ReviewKind"
                          AND v."completedOn" <= ${day(D)})`,
      );
    }
    // R9 timescale — mirrors enforcementDecisionDueBy (src/domain/enforcement-lifecycle.ts): active
    // requirements with a failure awaiting action whose due date (10 working days) passed before D.
    // x = such failures, keyDate = the oldest of them.
    case "enforcementOverdue":
      return rows(
        cal,
        scope,
        { x: Prisma.sql`ov.n`, keyDate: Prisma.sql`ov.first` },
        Prisma.sql`JOIN LATERAL (SELECT COUNT(*) AS n, MIN(a."sessionDate") AS first FROM "Attendance" a
                                 WHERE a."requirementId" = r."id" AND a."sessionDate" <= ${day(cal.enforcementOverdueCutoff)}
                                   AND ${failureAwaitingActionOn(D)}) ov ON ov.n > 0`,
        enforceableOn(D),
      );
    // §5 expired-incomplete SSOs — suspended sentence orders whose requirement ended EXPIRED_INCOMPLETE
    // in the 12 months up to D, or is still active on D after its supervision period ended in those
    // 12 months (isSsoSupervisionEndedIncomplete: counted without anyone terminating it by hand).
    // x = minutes credited, y = minutes required.
    case "expiredSso":
      return rows(
        cal,
        scope,
        {
          x: Prisma.sql`r."minutesCredited"`,
          y: Prisma.sql`r."hoursOrdered" * 60`,
          keyDate: Prisma.sql`COALESCE(CASE WHEN r."status" = 'TERMINATED' AND r."terminatedOn" <= ${day(D)} THEN r."terminatedOn" END, o."supervisionPeriodEndsOn")`,
        },
        Prisma.sql`JOIN "Order" o ON o."id" = r."orderId"`,
        Prisma.sql`r."orderType" = 'SUSPENDED_SENTENCE_ORDER' AND (
          (r."status" = 'TERMINATED' AND r."terminationReason" = 'EXPIRED_INCOMPLETE'
            AND r."terminatedOn" > ${day(t.yearAgo)} AND r."terminatedOn" <= ${day(D)})
          OR (${activeOn(D)} AND o."supervisionPeriodEndsOn" < ${day(D)} AND o."supervisionPeriodEndsOn" > ${day(t.yearAgo)}))`,
      );
  }
}

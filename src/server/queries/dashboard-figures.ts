import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/server/db/create-client";
import { calendarFrom } from "@/domain/bank-holidays";
import { addCalendarMonths, addDays, type IsoDate } from "@/domain/dates";
import { dormancyWindowStart } from "@/domain/dormant";
import { CLOSING_OUTCOMES } from "@/domain/enforcement";
import { lastOverdueFailureDate } from "@/domain/enforcement-lifecycle";
import { ATTENDANCE_OUTCOMES, OUTCOME_INFO } from "@/domain/attendance-outcomes";
import { isTwelveMonthPeriodAbolished, policyOn } from "@/domain/policy";
import { NO_COMMENCEMENTS, type RuleCommencements } from "@/server/rules/rule-commencements";
import { inRegionOn, regionOn } from "./region-on-date";
import { reviewDueDates, startDeadline, twelveMonthEnd } from "@/domain/requirement-dates";

// Every figure of docs/domain.md §5 as ONE SQL source per figure family: a SELECT that returns one
// row per requirement behind the figure (docs/decisions/0011-dashboard-definitions.md). The
// dashboard counts these rows (grouped by region, PDU and team type, so every comparison comes
// from the same tally) and the drill-down lists and CSV read the very same rows, so a figure
// and its list cannot disagree. Rule dates come from the domain (see loadSentenceCalendar).

export const TEAM_TYPES = ["STANDALONE_UPW", "SENTENCE_MANAGEMENT"] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

/** What a dashboard view is about: a date, and optionally a region, a PDU (in that region) and a team type. */
export type DashboardScope = {
  asOf: IsoDate;
  regionId: string | null;
  pduId?: string | null;
  teamType?: TeamType | null;
  /** The Sentencing Act 2026 commencement dates the services use (loadRuleCommencements); none when omitted. */
  rules?: RuleCommencements;
};

/** One year of cohorts, like HMPPS's annual performance measures. A reporting choice, not a rule. */
export const REPORTING_WINDOW_MONTHS = 12;
/** Stand-down rate: allocations in the 28 days up to D (the dormancy window's length). */
export const STAND_DOWN_WINDOW_DAYS = 28;
/** Hours delivered per week: the 7 days up to and including D. */
export const HOURS_WINDOW_DAYS = 7;
/** Breach rate: age bands of docs/domain.md §5. */
export const YOUNG_ADULT_AGE_BELOW = 25;

/** The sources: each is a family of figures over the same rows (see FIGURES for the drill-down keys). */
export const SOURCES = [
  "active",
  "backlog",
  "dormant",
  "nearing",
  "commenced",
  "completed",
  "ete",
  "breach",
  "standDown",
  "hours",
  "review6",
  "review9",
  "expiredSso",
  "enforcementOverdue",
] as const;
export type SourceKey = (typeof SOURCES)[number];

// ───────────────────────────── rule dates per sentence date

/**
 * The rule dates of every sentence date in scope, computed by the domain (R2 startDeadline with
 * the BankHoliday table, R3 twelveMonthEnd and review dates) and joined in SQL. Why TS, not SQL:
 * the working-day and month-end rules then exist once, unit-tested; there are at most a few
 * thousand distinct sentence dates, so this is one small query and a loop over dates, not over cases.
 */
export type SentenceCalendar = {
  sentenceDates: IsoDate[];
  twelveMonthEnds: IsoDate[];
  startDeadlines: IsoDate[];
  sixMonthReviews: IsoDate[];
  nineMonthReviews: IsoDate[];
  /** R9 timescale: a failure on or before this date is overdue for action on the as-of date. */
  enforcementOverdueCutoff: IsoDate;
};

type RuleDates = { twelveMonthEnd: IsoDate; startDeadline: IsoDate; sixMonthReview: IsoDate; nineMonthReview: IsoDate };

/**
 * The rule dates of a sentence date depend only on that date, the policy (code) and the bank
 * holidays, so they are worked out once per sentence date and kept until the bank holidays change
 * (the memo is keyed by the whole holiday list, read with the dates on every call). Before this,
 * every request recomputed R2's working days for about 1,100 sentence dates nationally.
 */
let ruleDateMemo: { holidays: string; byDate: Map<IsoDate, RuleDates> } | null = null;

function ruleDatesFor(holidays: string, sentenceDates: readonly IsoDate[]): RuleDates[] {
  if (ruleDateMemo?.holidays !== holidays) ruleDateMemo = { holidays, byDate: new Map() };
  const memo = ruleDateMemo.byDate;
  let calendar: ReturnType<typeof calendarFrom> | null = null;
  return sentenceDates.map((d) => {
    let dates = memo.get(d);
    if (!dates) {
      calendar ??= calendarFrom(holidays === "" ? [] : (holidays.split(",") as IsoDate[]));
      const reviews = reviewDueDates(d);
      // R3 names two mandatory reviews; the policy module keeps their months (6 and 9).
      dates = {
        twelveMonthEnd: twelveMonthEnd(d),
        startDeadline: startDeadline(d, calendar),
        sixMonthReview: reviews[0]?.dueOn ?? addCalendarMonths(d, 6),
        nineMonthReview: reviews[1]?.dueOn ?? addCalendarMonths(d, 9),
      };
      memo.set(d, dates);
    }
    return dates;
  });
}

export async function loadSentenceCalendar(client: PrismaClient, scope: Pick<DashboardScope, "asOf" | "regionId">): Promise<SentenceCalendar> {
  const [dates, holidays] = await Promise.all([
    client.$queryRaw<{ d: string }[]>`SELECT to_char(s.d, 'YYYY-MM-DD') AS d FROM (SELECT DISTINCT r."sentenceDate" AS d FROM "Requirement" r
      WHERE r."sentenceDate" <= ${day(scope.asOf)} ${scope.regionId ? Prisma.sql`AND ${inRegionOn(scope.regionId, day(scope.asOf))}` : Prisma.empty}) s`,
    client.$queryRaw<{ dates: string | null }[]>`SELECT string_agg(to_char(h."date", 'YYYY-MM-DD'), ',' ORDER BY h."date") AS dates FROM "BankHoliday" h`,
  ]);
  const sentenceDates = dates.map((row) => row.d as IsoDate);
  const holidayList = holidays[0]?.dates ?? "";
  const ruleDates = ruleDatesFor(holidayList, sentenceDates);
  return {
    sentenceDates,
    twelveMonthEnds: ruleDates.map((r) => r.twelveMonthEnd),
    startDeadlines: ruleDates.map((r) => r.startDeadline),
    sixMonthReviews: ruleDates.map((r) => r.sixMonthReview),
    nineMonthReviews: ruleDates.map((r) => r.nineMonthReview),
    enforcementOverdueCutoff: lastOverdueFailureDate(
      scope.asOf,
      calendarFrom(holidayList === "" ? [] : (holidayList.split(",") as IsoDate[])),
      policyOn(scope.asOf),
    ),
  };
}

const day = (d: IsoDate) => Prisma.sql`${d}::date`;

const joinCalendar = (cal: SentenceCalendar) => Prisma.sql`JOIN unnest(
  ${cal.sentenceDates}::text[]::date[], ${cal.twelveMonthEnds}::text[]::date[], ${cal.startDeadlines}::text[]::date[],
  ${cal.sixMonthReviews}::text[]::date[], ${cal.nineMonthReviews}::text[]::date[]
) AS sc("sentenceDate", "twelveMonthEnd", "startDeadline", "sixMonthReview", "nineMonthReview") ON sc."sentenceDate" = r."sentenceDate"`;

const inScope = (scope: DashboardScope) =>
  Prisma.join(
    [
      // Region at the as-of date: a transferred case counts where it was on that date.
      scope.regionId ? inRegionOn(scope.regionId, day(scope.asOf)) : Prisma.sql`TRUE`,
      scope.pduId ? Prisma.sql`r."pduId" = ${scope.pduId}::uuid` : Prisma.sql`TRUE`,
      scope.teamType ? Prisma.sql`r."managedBy" = ${scope.teamType}::"ManagedBy"` : Prisma.sql`TRUE`,
    ],
    " AND ",
  );

// ───────────────────────────── shared predicates

/** Requirement ACTIVE on D (domain `statusOn`): sentenced by D and not completed or terminated by D. */
export const activeOn = (d: IsoDate) => Prisma.sql`(r."sentenceDate" <= ${day(d)}
  AND (r."status" = 'ACTIVE'
       OR (CASE r."status" WHEN 'COMPLETED' THEN r."completedOn" ELSE r."terminatedOn" END) > ${day(d)}))`;

/** Open breach on D (domain `breachStateOn`): a breach started by D and not closed by a court outcome by D. A warrant implies one. */
export const inBreachOrWarrantOn = (d: IsoDate) => Prisma.sql`EXISTS (
  SELECT 1 FROM "EnforcementAction" ea
  WHERE ea."requirementId" = r."id" AND ea."type" = 'BREACH' AND ea."status" = 'ACTIVE' AND ea."date" <= ${day(d)}
    AND NOT EXISTS (SELECT 1 FROM "EnforcementOutcome" eo
                    WHERE eo."actionId" = ea."id" AND eo."date" <= ${day(d)}
                      AND eo."outcome"::text = ANY(${[...CLOSING_OUTCOMES]}::text[])))`;

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
function rows(cal: SentenceCalendar, scope: DashboardScope, columns: Columns, from: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT r."id", r."personId", ${regionOn(day(scope.asOf))} AS "regionId", r."pduId", r."managedBy",
      ${columns.band ?? Prisma.sql`NULL`}::text AS band, ${columns.met ?? Prisma.sql`NULL`}::boolean AS met,
      ${columns.x ?? Prisma.sql`NULL`}::float8 AS x, ${columns.y ?? Prisma.sql`NULL`}::float8 AS y,
      ${columns.keyDate ?? Prisma.sql`NULL`}::date AS "keyDate"
    FROM "Requirement" r ${joinCalendar(cal)} ${from}
    WHERE ${inScope(scope)} AND ${where}`;
}

/** Minutes credited (work + ETE) to requirement r dated in [from, to]. */
const creditedBetween = (from: IsoDate | null, to: IsoDate) => Prisma.sql`(
  (SELECT COALESCE(SUM(a."minutesCredited"), 0) FROM "Attendance" a WHERE a."requirementId" = r."id"
     ${from ? Prisma.sql`AND a."sessionDate" >= ${day(from)}` : Prisma.empty} AND a."sessionDate" <= ${day(to)})
  + (SELECT COALESCE(SUM(e."minutes"), 0) FROM "EteCredit" e WHERE e."requirementId" = r."id"
     ${from ? Prisma.sql`AND e."date" >= ${day(from)}` : Prisma.empty} AND e."date" <= ${day(to)}))`;

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
        t.abolished
          ? Prisma.sql`FALSE`
          : Prisma.sql`${activeOn(D)} AND ${day(D)} > sc."twelveMonthEnd"
            AND NOT EXISTS (SELECT 1 FROM "Extension" x WHERE x."requirementId" = r."id"
                            AND x."grantedOn" <= ${day(D)} AND x."newEndDate" >= ${day(D)})
            AND NOT ${inBreachOrWarrantOn(D)}`,
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
        Prisma.sql`${activeOn(D)} AND r."sentenceDate" <= ${day(t.sentencedBy)} AND NOT ${inBreachOrWarrantOn(D)}
          AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."requirementId" = r."id"
                          AND a."sessionDate" BETWEEN ${day(t.dormantFrom)} AND ${day(D)})
          AND NOT EXISTS (SELECT 1 FROM "EteCredit" e WHERE e."requirementId" = r."id"
                          AND e."date" BETWEEN ${day(t.dormantFrom)} AND ${day(D)})`,
      );
    // §5 — mirrors isNearingEnd and ragStatus (src/domain/rag.ts). The end date is filtered first
    // (a cheap extension look-up) so the credit sums run only for cases near their end: OFFSET 0
    // keeps the planner from pulling the sums up into a filter over every active case.
    // ragStatus projects ceil(outstanding × paceDays ÷ recent) days ahead; that passes the end date
    // exactly when outstanding × paceDays > recent × days left, so the SQL stays in whole numbers.
    // x = minutes outstanding, y = minutes credited in the pace window, keyDate = effective end date.
    case "nearing": {
      if (t.abolished) return rows(cal, scope, {}, none, Prisma.sql`FALSE`);
      const endDate = Prisma.sql`COALESCE(lx."newEndDate", sc."twelveMonthEnd")`;
      const outstanding = Prisma.sql`(r."hoursOrdered" * 60 - cr.credited)`;
      const daysLeft = Prisma.sql`(${endDate} - ${day(D)})`;
      return rows(
        cal,
        scope,
        {
          band: Prisma.sql`CASE WHEN ${daysLeft} <= ${t.redDays} THEN 'RED'
                                WHEN ${outstanding}::bigint * ${t.paceDays} > cr.recent::bigint * ${daysLeft} THEN 'AMBER'
                                ELSE 'GREEN' END`,
          x: outstanding,
          y: Prisma.sql`cr.recent`,
          keyDate: endDate,
        },
        Prisma.sql`LEFT JOIN LATERAL (SELECT x."newEndDate" FROM "Extension" x WHERE x."requirementId" = r."id" AND x."grantedOn" <= ${day(D)}
                                      ORDER BY x."grantedOn" DESC, x."newEndDate" DESC LIMIT 1) lx ON TRUE
          CROSS JOIN LATERAL (SELECT ${creditedBetween(null, D)} AS credited, ${creditedBetween(t.paceFrom, D)} AS recent
                              WHERE ${activeOn(D)} AND ${endDate} <= ${day(t.nearingBy)} OFFSET 0) cr`,
        Prisma.sql`${activeOn(D)} AND ${endDate} <= ${day(t.nearingBy)} AND cr.credited < r."hoursOrdered" * 60`,
      );
    }
    // R2 — mirrors commencedWithinDeadline (src/domain/requirement-dates.ts): the cohort whose start
    // deadline passed in the 12 months before D; met = commenced by the deadline.
    case "commenced":
      return rows(
        cal,
        scope,
        { met: Prisma.sql`(r."commencedOn" IS NOT NULL AND r."commencedOn" <= sc."startDeadline" AND r."commencedOn" <= ${day(D)})`, keyDate: Prisma.sql`sc."startDeadline"` },
        none,
        Prisma.sql`sc."startDeadline" < ${day(D)} AND sc."startDeadline" >= ${day(t.yearAgo)}`,
      );
    // §5 / SL029 — mirrors completedWithinTwelveMonths: the cohort whose 12 months ended in the
    // 12 months up to D; met = completed by then (extensions ignored).
    case "completed":
      return rows(
        cal,
        scope,
        { met: Prisma.sql`(r."status" = 'COMPLETED' AND r."completedOn" <= sc."twelveMonthEnd")`, keyDate: Prisma.sql`sc."twelveMonthEnd"` },
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
        { met: Prisma.sql`(ete.minutes >= ${allowance})`, x: Prisma.sql`ete.minutes`, y: allowance, keyDate: Prisma.sql`ete.last` },
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
        { met: Prisma.sql`(sd.stood > 0)`, x: Prisma.sql`sd.booked`, y: Prisma.sql`sd.stood`, keyDate: Prisma.sql`sd.last` },
        // The join keeps only stand-down outcomes (an allocation has at most one attendance), so
        // PostgreSQL reads those few rows through Attendance(sessionDate, outcome), not the window's every register.
        Prisma.sql`JOIN (SELECT al."requirementId", COUNT(*) AS booked, COUNT(at."id") AS stood, MAX(al."sessionDate") FILTER (WHERE at."id" IS NOT NULL) AS last
                        FROM "Allocation" al LEFT JOIN "Attendance" at ON at."allocationId" = al."id"
                          AND at."sessionDate" BETWEEN ${day(t.standDownFrom)} AND ${day(D)}
                          AND at."outcome" IN ('ATTENDED_SENT_HOME_SERVICE', 'ACCEPTABLE_ABSENCE')
                          AND (at."outcome" = 'ATTENDED_SENT_HOME_SERVICE' OR at."reasonCategory" = 'STOOD_DOWN')
                        WHERE al."sessionDate" BETWEEN ${day(t.standDownFrom)} AND ${day(D)} AND al."status" = 'BOOKED'
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
        Prisma.sql`JOIN (SELECT c."requirementId", SUM(c.work) AS work, SUM(c.ete) AS ete, MAX(c.on_date) AS last FROM (
                          SELECT a."requirementId", a."minutesCredited" AS work, 0 AS ete, a."sessionDate" AS on_date FROM "Attendance" a
                          WHERE a."sessionDate" BETWEEN ${day(t.hoursFrom)} AND ${day(D)} AND a."minutesCredited" > 0
                          UNION ALL
                          SELECT e."requirementId", 0, e."minutes", e."date" FROM "EteCredit" e
                          WHERE e."date" BETWEEN ${day(t.hoursFrom)} AND ${day(D)} AND e."minutes" > 0) c
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

// ───────────────────────────── drill-down keys: a source and a filter on its rows

export type FigureDef = { source: SourceKey; filter: Prisma.Sql | null; title: string };

const f = (source: SourceKey, title: string, filter: Prisma.Sql | null = null): FigureDef => ({ source, filter, title });

/** Every list a dashboard figure links to. The filter reads the source's columns (`s`) and the person (`p`). */
export const FIGURES = {
  active: f("active", "Active caseload"),
  backlog: f("backlog", "Backlog"),
  dormant: f("dormant", "Dormant cases"),
  "nearing-end": f("nearing", "Nearing the end date"),
  "nearing-red": f("nearing", "Nearing the end date: red", Prisma.sql`s.band = 'RED'`),
  "nearing-amber": f("nearing", "Nearing the end date: amber", Prisma.sql`s.band = 'AMBER'`),
  "nearing-green": f("nearing", "Nearing the end date: green", Prisma.sql`s.band = 'GREEN'`),
  commenced: f("commenced", "Start deadline in the last 12 months"),
  "commenced-late": f("commenced", "Not started by the start deadline", Prisma.sql`NOT s.met`),
  completed: f("completed", "Twelve months ended in the last 12 months"),
  "completed-late": f("completed", "Not completed within 12 months", Prisma.sql`NOT s.met`),
  "ete-use": f("ete", "Using ETE"),
  "ete-full": f("ete", "Using the full ETE allowance", Prisma.sql`s.met`),
  breach: f("breach", "Warning or breach in the last 12 months", Prisma.sql`s.met`),
  "breach-under25": f("breach", "Warning or breach in the last 12 months: under 25", Prisma.sql`s.met AND s.band = 'UNDER_25'`),
  "breach-25plus": f("breach", "Warning or breach in the last 12 months: 25 and over", Prisma.sql`s.met AND s.band = 'AGE_25_PLUS'`),
  "breach-male": f("breach", "Warning or breach in the last 12 months: men", Prisma.sql`s.met AND p."gender" = 'MALE'`),
  "breach-female": f("breach", "Warning or breach in the last 12 months: women", Prisma.sql`s.met AND p."gender" = 'FEMALE'`),
  "stand-down": f("standDown", "Stood down in the last 28 days", Prisma.sql`s.met`),
  "hours-delivered": f("hours", "Hours credited in the last 7 days"),
  "review-6": f("review6", "6-month review overdue"),
  "review-9": f("review9", "9-month review overdue"),
  "expired-sso": f("expiredSso", "Suspended sentence orders expired incomplete"),
  "enforcement-overdue": f("enforcementOverdue", "Failures to comply with no warning or breach in time"),
} as const satisfies Record<string, FigureDef>;
export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];
export const isFigureKey = (value: unknown): value is FigureKey => typeof value === "string" && value in FIGURES;

/** Breach rows of one ethnicity ("" = not recorded), for the ethnicity split's drill-down. */
export const ethnicityFilter = (ethnicity: string) =>
  ethnicity === "" ? Prisma.sql`(p."ethnicity" IS NULL OR p."ethnicity" = '')` : Prisma.sql`p."ethnicity" = ${ethnicity}`;

// ───────────────────────────── counting the sources

export type Tally = { regionId: string; pduId: string | null; managedBy: TeamType; band: string | null; n: number; met: number; x: number; y: number };

/** One grouped count of a source: by region, PDU, team type and band; a few hundred rows at most. */
export async function tallySource(client: PrismaClient, key: SourceKey, scope: DashboardScope, cal: SentenceCalendar): Promise<Tally[]> {
  return client.$queryRaw<Tally[]>`
    SELECT s."regionId"::text AS "regionId", s."pduId"::text AS "pduId", s."managedBy"::text AS "managedBy", s.band,
           COUNT(*)::int AS n, COUNT(*) FILTER (WHERE s.met)::int AS met,
           COALESCE(SUM(s.x), 0)::float8 AS x, COALESCE(SUM(s.y), 0)::float8 AS y
    FROM (${sourceRows(key, scope, cal)}) s
    GROUP BY 1, 2, 3, 4`;
}

export type DemographicTally = { band: string; gender: string; ethnicity: string | null; n: number; met: number };

/** The breach source split by age band, gender and ethnicity (docs/domain.md §5 disproportionality). */
export async function tallyBreachDemographics(client: PrismaClient, scope: DashboardScope, cal: SentenceCalendar): Promise<DemographicTally[]> {
  return client.$queryRaw<DemographicTally[]>`
    SELECT s.band, p."gender"::text AS gender, NULLIF(p."ethnicity", '') AS ethnicity,
           COUNT(*)::int AS n, COUNT(*) FILTER (WHERE s.met)::int AS met
    FROM (${sourceRows("breach", scope, cal)}) s JOIN "Person" p ON p."id" = s."personId"
    GROUP BY 1, 2, 3`;
}

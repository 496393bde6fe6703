import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import { calendarFrom } from "@/domain/bank-holidays";
import { addCalendarMonths, type IsoDate } from "@/domain/dates";
import { lastOverdueFailureDate } from "@/domain/enforcement-lifecycle";
import { policyOn } from "@/domain/policy";
import { reviewDueDates, startDeadline, twelveMonthEnd } from "@/domain/requirement-dates";
import type { DashboardScope } from "./scope";
import { day } from "../predicates/sql";
import { clockStart } from "../predicates/requirement";
import { inRegionOn, movedAfterSql, pduOn } from "../region-on-date";
import { loadAppliedReductions, type AppliedReductions } from "../predicates/earned-reduction";
import { NO_COMMENCEMENTS } from "@/server/rules/rule-commencements";

// ───────────────────────────── rule dates per sentence date

/**
 * The rule dates of every sentence date in scope (and of every day a consecutive requirement's clock
 * started, for R2), computed by the domain (R2 startDeadline with
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
  /** s.37: the confirmed reductions of hours standing on the as-of date (../predicates/earned-reduction.ts). */
  appliedReductions: AppliedReductions;
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

export async function loadSentenceCalendar(
  client: PrismaClient | Tx,
  scope: Pick<DashboardScope, "asOf" | "regionId" | "rules" | "requirementIds">,
): Promise<SentenceCalendar> {
  const [dates, holidays, appliedReductions] = await Promise.all([
    client.$queryRaw<
      { d: string }[]
    >`SELECT to_char(s.d, 'YYYY-MM-DD') AS d FROM (SELECT r."sentenceDate" AS d FROM "Requirement" r
      WHERE r."sentenceDate" <= ${day(scope.asOf)} ${scope.regionId ? Prisma.sql`AND ${inRegionOn(scope.regionId, day(scope.asOf))}` : Prisma.empty}
      ${scope.requirementIds ? Prisma.sql`AND r."id" = ANY(${[...scope.requirementIds]}::uuid[])` : Prisma.empty}
      UNION
      SELECT ${clockStart} FROM "Requirement" r WHERE r."orderRelation" = 'CONSECUTIVE' AND r."relatedRequirementId" IS NOT NULL
        AND r."sentenceDate" <= ${day(scope.asOf)} ${scope.requirementIds ? Prisma.sql`AND r."id" = ANY(${[...scope.requirementIds]}::uuid[])` : Prisma.empty}) s WHERE s.d IS NOT NULL`,
    client.$queryRaw<
      { dates: string | null }[]
    >`SELECT string_agg(to_char(h."date", 'YYYY-MM-DD'), ',' ORDER BY h."date") AS dates FROM "BankHoliday" h`,
    loadAppliedReductions(client, scope),
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
      policyOn(scope.asOf, scope.rules ?? NO_COMMENCEMENTS),
    ),
    appliedReductions,
  };
}

export const joinCalendar = (cal: SentenceCalendar) => Prisma.sql`JOIN unnest(
  ${cal.sentenceDates}::text[]::date[], ${cal.twelveMonthEnds}::text[]::date[], ${cal.startDeadlines}::text[]::date[],
  ${cal.sixMonthReviews}::text[]::date[], ${cal.nineMonthReviews}::text[]::date[]
) AS sc("sentenceDate", "twelveMonthEnd", "startDeadline", "sixMonthReview", "nineMonthReview") ON sc."sentenceDate" = r."sentenceDate"`;

/**
 * R2's start deadline of requirement r: its sentence date's (sc), or for a consecutive requirement
 * the deadline counted from its clock start (the day the earlier order ended, when later; the
 * calendar holds those days too); NULL while the earlier order is active — mirrors the case view's
 * `startDeadline`.
 */
export const startDeadlineOf = (cal: SentenceCalendar) => Prisma.sql`(CASE
  WHEN r."orderRelation" = 'CONSECUTIVE' AND r."relatedRequirementId" IS NOT NULL
  THEN (SELECT u.dl FROM unnest(${cal.sentenceDates}::text[]::date[], ${cal.startDeadlines}::text[]::date[]) AS u(d, dl)
        WHERE u.d = ${clockStart})
  ELSE sc."startDeadline" END)`;

export const inScope = (scope: DashboardScope) =>
  Prisma.join(
    [
      // Region at the as-of date: a transferred case counts where it was on that date.
      scope.regionId ? inRegionOn(scope.regionId, day(scope.asOf)) : Prisma.sql`TRUE`,
      // PDU at the as-of date too: a transfer keeps the PDU the case had before it moved.
      scope.pduId
        ? Prisma.sql`(r."pduId" = ${scope.pduId}::uuid OR r."id" = ANY(${movedAfterSql(day(scope.asOf))})) AND ${pduOn(day(scope.asOf))} = ${scope.pduId}::uuid`
        : Prisma.sql`TRUE`,
      scope.teamType ? Prisma.sql`r."managedBy" = ${scope.teamType}::"ManagedBy"` : Prisma.sql`TRUE`,
      scope.requirementIds ? Prisma.sql`r."id" = ANY(${[...scope.requirementIds]}::uuid[])` : Prisma.sql`TRUE`,
    ],
    " AND ",
  );

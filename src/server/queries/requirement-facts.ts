import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import {
  addDays,
  BREACH_OUTCOMES,
  breachStateOn,
  calendarFrom,
  commencedWithinDeadline,
  deriveRequirementStatus,
  dormancyWindowStart,
  isDormant,
  isInBacklog,
  isNearingEnd,
  isoDateFromUtcDate,
  isTwelveMonthPeriodAbolished,
  policyOn,
  startDeadline,
  twelveMonthEnd,
  utcDateFromIsoDate,
  type BankHolidayCalendar,
  type IsoDate,
  type RequirementFacts,
  type RequirementView,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { loadRuleCommencements, NO_COMMENCEMENTS, type RuleCommencements } from "@/server/rules/rule-commencements";

// Case lists filter in SQL for speed, but every cut-off date below comes from the domain's
// own functions (src/domain), so a list and the case page never disagree about a rule.

/** The bank holiday calendar (shipped and administrator-added dates), read once per request. */
export const loadBankHolidayCalendar = cache(async (): Promise<BankHolidayCalendar> => {
  const rows = await db.bankHoliday.findMany({ select: { date: true } });
  return calendarFrom(rows.map((row) => isoDateFromUtcDate(row.date)));
});

/** The Sentencing Act 2026 commencement dates, read once per request — the same ones the services load. */
export const loadReaderRuleCommencements = cache(async (): Promise<RuleCommencements> => loadRuleCommencements(db));

/** Sentencing Act 2026 s.36 in force on `asOf`: no backlog, no nearing end. */
const abolishedOn = (asOf: IsoDate, rules: RuleCommencements) => isTwelveMonthPeriodAbolished(asOf, policyOn(asOf, rules));

/**
 * The latest date (usually a sentence date) for which `holds` is true, for a rule that holds for every
 * earlier sentence date too (older cases reach each deadline first). Null when none within
 * `searchDays` of `asOf` does. A binary search over days, asking the domain function itself.
 */
export function latestDateWhere(asOf: IsoDate, holds: (sentenceDate: IsoDate) => boolean, searchDays = 1200): IsoDate | null {
  let low = -searchDays; // offset from asOf where `holds` is true
  let high = searchDays; // offset where it is false
  if (!holds(addDays(asOf, low))) return null;
  if (holds(addDays(asOf, high))) return addDays(asOf, high);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (holds(addDays(asOf, middle))) low = middle;
    else high = middle;
  }
  return addDays(asOf, low);
}

const NOTHING: Prisma.RequirementWhereInput = { id: { in: [] } };
const onOrBefore = (d: IsoDate | null) => (d === null ? null : { lte: utcDateFromIsoDate(d) });

/** R9: the breach outcomes that close a breach, as the domain's breachStateOn decides them. */
const CLOSING_OUTCOMES = BREACH_OUTCOMES.filter((outcome) => {
  const d = "2000-01-01";
  return !breachStateOn(d, [{ type: "BREACH", date: d, outcomes: [{ outcome, date: d }] }]).openBreach;
});

// R9
/** An open breach on `asOf`: breach proceedings started and not closed by a court outcome. */
export function openBreachWhere(asOf: IsoDate): Prisma.RequirementWhereInput {
  const on = utcDateFromIsoDate(asOf);
  return {
    enforcementActions: {
      some: { type: "BREACH", status: "ACTIVE", date: { lte: on }, outcomes: { none: { outcome: { in: CLOSING_OUTCOMES }, date: { lte: on } } } },
    },
  };
}

// R9
/** Under warrant on `asOf`: an open breach whose latest court outcome is a warrant not yet executed. */
export async function underWarrantWhere(asOf: IsoDate, user: AppUser): Promise<Prisma.RequirementWhereInput> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ea."requirementId"::text AS id
    FROM "EnforcementAction" ea
    JOIN "Requirement" r ON r.id = ea."requirementId"
    WHERE ea.type = 'BREACH' AND ea.status = 'ACTIVE' AND ea.date <= ${asOf}::date
      AND (${user.regionId}::uuid IS NULL OR r."regionId" = ${user.regionId}::uuid)
      AND (
        SELECT o.outcome::text FROM "EnforcementOutcome" o
        WHERE o."actionId" = ea.id AND o.date <= ${asOf}::date
        ORDER BY o.date DESC, o."createdAt" DESC LIMIT 1
      ) = 'WARRANT_ISSUED'`;
  return { id: { in: rows.map((row) => row.id) } };
}

// R2
/** Not started by the start deadline: active, no attended work session, 15 working days gone. */
export function lateStartWhere(asOf: IsoDate, calendar: BankHolidayCalendar): Prisma.RequirementWhereInput {
  const latest = latestDateWhere(asOf, (s) => commencedWithinDeadline(null, startDeadline(s, calendar), asOf) === false);
  const sentenceDate = onOrBefore(latest);
  return sentenceDate ? { status: "ACTIVE", commencedOn: null, sentenceDate } : NOTHING;
}

// R4
/** In backlog on `asOf`: active, past 12 months, no extension covering the date, no open breach. */
export function backlogWhere(asOf: IsoDate, rules: RuleCommencements = NO_COMMENCEMENTS): Prisma.RequirementWhereInput {
  if (abolishedOn(asOf, rules)) return NOTHING;
  const latest = latestDateWhere(asOf, (s) =>
    isInBacklog(asOf, { status: "ACTIVE", sentenceDate: s, extensions: [], openBreach: false, underWarrant: false }),
  );
  const sentenceDate = onOrBefore(latest);
  if (!sentenceDate) return NOTHING;
  const on = utcDateFromIsoDate(asOf);
  return {
    status: "ACTIVE",
    sentenceDate,
    extensions: { none: { grantedOn: { lte: on }, newEndDate: { gte: on } } },
    NOT: openBreachWhere(asOf),
  };
}

// R5
/** Dormant on `asOf`: active, sentenced 28+ days ago, no attendance or ETE credit in the last 28 days, no open breach. */
export function dormantWhere(asOf: IsoDate): Prisma.RequirementWhereInput {
  const latest = latestDateWhere(asOf, (s) =>
    isDormant(asOf, { status: "ACTIVE", sentenceDate: s, openBreach: false, underWarrant: false, activityDates: [] }),
  );
  const sentenceDate = onOrBefore(latest);
  if (!sentenceDate) return NOTHING;
  const window = { gte: utcDateFromIsoDate(dormancyWindowStart(asOf)), lte: utcDateFromIsoDate(asOf) };
  return {
    status: "ACTIVE",
    sentenceDate,
    attendances: { none: { sessionDate: window } },
    eteCredits: { none: { date: window } },
    NOT: openBreachWhere(asOf),
  };
}

// §5 nearing end
/**
 * Within 8 weeks of the effective end date, or past it. Active requirements have hours
 * outstanding (R7 completes them when the minutes are reached). The latest granted
 * extension always carries the latest end date (R3 refuses one that is not later).
 */
export function nearingEndWhere(asOf: IsoDate, rules: RuleCommencements = NO_COMMENCEMENTS): Prisma.RequirementWhereInput {
  if (abolishedOn(asOf, rules)) return NOTHING;
  const nearing = (end: IsoDate) => isNearingEnd({ asOf, effectiveEndDate: end, outstandingMinutes: 1 });
  const latest = latestDateWhere(asOf, (s) => nearing(twelveMonthEnd(s)));
  const cutOff = latestDateWhere(asOf, nearing, 3000);
  const on = utcDateFromIsoDate(asOf);
  const withoutExtension: Prisma.RequirementWhereInput[] = latest
    ? [{ extensions: { none: { grantedOn: { lte: on } } }, sentenceDate: { lte: utcDateFromIsoDate(latest) } }]
    : [];
  const withExtension: Prisma.RequirementWhereInput[] = cutOff
    ? [
        {
          extensions: {
            some: { grantedOn: { lte: on } },
            none: { grantedOn: { lte: on }, newEndDate: { gt: utcDateFromIsoDate(cutOff) } },
          },
        },
      ]
    : [];
  return { status: "ACTIVE", OR: [...withoutExtension, ...withExtension] };
}

const requirementFactsSelect = {
  id: true,
  sentenceDate: true,
  hoursOrdered: true,
  originalHoursOrdered: true,
  status: true,
  completedOn: true,
  terminatedOn: true,
  assessment: { select: { eteEligible: true } },
  attendances: {
    select: {
      sessionDate: true,
      outcome: true,
      minutesCredited: true,
      allocation: { select: { session: { select: { placement: { select: { type: true } } } } } },
    },
  },
  eteCredits: { select: { date: true, minutes: true } },
  extensions: { select: { grantedOn: true, newEndDate: true } },
  earnedReductionDecisions: { select: { decision: true, decidedOn: true, createdAt: true } },
  enforcementActions: {
    where: { status: "ACTIVE" },
    select: { type: true, date: true, outcomes: { select: { outcome: true, date: true, newHoursOrdered: true } } },
  },
} satisfies Prisma.RequirementSelect;

type FactsRow = Prisma.RequirementGetPayload<{ select: typeof requirementFactsSelect }>;

function toRequirementFacts(row: FactsRow): RequirementFacts {
  const iso = isoDateFromUtcDate;
  const closedOn = row.completedOn ?? row.terminatedOn;
  return {
    sentenceDate: iso(row.sentenceDate),
    hoursOrdered: row.hoursOrdered,
    originalHoursOrdered: row.originalHoursOrdered,
    status: row.status,
    closedOn: closedOn ? iso(closedOn) : null,
    eteEligible: row.assessment?.eteEligible ?? false,
    attendances: row.attendances.map((a) => ({
      date: iso(a.sessionDate),
      outcome: a.outcome,
      minutesCredited: a.minutesCredited,
      placementType: a.allocation.session.placement.type,
    })),
    eteCredits: row.eteCredits.map((c) => ({ date: iso(c.date), minutes: c.minutes })),
    extensions: row.extensions.map((e) => ({ grantedOn: iso(e.grantedOn), newEndDate: iso(e.newEndDate) })),
    earnedReductionDecisions: row.earnedReductionDecisions.map((d) => ({
      decision: d.decision,
      decidedOn: iso(d.decidedOn),
      recordedAt: d.createdAt.toISOString(),
    })),
    enforcementActions: row.enforcementActions.map((action) => ({
      type: action.type,
      date: iso(action.date),
      outcomes: action.outcomes.map((o) => ({ outcome: o.outcome, date: iso(o.date), newHoursOrdered: o.newHoursOrdered })),
    })),
  };
}

/** The computed case fields (start deadline, end date, flags, RAG…) of the requirements the caller may see. */
export async function deriveRequirementViews(user: AppUser, ids: readonly string[], asOf: IsoDate): Promise<Map<string, RequirementView>> {
  if (ids.length === 0) return new Map();
  const [calendar, rules, rows] = await Promise.all([
    loadBankHolidayCalendar(),
    loadReaderRuleCommencements(),
    db.requirement.findMany({
      where: { AND: [visibleRequirementsWhere(user), { id: { in: [...ids] } }] },
      select: requirementFactsSelect,
    }),
  ]);
  return new Map(rows.map((row) => [row.id, deriveRequirementStatus(toRequirementFacts(row), asOf, { calendar, overrides: rules })]));
}

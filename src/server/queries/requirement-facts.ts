import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import {
  addDays,
  calendarFrom,
  commencedWithinDeadline,
  deriveRequirementStatus,
  isoDateFromUtcDate,
  startDeadline,
  type BankHolidayCalendar,
  type IsoDate,
  type RequirementView,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import type { PrismaClient } from "@/server/db/create-client";
import { loadRuleCommencements, type RuleCommencements } from "@/server/rules/rule-commencements";
import { loadSentenceCalendar, sourceRows, type DashboardScope } from "./dashboard-figures";
import { inBreachOrWarrantOn, lateStartBy, underWarrantOn, waitingOn } from "./predicates/requirement";
import { requirementFactsSelect, toRequirementFacts } from "./predicates/facts";

// The case view's facts (deriveRequirementViews: the domain decides every flag) and the case
// list's flag filters. The filters read the one read-side definition of each predicate
// (./predicates, docs/decisions/0068-one-definition-per-figure.md) — backlog, dormant and nearing
// end select the dashboard figure's own rows — so a list, a figure and the case page never
// disagree about a rule (tests/integration/predicate-parity.test.ts). Late start (R2) searches the
// domain's start deadline for the latest clock start already late, then asks lateStartBy.

/** The bank holiday calendar (shipped and administrator-added dates), read once per request. */
export const loadBankHolidayCalendar = cache(async (): Promise<BankHolidayCalendar> => {
  const rows = await db.bankHoliday.findMany({ select: { date: true } });
  return calendarFrom(rows.map((row) => isoDateFromUtcDate(row.date)));
});

/** The Sentencing Act 2026 commencement dates, read once per request — the same ones the services load. */
export const loadReaderRuleCommencements = cache(async (): Promise<RuleCommencements> => loadRuleCommencements(db));

/**
 * The latest date (usually a sentence date) for which `holds` is true, for a rule that holds for every
 * earlier sentence date too (older cases reach each deadline first). Null when none within
 * `searchDays` of `asOf` does. A binary search over days, asking the domain function itself.
 */
export function latestDateWhere(
  asOf: IsoDate,
  holds: (sentenceDate: IsoDate) => boolean,
  searchDays = 1200,
): IsoDate | null {
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

/** The requirements whose ids a read-side predicate selects, as a where clause (the caller adds who may see them). */
async function idsWhere(rows: Prisma.Sql, client: PrismaClient): Promise<Prisma.RequirementWhereInput> {
  const found = await client.$queryRaw<{ id: string }[]>`SELECT s."id"::text AS id FROM (${rows}) s`;
  return { id: { in: found.map((row) => row.id) } };
}

const inRegionOf = (user: AppUser) =>
  user.regionId ? Prisma.sql`r."regionId" = ${user.regionId}::uuid` : Prisma.sql`TRUE`;

/** The caller's region's requirements `r` for which a read-side predicate holds, as a where clause. */
const regionRequirementsWhere = (user: AppUser, predicate: Prisma.Sql, client: PrismaClient) =>
  idsWhere(Prisma.sql`SELECT r."id" FROM "Requirement" r WHERE ${inRegionOf(user)} AND ${predicate}`, client);

// R9 — the one definition: inBreachOrWarrantOn (./predicates/requirement.ts)
/** An open breach on `asOf`: breach proceedings started and not closed by a court outcome. */
export async function openBreachWhere(
  asOf: IsoDate,
  user: AppUser,
  client: PrismaClient = db,
): Promise<Prisma.RequirementWhereInput> {
  return regionRequirementsWhere(user, inBreachOrWarrantOn(asOf), client);
}

// R9 — the one definition: underWarrantOn (./predicates/requirement.ts)
/** Under warrant on `asOf`: an open breach whose latest court outcome is a warrant not yet executed. */
export async function underWarrantWhere(
  asOf: IsoDate,
  user: AppUser,
  client: PrismaClient = db,
): Promise<Prisma.RequirementWhereInput> {
  return regionRequirementsWhere(user, underWarrantOn(asOf), client);
}

/**
 * The requirements behind a dashboard figure family on `asOf` in the caller's region — the very
 * rows the figure counts and its drill-down lists (backlog, dormant, nearing end), under the
 * same rules (the commencement dates the services load).
 */
export async function figureRowsWhere(
  user: AppUser,
  source: "backlog" | "dormant" | "nearing",
  asOf: IsoDate,
  client: PrismaClient = db,
): Promise<Prisma.RequirementWhereInput> {
  const scope: DashboardScope = { asOf, regionId: user.regionId, rules: await loadReaderRuleCommencements() };
  return idsWhere(sourceRows(source, scope, await loadSentenceCalendar(client, scope)), client);
}

// R2 — the one definition: lateStartBy (./predicates/requirement.ts)
/**
 * Not started by the start deadline: active, no attended work session, 15 working days gone since
 * the clock started (the sentence date, or the day the earlier order ended for a consecutive one;
 * a case waiting for the earlier order is never late).
 */
export async function lateStartWhere(
  asOf: IsoDate,
  calendar: BankHolidayCalendar,
  user: AppUser,
  client: PrismaClient = db,
): Promise<Prisma.RequirementWhereInput> {
  const latest = latestDateWhere(
    asOf,
    (s) => commencedWithinDeadline(null, startDeadline(s, calendar), asOf) === false,
  );
  if (latest === null) return NOTHING;
  return regionRequirementsWhere(user, lateStartBy(latest), client);
}

// The one definition: waitingOn (./predicates/requirement.ts)
/** Consecutive cases still waiting on `asOf` for the earlier order to end (they cannot be booked). */
export async function waitingForEarlierOrderWhere(asOf: IsoDate, user: AppUser): Promise<Prisma.RequirementWhereInput> {
  return regionRequirementsWhere(user, waitingOn(asOf), db);
}

/** The computed case fields (start deadline, end date, flags, RAG…) of the requirements the caller may see. */
export async function deriveRequirementViews(
  user: AppUser,
  ids: readonly string[],
  asOf: IsoDate,
  client: PrismaClient = db,
): Promise<Map<string, RequirementView>> {
  return deriveViews({ AND: [visibleRequirementsWhere(user), { id: { in: [...ids] } }] }, ids, asOf, client);
}

/**
 * The same computed fields for requirements the caller may not open but must judge — the cases another
 * region asks to transfer to the caller's (its manager decides on the hours left). The caller has
 * checked the right to see the summary; only derived figures leave here, never the facts.
 */
export async function deriveViewsForTransferDecision(
  ids: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, RequirementView>> {
  return deriveViews({ id: { in: [...ids] } }, ids, asOf, db);
}

async function deriveViews(
  where: Prisma.RequirementWhereInput,
  ids: readonly string[],
  asOf: IsoDate,
  client: PrismaClient,
): Promise<Map<string, RequirementView>> {
  if (ids.length === 0) return new Map();
  const [calendar, rules, rows] = await Promise.all([
    loadBankHolidayCalendar(),
    loadReaderRuleCommencements(),
    client.requirement.findMany({ where, select: requirementFactsSelect }),
  ]);
  return new Map(
    rows.map((row) => [row.id, deriveRequirementStatus(toRequirementFacts(row), asOf, { calendar, overrides: rules })]),
  );
}

import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import { inNewTransaction, isWriteConflict } from "@/server/db/transaction";
import type { IsoDate } from "@/domain/dates";
import type { RuleCommencements } from "@/server/rules/rule-commencements";
import { SOURCES, type DashboardScope, type SourceKey } from "./figures/scope";
import { loadSentenceCalendar } from "./figures/sentence-calendar";
import { sourceRows } from "./figures/sources";
import type { DemographicTally, Tally } from "./dashboard-figures";

// The figures kept current per requirement (docs/decisions/0090-figure-facts.md). FigureFact holds,
// for every requirement, the rows each figure source (./figures/sources.ts — the one definition
// of each figure) gives for it as of one date, the "facts day" (FigureFactState). Every write to
// a table the figures read marks the requirements it touches, in its own transaction (statement
// triggers, migration figure_facts). Before counting, a reader replaces the marked requirements'
// rows — a few, under a write every 200 ms — and the figures are then GROUP BYs over this one
// narrow table instead of the ~17 grouped queries over the source tables. The same refresh keeps
// FigureTotal, the facts summed per figure and scope (docs/decisions/0091-figure-totals.md), so a
// request sums a few hundred totals rather than grouping every fact. A new day, other rules,
// a bank-holiday change or a TRUNCATE rebuild the whole table once. Past dates do not come from
// here: they are counted from the dated history (computeDashboardTallies).

/** The rules part of a figures key (as dashboardScopeKey writes it). */
export const rulesKeyOf = (rules: RuleCommencements | undefined) =>
  `s36:${rules?.twelveMonthPeriodAbolishedFrom ?? "-"},s37:${rules?.earnedReductionFrom ?? "-"}`;

/** Above this many marked requirements, rebuilding the table is cheaper than replacing their rows one by one. */
const REBUILD_ABOVE = 5_000;
/**
 * A rebuild writes the facts of `rebuildSlice` requirements a statement: one statement for the 50,000
 * seed (3.3 s on a quiet machine; smaller slices cost more in all), four at 200,000. Tests lower it.
 */
export const figureFactTuning = { rebuildSlice: 50_000 };
const ATTEMPTS = 20;

/** Which path a refresh took (for tests and the bench). */
export const figureFactStats = { fresh: 0, replaced: 0, rebuilt: 0, retried: 0 };

/** Writes every source's rows for the scope's requirements (every requirement when it names none). */
async function insertFacts(tx: Tx, scope: DashboardScope): Promise<void> {
  const cal = await loadSentenceCalendar(tx, scope);
  const union = Prisma.join(
    SOURCES.map((key) => Prisma.sql`SELECT ${key}::text AS source, s.* FROM (${sourceRows(key, scope, cal)}) s`),
    " UNION ALL ",
  );
  await tx.$executeRaw`
    INSERT INTO "FigureFact" ("requirementId", "source", "regionId", "pduId", "managedBy", "band", "met", "x", "y", "gender", "ethnicity")
    SELECT u."id", u.source, u."regionId", u."pduId", u."managedBy", u.band, u.met, u.x, u.y, p."gender", NULLIF(p."ethnicity", '')
    FROM (${union}) u JOIN "Person" p ON p."id" = u."personId"`;
}

/** FigureTotal's grouping of some FigureFact rows: per figure and scope, and the breach figure's split by gender and ethnicity. */
const totalsOf = (where: Prisma.Sql, sign: 1 | -1) => Prisma.sql`
  SELECT md5(json_build_array(t.source, t."regionId", t."pduId", t."managedBy", t.band, t.gender, t.ethnicity)::text) AS key, t.*
  FROM (
    SELECT f."source", f."regionId", f."pduId", f."managedBy", f.band, NULL::"Gender" AS gender, NULL::text AS ethnicity,
           ${sign} * COUNT(*)::int AS n, ${sign} * (COUNT(*) FILTER (WHERE f.met))::int AS met,
           ${sign} * COALESCE(SUM(f.x::numeric), 0) AS x, ${sign} * COALESCE(SUM(f.y::numeric), 0) AS y
    FROM "FigureFact" f WHERE ${where}
    GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT 'breach:split', f."regionId", f."pduId", f."managedBy", f.band, f."gender", f."ethnicity",
           ${sign} * COUNT(*)::int, ${sign} * (COUNT(*) FILTER (WHERE f.met))::int, 0, 0
    FROM "FigureFact" f WHERE ${where} AND f."source" = 'breach'
    GROUP BY 2, 3, 4, 5, 6, 7
  ) t`;

/** Adds (sign 1) or subtracts (sign -1) the named requirements' FigureFact rows to FigureTotal; a total that reaches no row goes. */
async function applyTotals(tx: Tx, ids: string[], sign: 1 | -1): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "FigureTotal" ("key", "source", "regionId", "pduId", "managedBy", "band", "gender", "ethnicity", "n", "met", "x", "y")
    ${totalsOf(Prisma.sql`f."requirementId" = ANY(${ids}::uuid[])`, sign)}
    ON CONFLICT ("key") DO UPDATE SET "n" = "FigureTotal"."n" + EXCLUDED."n", "met" = "FigureTotal"."met" + EXCLUDED."met",
      "x" = "FigureTotal"."x" + EXCLUDED."x", "y" = "FigureTotal"."y" + EXCLUDED."y"`;
  if (sign === -1) await tx.$executeRaw`DELETE FROM "FigureTotal" WHERE "n" = 0`;
}

type Refresh = "fresh" | "replaced" | "rebuilt";

/** Nothing marked and the table is for this day and these rules: one read, no lock. */
async function isFresh(client: PrismaClient, asOf: IsoDate, rulesKey: string): Promise<boolean> {
  const [check] = await client.$queryRaw<{ marked: boolean; current: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "FigureFactMark") AS marked,
           EXISTS (SELECT 1 FROM "FigureFactState" WHERE "id" = 1 AND "asOf" = ${asOf}::date AND "rulesKey" = ${rulesKey}) AS current`;
  return Boolean(check && !check.marked && check.current);
}

/**
 * Brings FigureFact up to date for `asOf` and the rules: replaces the rows of every marked
 * requirement (or rebuilds the table when the day, rules or bank holidays changed) and deletes
 * exactly the marks it read. One REPEATABLE READ snapshot reads the marks and computes the rows, so
 * every write committed before it is in the rows and every later write still has its mark. The
 * state row is locked and its generation bumped by every refresh: a second refresher (another app
 * instance) whose snapshot predates the first one's commit fails to lock it (a serialisation
 * failure) and starts again with a newer snapshot, so an older snapshot never overwrites newer rows.
 * The case views kept for the list (KeptCaseView, docs/decisions/0101) of every requirement it
 * replaces go with its facts; a rebuild deletes them all.
 */
async function refreshOnce(
  client: PrismaClient,
  asOf: IsoDate,
  rules: RuleCommencements | undefined,
): Promise<Refresh> {
  const rulesKey = rulesKeyOf(rules);
  for (let attempt = 1; ; attempt++) {
    if (await isFresh(client, asOf, rulesKey)) return "fresh";
    await client.$executeRaw`INSERT INTO "FigureFactState" ("id", "asOf", "rulesKey") VALUES (1, '1970-01-01', '') ON CONFLICT DO NOTHING`;
    try {
      const result = await inNewTransaction(
        client,
        "figureFactRefresh",
        async (tx) => {
          // Another instance may wait for the state row while this one rebuilds (a few seconds on the
          // 50,000 seed, longer under load or at larger sizes): past the app's statement timeout.
          await tx.$executeRaw`SET LOCAL statement_timeout = '600s'`;
          // ...but not for the state row: the driver's own timeout would end the wait with an error. A lock
          // not had in 5 s is a write conflict: the next attempt first asks whether the other refresh made
          // the facts fresh.
          await tx.$executeRaw`SET LOCAL lock_timeout = '5s'`;
          const [state] = await tx.$queryRaw<{ asOf: string; rulesKey: string }[]>`
            SELECT to_char("asOf", 'YYYY-MM-DD') AS "asOf", "rulesKey" FROM "FigureFactState" WHERE "id" = 1 FOR UPDATE`;
          const marks = await tx.$queryRaw<{ seq: string; requirementId: string | null }[]>`
            SELECT "seq"::text AS seq, "requirementId"::text AS "requirementId" FROM "FigureFactMark"`;
          const marked = [...new Set(marks.flatMap((m) => (m.requirementId ? [m.requirementId] : [])))];
          // A consecutive case waiting for an earlier order starts its clocks when that order ends
          // (docs/decisions/0077): a write to the earlier order changes the later ones' rows too. A
          // concurrent partner counts every credit of the other (0094): its rows change with them.
          const ids =
            marked.length === 0
              ? marked
              : (
                  await tx.$queryRaw<{ id: string }[]>`
                    WITH RECURSIVE chain(id) AS (
                      SELECT unnest(${marked}::uuid[])
                      UNION
                      SELECT r."id" FROM "Requirement" r JOIN chain c ON r."relatedRequirementId" = c.id
                        WHERE r."orderRelation" = 'CONSECUTIVE'
                    )
                    SELECT id::text AS id FROM chain
                    UNION SELECT r."id"::text FROM "Requirement" r
                      WHERE r."orderRelation" = 'CONCURRENT' AND r."relatedRequirementId" IN (SELECT id FROM chain)
                    UNION SELECT r."relatedRequirementId"::text FROM "Requirement" r
                      WHERE r."orderRelation" = 'CONCURRENT' AND r."id" IN (SELECT id FROM chain)
                        AND r."relatedRequirementId" IS NOT NULL`
                ).map((row) => row.id);
          const current = state?.asOf === asOf && state.rulesKey === rulesKey;
          const rebuild = !current || marks.some((m) => m.requirementId === null) || ids.length > REBUILD_ABOVE;
          if (!rebuild && ids.length === 0) return "fresh" as const;
          const scope: DashboardScope = { asOf, regionId: null, rules };
          if (rebuild) {
            await tx.$executeRaw`DELETE FROM "FigureFact"`;
            await tx.$executeRaw`DELETE FROM "FigureTotal"`;
            // The case views kept for this day (docs/decisions/0101-kept-case-views.md) go with the facts.
            await tx.$executeRaw`DELETE FROM "KeptCaseView"`;
            // In slices of requirements: each statement stays well within the app's query timeout
            // (DATABASE_STATEMENT_TIMEOUT_MS + 2 s, enforced by the driver) at any national size.
            const all = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS id FROM "Requirement" ORDER BY "id"`;
            const slice = figureFactTuning.rebuildSlice;
            if (all.length <= slice) await insertFacts(tx, scope);
            else
              for (let i = 0; i < all.length; i += slice)
                await insertFacts(tx, { ...scope, requirementIds: all.slice(i, i + slice).map((row) => row.id) });
            await tx.$executeRaw`INSERT INTO "FigureTotal" ("key", "source", "regionId", "pduId", "managedBy", "band", "gender", "ethnicity", "n", "met", "x", "y")
              ${totalsOf(Prisma.sql`TRUE`, 1)}`;
          } else {
            await applyTotals(tx, ids, -1);
            await tx.$executeRaw`DELETE FROM "FigureFact" WHERE "requirementId" = ANY(${ids}::uuid[])`;
            await tx.$executeRaw`DELETE FROM "KeptCaseView" WHERE "requirementId" = ANY(${ids}::uuid[])`;
            await insertFacts(tx, { ...scope, requirementIds: ids });
            await applyTotals(tx, ids, 1);
          }
          await tx.$executeRaw`DELETE FROM "FigureFactMark" WHERE "seq" = ANY(${marks.map((m) => m.seq)}::bigint[])`;
          await tx.$executeRaw`UPDATE "FigureFactState" SET "asOf" = ${asOf}::date, "rulesKey" = ${rulesKey},
            "generation" = "generation" + 1 ${rebuild ? Prisma.sql`, "builtAt" = now()` : Prisma.empty} WHERE "id" = 1`;
          return rebuild ? ("rebuilt" as const) : ("replaced" as const);
        },
        Prisma.TransactionIsolationLevel.RepeatableRead,
      );
      figureFactStats[result]++;
      return result;
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= ATTEMPTS) throw error;
      figureFactStats.retried++;
    }
  }
}

// In this process, one refresh at a time per database, day and rules. A request that finds one
// running waits for the next (started once it ends, shared by everyone who arrived meanwhile): the
// running one's snapshot may predate the request, the next one's cannot. So a burst of requests
// under a stream of writes costs at most two refreshes each, and they never race each other.
const slots = new WeakMap<
  PrismaClient,
  Map<string, { running: Promise<Refresh> | null; queued: Promise<Refresh> | null }>
>();

/** FigureFact brought up to date with every write committed before this call (see refreshOnce). */
export async function refreshFigureFacts(
  client: PrismaClient,
  asOf: IsoDate,
  rules: RuleCommencements | undefined,
): Promise<Refresh> {
  const rulesKey = rulesKeyOf(rules);
  if (await isFresh(client, asOf, rulesKey)) {
    figureFactStats.fresh++;
    return "fresh";
  }
  let byKey = slots.get(client);
  if (!byKey) slots.set(client, (byKey = new Map()));
  const key = `${asOf}|${rulesKey}`;
  let slot = byKey.get(key);
  if (!slot) byKey.set(key, (slot = { running: null, queued: null }));
  const s = slot;
  if (!s.running) {
    s.running = refreshOnce(client, asOf, rules).finally(() => {
      s.running = null;
    });
    return s.running;
  }
  s.queued ??= s.running
    .catch(() => undefined)
    .then(() => {
      s.queued = null;
      return refreshFigureFacts(client, asOf, rules);
    });
  return s.queued;
}

/** The figures' tallies for a scope from FigureFact (brought up to date first), as computeDashboardTallies counts them. */
export async function talliesFromFacts(
  client: PrismaClient,
  scope: DashboardScope,
): Promise<{ tallies: Record<SourceKey, Tally[]>; demographics: DemographicTally[] }> {
  await refreshFigureFacts(client, scope.asOf, scope.rules);
  const where = Prisma.join(
    [
      scope.regionId ? Prisma.sql`f."regionId" = ${scope.regionId}::uuid` : Prisma.sql`TRUE`,
      scope.pduId ? Prisma.sql`f."pduId" = ${scope.pduId}::uuid` : Prisma.sql`TRUE`,
      scope.teamType ? Prisma.sql`f."managedBy" = ${scope.teamType}::"ManagedBy"` : Prisma.sql`TRUE`,
    ],
    " AND ",
  );
  // One statement (one snapshot), so the breach split always adds up to the breach figure.
  const rows = await client.$queryRaw<
    (Tally & { source: SourceKey | "breach:split"; gender: string; ethnicity: string | null })[]
  >`
    SELECT f."source", f."regionId"::text AS "regionId", f."pduId"::text AS "pduId", f."managedBy"::text AS "managedBy", f.band,
           NULL::text AS gender, NULL::text AS ethnicity, SUM(f.n)::int AS n, SUM(f.met)::int AS met,
           SUM(f.x)::float8 AS x, SUM(f.y)::float8 AS y
    FROM "FigureTotal" f WHERE ${where} AND f."source" <> 'breach:split'
    GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT 'breach:split', NULL, NULL, NULL, f.band, f."gender"::text, f."ethnicity", SUM(f.n)::int, SUM(f.met)::int, 0, 0
    FROM "FigureTotal" f WHERE ${where} AND f."source" = 'breach:split'
    GROUP BY 5, 6, 7`;
  const tallies = Object.fromEntries(SOURCES.map((key) => [key, [] as Tally[]])) as Record<SourceKey, Tally[]>;
  const demographics: DemographicTally[] = [];
  for (const { source, gender, ethnicity, ...tally } of rows) {
    if (source === "breach:split") {
      demographics.push({ band: tally.band ?? "", gender, ethnicity, n: tally.n, met: tally.met });
    } else {
      tallies[source].push(tally);
    }
  }
  return { tallies, demographics };
}

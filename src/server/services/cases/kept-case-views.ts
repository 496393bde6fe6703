import "server-only";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/domain";
import type { AppUser } from "@/server/auth/access";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import { inNewTransaction, isWriteConflict } from "@/server/db/transaction";
import { env } from "@/server/env";
import { logger } from "@/server/log";
import { refreshFigureFacts, rulesKeyOf } from "@/server/queries/figure-facts";
import {
  RULE_COMMENCEMENT_KEYS,
  ruleCommencementsFrom,
  type RuleCommencements,
} from "@/server/rules/rule-commencements";
import type { CaseView } from "./case-view.types";
import { caseListPage, workOutCaseViews, type CaseListFilters } from "./case-list-statement";
import { LIST_CASES_LIMIT } from "./get-case.types";

// GET /api/v1/cases for today from case views kept by the figure facts' marks
// (docs/decisions/0101-kept-case-views.md). A kept view is one requirement's CaseView, worked out by
// the same statement and domain rules as every other case view, for the facts day and rules. Every
// write marks the requirements it touches (FigureFactMark, in the writer's transaction, 0090), and
// the facts refresh deletes the kept views of every requirement whose facts it replaces, or all of
// them when it rebuilds. A list request:
//   1. reads its page with each row's kept view, the rule dates and the facts' state in one
//      statement (one snapshot), ignoring a kept view whose requirement, earlier order or concurrent
//      partner has a mark not yet taken by a refresh (a write that committed since), or that is for
//      another day, other rules or another build. When every row has one, that is the answer: every
//      view in it is as of that snapshot. Marks on other requirements do not matter to it;
//   2. otherwise refreshes the facts, then in one REPEATABLE READ snapshot reads the page again and
//      works out the views it lacks from that snapshot, and keeps them only if no refresh has
//      committed since: it bumps FigureFactState's generation, which a refresh locks first, so a
//      refresh whose snapshot predates these rows fails to lock it and starts again (and sees them),
//      and a keeper whose snapshot predates a refresh fails here and keeps nothing. Either way the
//      list it answers is exact; keeping is only an optimisation.

/**
 * The app build the views were worked out by: a new build's rules may differ, so it does not read an
 * older build's views. A production server reads its build id; anything else (tests, `next dev`,
 * a server without one) gets an id of its own, so it never reads views another process made.
 */
let buildId: string | null = null;
const build = () => (buildId ??= readBuildId());
function readBuildId(): string {
  const { NODE_ENV } = env();
  const own = `${NODE_ENV}-${randomUUID()}`;
  if (NODE_ENV !== "production") return own;
  try {
    return readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim() || own;
  } catch {
    return own;
  }
}

type PageRow = { id: string; view: string | null };
type Read = { page: PageRow[]; keepable: boolean; rules: RuleCommencements; rulesKey: string };
type PageSqlRow = {
  id: string;
  view: string | null;
  keptRulesKey: string | null;
  everything: boolean;
  stateAsOf: string | null;
  stateRulesKey: string | null;
  settings: { key: string; value: string }[];
};

/** How often a list was answered from kept views alone, and how many views it had to work out (the tests read them). */
export const keptCaseViewStats = { whole: 0, workedOut: 0, kept: 0, notKept: 0 };

/** Tests only: runs between working out the missing views and keeping them (to commit a write and a refresh there). */
export const keptCaseViewHooks: { beforeKeeping?: () => Promise<void> } = {};

/**
 * The page with each row's kept view where it is current (see above), the rule dates and the facts'
 * state, in one statement: one snapshot, and in the usual case the request's only read.
 */
async function readPage(
  client: Tx | PrismaClient,
  actor: AppUser,
  filters: CaseListFilters,
  today: IsoDate,
): Promise<Read> {
  const rows = await client.$queryRaw<PageSqlRow[]>`
    WITH page AS (${caseListPage(actor, filters)}),
    marks AS (SELECT COALESCE(array_agg(DISTINCT m."requirementId") FILTER (WHERE m."requirementId" IS NOT NULL), '{}'::uuid[]) AS ids,
                     COALESCE(bool_or(m."requirementId" IS NULL), false) AS everything
              FROM "FigureFactMark" m)
    SELECT page."id"::text AS id, mk.everything,
      (SELECT to_char(s."asOf", 'YYYY-MM-DD') FROM "FigureFactState" s WHERE s."id" = 1) AS "stateAsOf",
      (SELECT s."rulesKey" FROM "FigureFactState" s WHERE s."id" = 1) AS "stateRulesKey",
      COALESCE((SELECT json_agg(json_build_object('key', ps."key", 'value', ps."value") ORDER BY ps."effectiveFrom" DESC, ps."createdAt" DESC)
                FROM "PolicySetting" ps WHERE ps."key" = ANY(${[...RULE_COMMENCEMENT_KEYS]}::text[])), '[]'::json) AS settings,
      k."rulesKey" AS "keptRulesKey",
      CASE WHEN r."id" <> ALL(mk.ids) AND (r."relatedRequirementId" IS NULL OR r."relatedRequirementId" <> ALL(mk.ids))
             AND NOT EXISTS (SELECT 1 FROM "Requirement" c WHERE c."relatedRequirementId" = r."id" AND c."id" = ANY(mk.ids))
           THEN k."view" END AS view
    FROM page JOIN "Requirement" r ON r."id" = page."id" CROSS JOIN marks mk
    LEFT JOIN "KeptCaseView" k ON k."requirementId" = page."id" AND k."asOf" = ${today}::date AND k."build" = ${build()}
    ORDER BY page."sentenceDate" DESC, page."id" ASC`;
  const [first] = rows;
  const rules = ruleCommencementsFrom(first?.settings ?? []);
  const rulesKey = rulesKeyOf(rules);
  return {
    rules,
    rulesKey,
    keepable: !first || (first.stateAsOf === today && first.stateRulesKey === rulesKey && !first.everything),
    page: rows.map((row) => ({ id: row.id, view: row.keptRulesKey === rulesKey ? row.view : null })),
  };
}

/**
 * A case in the list: its view as worked out now, or as kept — the JSON text it was stored as
 * (JSON.stringify of the view), which GET /api/v1/cases sends as it is.
 */
export type ListedCase = { id: string; view: CaseView } | { id: string; json: string };

/**
 * The list of the cases the caller may see, as of today, from kept views where they are current;
 * null when the facts cannot be refreshed now (the caller then reads the list without kept views).
 */
export async function readKeptCaseList(
  client: PrismaClient,
  actor: AppUser,
  filters: CaseListFilters,
  today: IsoDate,
): Promise<{ cases: ListedCase[]; truncated: boolean } | null> {
  // Usually every view on the page is kept and current: one statement, no transaction.
  const first = await readPage(client, actor, filters, today);
  if (first.keepable && first.page.slice(0, LIST_CASES_LIMIT).every((row) => row.view)) {
    keptCaseViewStats.whole++;
    return {
      cases: first.page.slice(0, LIST_CASES_LIMIT).map((row) => ({ id: row.id, json: row.view as string })),
      truncated: first.page.length > LIST_CASES_LIMIT,
    };
  }
  try {
    await refreshFigureFacts(client, today, first.rules);
  } catch (error) {
    // The facts could not be brought up to date now (another instance's rebuild held them past every
    // attempt): the caller works the list out as it did before views were kept.
    logger().warn({ err: error }, "case list: figure facts not refreshed; list worked out without kept views");
    keptCaseViewStats.notKept++;
    return null;
  }
  const out: { answer?: { cases: ListedCase[]; truncated: boolean } } = {};
  try {
    await inNewTransaction(
      client,
      "command",
      async (tx) => {
        const read = await readPage(tx, actor, filters, today);
        const { rulesKey } = read;
        const rows = read.page.slice(0, LIST_CASES_LIMIT);
        const truncated = read.page.length > LIST_CASES_LIMIT;
        const keepable = read.keepable;
        const missing = rows.filter((row) => !(keepable && row.view)).map((row) => row.id);
        const workedOut = missing.length ? await workOutCaseViews(tx, missing, today) : [];
        const byId = new Map(workedOut.map((view) => [view.id, view]));
        out.answer = {
          cases: rows.map((row) => {
            const view = byId.get(row.id);
            return view ? { id: row.id, view } : { id: row.id, json: row.view as string };
          }),
          truncated,
        };
        if (missing.length === 0) {
          keptCaseViewStats.whole++;
          return;
        }
        keptCaseViewStats.workedOut += missing.length;
        if (!keepable) return;
        await keptCaseViewHooks.beforeKeeping?.();
        // Keep them only if no refresh committed since this snapshot (a serialisation failure if one
        // did), and without waiting behind a refresh or another keeper: keeping is optional.
        await tx.$executeRaw`SET LOCAL lock_timeout = '100ms'`;
        const bumped = await tx.$executeRaw`UPDATE "FigureFactState" SET "generation" = "generation" + 1
          WHERE "id" = 1 AND "asOf" = ${today}::date AND "rulesKey" = ${rulesKey}`;
        if (bumped !== 1) return;
        await tx.$executeRaw`
          INSERT INTO "KeptCaseView" ("requirementId", "asOf", "rulesKey", "build", "view")
          SELECT k.id, ${today}::date, ${rulesKey}, ${build()}, k.view
          FROM unnest(${workedOut.map((view) => view.id)}::uuid[], ${workedOut.map((view) => JSON.stringify(view))}::text[]) AS k(id, view)
          ON CONFLICT ("requirementId") DO UPDATE SET "asOf" = EXCLUDED."asOf", "rulesKey" = EXCLUDED."rulesKey",
            "build" = EXCLUDED."build", "view" = EXCLUDED."view"`;
        keptCaseViewStats.kept += workedOut.length;
      },
      Prisma.TransactionIsolationLevel.RepeatableRead,
    );
  } catch (error) {
    // The answer was read and worked out before keeping failed: it is exact for its snapshot.
    if (!out.answer || !isWriteConflict(error)) throw error;
    keptCaseViewStats.notKept++;
  }
  if (!out.answer) throw new Error("The case list was not read");
  return out.answer;
}

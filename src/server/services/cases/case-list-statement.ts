import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { calendarFrom, type IsoDate } from "@/domain";
import { visibleRequirementsSql, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { likeLiteral } from "@/server/db/like-pattern";
import { RULE_COMMENCEMENT_KEYS, ruleCommencementsFrom } from "@/server/rules/rule-commencements";
import type { CaseView } from "./case-view.types";
import { LIST_CASES_LIMIT } from "./get-case.types";
import { caseViewFromRow, type CaseViewSourceRow } from "./load-case-view";

// GET /api/v1/cases in ONE statement (issue 15): the page of cases (filters, order, limit), every
// case's facts, the bank holidays and the s.36/s.37 dates, built as one JSON value by PostgreSQL.
// Prisma read the same through about twenty statements (one per relation, each with an IN list of
// thousands of attendance, allocation and session ids) and a transaction around them; one
// statement is one consistent snapshot. Each case comes back in the shape Prisma gives
// for `caseViewSelect` (./load-case-view.ts), so the same mapping and the same domain rules
// (deriveRequirementStatus) make the case: the list cannot disagree with GET /cases/{id} or the
// case page (tests/integration/case-list-api.test.ts, case-list-one-query.test.ts).

export type CaseListFilters = { region?: string; status?: string; q?: string };

const ts = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A concurrent partner's credits, as partnerCreditsSelect (concurrent/partner-credits.ts) gives them. */
const creditsJson = (req: Prisma.Sql) => Prisma.sql`'attendances', COALESCE((SELECT json_agg(json_build_object(
      'sessionDate', a."sessionDate", 'outcome', a."outcome", 'minutesCredited', a."minutesCredited",
      'allocation', json_build_object('session', json_build_object('placement', json_build_object('type', pl."type")))))
    FROM "Attendance" a JOIN "Allocation" al ON al."id" = a."allocationId" JOIN "Session" se ON se."id" = al."sessionId"
    JOIN "Placement" pl ON pl."id" = se."placementId" WHERE a."requirementId" = ${req}."id" AND a."minutesCredited" > 0), '[]'::json),
  'eteCredits', COALESCE((SELECT json_agg(json_build_object('date', e."date", 'minutes', e."minutes"))
    FROM "EteCredit" e WHERE e."requirementId" = ${req}."id" AND e."minutes" > 0), '[]'::json)`;

/**
 * One requirement `r` as caseViewSelect's row (dates as 'YYYY-MM-DD', instants as ISO strings; revived below),
 * with `p`, `o` and `g` its person, order and region. The allocation page reads its case with it too.
 */
export const caseJson = Prisma.sql`json_build_object(
  'id', r."id", 'personId', r."personId", 'orderId', r."orderId", 'regionId', r."regionId",
  'orderType', r."orderType", 'managedBy', r."managedBy", 'version', r."version",
  'sentenceDate', r."sentenceDate", 'hoursOrdered', r."hoursOrdered", 'originalHoursOrdered', r."originalHoursOrdered",
  'status', r."status", 'completedOn', r."completedOn", 'terminatedOn', r."terminatedOn", 'commencedOn', r."commencedOn",
  'minutesCredited', r."minutesCredited", 'minutesEte', r."minutesEte", 'terminationReason', r."terminationReason",
  'restricted', r."restricted", 'orderRelation', r."orderRelation", 'relatedRequirementId', r."relatedRequirementId",
  'relatedRequirement', (SELECT json_build_object('status', rr."status", 'completedOn', rr."completedOn",
      'terminatedOn', rr."terminatedOn", ${creditsJson(Prisma.sql`rr`)}) FROM "Requirement" rr WHERE rr."id" = r."relatedRequirementId"),
  'relatedBy', COALESCE((SELECT json_agg(json_build_object(${creditsJson(Prisma.sql`rc`)}) ORDER BY rc."id") FROM "Requirement" rc
    WHERE rc."relatedRequirementId" = r."id" AND rc."orderRelation" = 'CONCURRENT'), '[]'::json),
  'assessment', (SELECT json_build_object(
      'id', s."id", 'version', s."version", 'complete', s."complete", 'rosh', s."rosh", 'eteEligible', s."eteEligible",
      'eteReason', s."eteReason", 'womenOnlyPreference', s."womenOnlyPreference", 'availability', s."availability",
      'employment', s."employment", 'caringDuties', s."caringDuties", 'religiousObservance', s."religiousObservance",
      'riskCodes', COALESCE((SELECT json_agg(json_build_object('title', arc."title", 'conflictsWith', arc."conflictsWith",
                                                               'riskCode', json_build_object('code', rc."code")) ORDER BY rc."code")
                             FROM "AssessmentRiskCode" arc JOIN "RiskCode" rc ON rc."id" = arc."riskCodeId"
                             WHERE arc."assessmentId" = s."id"), '[]'::json))
    FROM "Assessment" s WHERE s."requirementId" = r."id"),
  'attendances', COALESCE((SELECT json_agg(json_build_object('id', a."id", 'allocationId', a."allocationId",
      'sessionDate', a."sessionDate", 'outcome', a."outcome", 'minutesCredited', a."minutesCredited",
      'reasonCategory', a."reasonCategory", 'approvalState', a."approvalState",
      'allocation', json_build_object('session', json_build_object('placement', json_build_object('type', pl."type"))))
      ORDER BY a."sessionDate", a."id")
    FROM "Attendance" a JOIN "Allocation" al ON al."id" = a."allocationId" JOIN "Session" se ON se."id" = al."sessionId"
    JOIN "Placement" pl ON pl."id" = se."placementId" WHERE a."requirementId" = r."id"), '[]'::json),
  'eteCredits', COALESCE((SELECT json_agg(json_build_object('date', e."date", 'minutes', e."minutes") ORDER BY e."date", e."id")
    FROM "EteCredit" e WHERE e."requirementId" = r."id"), '[]'::json),
  'extensions', COALESCE((SELECT json_agg(json_build_object('grantedOn', x."grantedOn", 'newEndDate', x."newEndDate") ORDER BY x."grantedOn", x."id")
    FROM "Extension" x WHERE x."requirementId" = r."id"), '[]'::json),
  'earnedReductionDecisions', COALESCE((SELECT json_agg(json_build_object('decision', d."decision", 'decidedOn', d."decidedOn",
      'createdAt', ${ts(Prisma.sql`d."createdAt"`)}) ORDER BY d."createdAt", d."id")
    FROM "EarnedReductionDecision" d WHERE d."requirementId" = r."id"), '[]'::json),
  'enforcementActions', COALESCE((SELECT json_agg(json_build_object('id', ea."id", 'orderId', ea."orderId", 'type', ea."type",
      'date', ea."date", 'outcomes', COALESCE((SELECT json_agg(json_build_object('outcome', eo."outcome", 'date', eo."date",
          'newHoursOrdered', eo."newHoursOrdered") ORDER BY eo."date", eo."createdAt", eo."id")
        FROM "EnforcementOutcome" eo WHERE eo."actionId" = ea."id"), '[]'::json)) ORDER BY ea."date", ea."createdAt", ea."id")
    FROM "EnforcementAction" ea WHERE ea."requirementId" = r."id" AND ea."status" = 'ACTIVE'), '[]'::json),
  'person', json_build_object('id', p."id", 'crn', p."crn", 'firstName', p."firstName", 'lastName', p."lastName",
      'dateOfBirth', p."dateOfBirth", 'gender', p."gender"),
  'order', json_build_object('court', o."court"),
  'region', json_build_object('code', g."code", 'overSubscriptionPercent', g."overSubscriptionPercent"),
  'pdu', (SELECT json_build_object('code', pd."code") FROM "Pdu" pd WHERE pd."id" = r."pduId"),
  'transfers', COALESCE((SELECT json_agg(t) FROM (
      SELECT json_build_object('id', tr."id", 'requestedAt', ${ts(Prisma.sql`tr."requestedAt"`)},
                               'toRegion', json_build_object('code', tg."code")) AS t
      FROM "RequirementTransfer" tr JOIN "Region" tg ON tg."id" = tr."toRegionId"
      WHERE tr."requirementId" = r."id" AND tr."status" = 'REQUESTED' ORDER BY tr."requestedAt" DESC LIMIT 1) pending), '[]'::json)
)`;

type Statement = {
  found: number;
  cases: Record<string, unknown>[];
  holidays: IsoDate[];
  settings: { key: string; value: string }[];
};

/** The cases the caller may see with these filters, newest sentence first, at most LIST_CASES_LIMIT, as case views. */
export async function readCaseList(
  client: Tx,
  actor: AppUser,
  filters: CaseListFilters,
  asOf: IsoDate,
): Promise<{ cases: CaseView[]; truncated: boolean }> {
  const read = await readCaseRows(client, actor, filters);
  if (!read) return { cases: [], truncated: false };
  return { cases: caseViewsOf(read, asOf), truncated: read.truncated };
}

/** The statement's rows as case views as of `asOf`, by the domain's rules with its holidays and rule dates. */
function caseViewsOf(read: SourceRows, asOf: IsoDate): CaseView[] {
  const calendar = calendarFrom(read.holidays);
  const commencements = ruleCommencementsFrom(read.settings);
  return read.rows.map((row) => caseViewFromRow(row, calendar, commencements, asOf));
}

/** The WHERE of the list's page: what the caller may see, narrowed by the filters (`r`, `p`, `g`: requirement, person, region). */
function caseListConditions(actor: AppUser, filters: CaseListFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [visibleRequirementsSql(actor)];
  if (filters.region) conditions.push(Prisma.sql`g."code" = ${filters.region}`);
  if (filters.status) conditions.push(Prisma.sql`r."status"::text = ${filters.status}`);
  if (filters.q) {
    const contains = `%${likeLiteral(filters.q)}%`;
    conditions.push(
      Prisma.sql`(p."crn" = ${filters.q.toUpperCase()} OR p."firstName" ILIKE ${contains} OR p."lastName" ILIKE ${contains})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/** The page of the list: at most LIST_CASES_LIMIT + 1 requirements (one more tells the list was cut short). */
export const caseListPage = (actor: AppUser, filters: CaseListFilters) => Prisma.sql`
  SELECT r."id", r."sentenceDate" FROM "Requirement" r
  JOIN "Person" p ON p."id" = r."personId" JOIN "Region" g ON g."id" = r."regionId"
  WHERE ${caseListConditions(actor, filters)}
  ORDER BY r."sentenceDate" DESC, r."id" ASC LIMIT ${LIST_CASES_LIMIT + 1}`;

type SourceRows = { rows: CaseViewSourceRow[]; holidays: IsoDate[]; settings: Statement["settings"] };

/**
 * The statement itself: each case's row exactly as Prisma gives it for caseViewSelect (a test reads
 * both and compares them field by field), with the bank holidays and the rule-date settings.
 * `page` names the requirements: the list's page, or (kept-case-views.ts) the ones it must work out.
 */
async function readSourceRows(client: Tx, page: Prisma.Sql): Promise<(SourceRows & { found: number }) | null> {
  // The planner's cost for a page of 100 cases with their histories passes jit_above_cost, and
  // compiling the plan (≈ 370 ms on the shared machine) cost more than running it (≈ 50 ms):
  // JIT is off for this transaction only (the caller's, or the one opened below).
  await client.$executeRaw`SELECT set_config('jit', 'off', true)`;
  const rows = await client.$queryRaw<Statement[]>`
    WITH page AS (${page}), shown AS (SELECT * FROM page ORDER BY "sentenceDate" DESC, "id" ASC LIMIT ${LIST_CASES_LIMIT})
    SELECT (SELECT COUNT(*)::int FROM page) AS found,
      COALESCE((SELECT json_agg(${caseJson} ORDER BY r."sentenceDate" DESC, r."id" ASC)
                FROM shown JOIN "Requirement" r ON r."id" = shown."id"
                JOIN "Person" p ON p."id" = r."personId" JOIN "Order" o ON o."id" = r."orderId"
                JOIN "Region" g ON g."id" = r."regionId"), '[]'::json) AS cases,
      COALESCE((SELECT json_agg(b."date") FROM "BankHoliday" b), '[]'::json) AS holidays,
      COALESCE((SELECT json_agg(json_build_object('key', ps."key", 'value', ps."value")
                                ORDER BY ps."effectiveFrom" DESC, ps."createdAt" DESC)
                FROM "PolicySetting" ps WHERE ps."key" = ANY(${[...RULE_COMMENCEMENT_KEYS]}::text[])), '[]'::json) AS settings`;
  const row = rows[0];
  if (!row) return null;
  return { found: row.found, rows: row.cases.map(reviveCaseRow), holidays: row.holidays, settings: row.settings };
}

/** The list's page as caseViewSelect rows (see readSourceRows). */
export async function readCaseRows(
  client: Tx,
  actor: AppUser,
  filters: CaseListFilters,
): Promise<(SourceRows & { truncated: boolean }) | null> {
  const read = await readSourceRows(client, caseListPage(actor, filters));
  if (!read) return null;
  const { found, ...rows } = read;
  return { ...rows, truncated: found > LIST_CASES_LIMIT };
}

/** These requirements' case views as of `asOf` (at most LIST_CASES_LIMIT), newest sentence first: the ones the kept views lack. */
export async function workOutCaseViews(client: Tx, ids: readonly string[], asOf: IsoDate): Promise<CaseView[]> {
  const read = await readSourceRows(
    client,
    Prisma.sql`SELECT r."id", r."sentenceDate" FROM "Requirement" r WHERE r."id" = ANY(${[...ids]}::uuid[])`,
  );
  return read ? caseViewsOf(read, asOf) : [];
}

// JSON has no dates: the row's date and instant fields back into the Date objects Prisma gives.
const asDate = (value: unknown): Date | null =>
  typeof value !== "string" ? null : new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value);
const withDates = <T extends Record<string, unknown>>(item: T, keys: readonly string[]): T =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, keys.includes(k) ? asDate(v) : v])) as T;
type Json = Record<string, unknown>;
const list = (value: unknown) => (value as Json[]).map((item) => item);

const reviveCredits = (json: Json) => ({
  attendances: list(json.attendances).map((a) => withDates(a, ["sessionDate"])),
  eteCredits: list(json.eteCredits).map((c) => withDates(c, ["date"])),
});

export function reviveCaseRow(json: Json): CaseViewSourceRow {
  return {
    ...withDates(json, ["sentenceDate", "completedOn", "terminatedOn", "commencedOn"]),
    person: withDates(json.person as Json, ["dateOfBirth"]),
    attendances: list(json.attendances).map((a) => withDates(a, ["sessionDate"])),
    eteCredits: list(json.eteCredits).map((c) => withDates(c, ["date"])),
    extensions: list(json.extensions).map((x) => withDates(x, ["grantedOn", "newEndDate"])),
    earnedReductionDecisions: list(json.earnedReductionDecisions).map((d) => withDates(d, ["decidedOn", "createdAt"])),
    enforcementActions: list(json.enforcementActions).map((ea) => ({
      ...withDates(ea, ["date"]),
      outcomes: list(ea.outcomes).map((eo) => withDates(eo, ["date"])),
    })),
    transfers: list(json.transfers).map((t) => withDates(t, ["requestedAt"])),
    // R2/R5: the earlier order a consecutive case waits for (requirementFactsSelect's relatedRequirement).
    relatedRequirement: json.relatedRequirement
      ? {
          ...withDates(json.relatedRequirement as Json, ["completedOn", "terminatedOn"]),
          ...reviveCredits(json.relatedRequirement as Json),
        }
      : null,
    // Concurrent orders (0049): the partners' credits count for this case too.
    relatedBy: list(json.relatedBy).map(reviveCredits),
  } as unknown as CaseViewSourceRow;
}

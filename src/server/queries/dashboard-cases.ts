import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/server/db/create-client";
import { notFound, type AppUser } from "@/server/auth/access";
import { resolveDashboardScope } from "@/server/api/contracts/dashboard";
import { isoDateFromUtcDate, todayInLondon, type IsoDate } from "@/domain/dates";
import { formatCount } from "@/domain/format";
import {
  ethnicityFilter,
  FIGURE_KEYS,
  FIGURES,
  loadSentenceCalendar,
  sourceRows,
  TEAM_TYPES,
  type DashboardScope,
  type FigureKey,
  type SourceKey,
} from "./dashboard-figures";

// The cases behind a dashboard figure (drill-down page, CSV export and the API's cases[]): the
// figure's own SQL source, so the list's total is the figure. Restricted cases count in the
// total but are listed only for their named users (docs/domain.md §2); the page says how many are hidden.

export const DRILL_SORTS = ["name", "crn", "region", "pdu", "sentence", "date"] as const;
export type DrillSort = (typeof DRILL_SORTS)[number];
export const DRILL_PAGE_SIZE = 50;
/** The CSV and the API return the whole list; this bounds one response at national scale. */
export const DRILL_EXPORT_LIMIT = 60_000;

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** The drill-down's URL: which figure, the dashboard's filters, and the table's sort and page. */
export const drillQuerySchema = z.object({
  figure: z.enum(FIGURE_KEYS as [FigureKey, ...FigureKey[]]),
  region: z.preprocess(blankToUndefined, z.string().trim().min(1).max(8).optional()),
  pdu: z.preprocess(blankToUndefined, z.uuid().optional()),
  teamType: z.preprocess(blankToUndefined, z.enum(TEAM_TYPES).optional()),
  asOf: z.preprocess(blankToUndefined, z.iso.date().optional()),
  ethnicity: z.string().max(100).optional().describe("Breach figures only: one ethnicity; empty = not recorded"),
  sort: z.enum(DRILL_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type DrillRow = {
  id: string;
  crn: string;
  firstName: string;
  lastName: string;
  regionCode: string;
  regionName: string;
  pduName: string | null;
  managedBy: (typeof TEAM_TYPES)[number];
  sentenceDate: IsoDate;
  hoursOrdered: number;
  band: string | null;
  met: boolean | null;
  x: number | null;
  y: number | null;
  keyDate: IsoDate | null;
};

// Whitelisted ORDER BY columns; the direction is one of two literals.
const ORDER: Record<DrillSort, string> = {
  name: `p."lastName" %DIR%, p."firstName" %DIR%`,
  crn: `p."crn" %DIR%`,
  region: `rg."name" %DIR%`,
  pdu: `pd."name" %DIR% NULLS LAST`,
  sentence: `r."sentenceDate" %DIR%`,
  date: `s."keyDate" %DIR% NULLS LAST`,
};

const orderBy = (sort: DrillSort, dir: "asc" | "desc"): Prisma.Sql =>
  Prisma.raw(`${ORDER[sort].replaceAll("%DIR%", dir === "desc" ? "DESC" : "ASC")}, p."crn" ASC`);

const visibleTo = (user: AppUser) => Prisma.sql`(NOT r."restricted" OR EXISTS (
  SELECT 1 FROM "RequirementAccess" ra WHERE ra."requirementId" = r."id" AND ra."userId" = ${user.id}::uuid))`;

export type DrillOptions = {
  figure: FigureKey;
  ethnicity?: string;
  sort: DrillSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number | "all";
};

/**
 * One page (or all) of the cases behind a figure, with the figure's total and how many of them are
 * restricted from this user. It lists personal data: the page, the CSV route and the API audit
 * each view beside this call (recordView in src/server/view-audit.ts).
 */
export async function listFigureCases(
  client: PrismaClient,
  user: AppUser,
  scope: DashboardScope,
  options: DrillOptions,
) {
  const definition = FIGURES[options.figure];
  const cal = await loadSentenceCalendar(client, scope);
  const filters = [
    definition.filter,
    definition.source === "breach" && options.ethnicity !== undefined ? ethnicityFilter(options.ethnicity) : null,
  ].filter((sql): sql is Prisma.Sql => sql !== null);
  const where = filters.length > 0 ? Prisma.join(filters, " AND ") : Prisma.sql`TRUE`;
  const from = Prisma.sql`FROM (${sourceRows(definition.source, scope, cal)}) s
    JOIN "Requirement" r ON r."id" = s."id" JOIN "Person" p ON p."id" = s."personId"`;
  const limit = options.pageSize === "all" ? DRILL_EXPORT_LIMIT : options.pageSize;
  const offset = options.pageSize === "all" ? 0 : (options.page - 1) * options.pageSize;
  const [counts, raw] = await Promise.all([
    client.$queryRaw<
      { total: number; visible: number }[]
    >`SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE ${visibleTo(user)})::int AS visible
      ${from} WHERE ${where}`,
    client.$queryRaw<(Omit<DrillRow, "sentenceDate" | "keyDate"> & { sentenceDate: Date; keyDate: Date | null })[]>`
      SELECT s."id"::text AS id, p."crn", p."firstName", p."lastName", rg."code" AS "regionCode", rg."name" AS "regionName",
             pd."name" AS "pduName", s."managedBy"::text AS "managedBy", r."sentenceDate", r."hoursOrdered",
             s.band, s.met, s.x, s.y, s."keyDate"
      ${from} JOIN "Region" rg ON rg."id" = s."regionId" LEFT JOIN "Pdu" pd ON pd."id" = s."pduId"
      WHERE ${where} AND ${visibleTo(user)}
      ORDER BY ${orderBy(options.sort, options.dir)}
      LIMIT ${limit} OFFSET ${offset}`,
  ]);
  const rows: DrillRow[] = raw.map((row) => ({
    ...row,
    sentenceDate: isoDateFromUtcDate(row.sentenceDate),
    keyDate: row.keyDate ? isoDateFromUtcDate(row.keyDate) : null,
  }));
  const total = counts[0]?.total ?? 0;
  const visible = counts[0]?.visible ?? 0;
  return {
    figure: options.figure,
    title: definition.title,
    source: definition.source,
    total,
    hiddenRestricted: total - visible,
    pageCount: options.pageSize === "all" ? 1 : Math.max(1, Math.ceil(visible / options.pageSize)),
    rows,
  };
}

export type FigureCaseList = Awaited<ReturnType<typeof listFigureCases>>;

// ───────────────────────────── what the figure-specific columns mean, in words

const hours = (minutes: number | null) => {
  const m = Math.round(minutes ?? 0);
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${formatCount(h)}h` : `${formatCount(h)}h ${m % 60}m`;
};
const yesNo = (value: boolean | null) => (value ? "Yes" : "No");
const RAG_WORD: Record<string, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };

/** The two figure-specific columns of each list: a date and a detail, with their headings. */
export const FIGURE_COLUMNS: Record<
  SourceKey,
  { date: string; detail: string | null; describe?: (row: DrillRow) => string }
> = {
  active: { date: "12 months end", detail: null },
  backlog: { date: "12 months ended", detail: null },
  dormant: { date: "Last attendance or ETE credit", detail: null },
  nearing: {
    date: "End date",
    detail: "Rating and hours to do",
    describe: (row) => `${RAG_WORD[row.band ?? ""] ?? ""}: ${hours(row.x)} to do`,
  },
  commenced: { date: "Start deadline", detail: "Started by the deadline", describe: (row) => yesNo(row.met) },
  completed: { date: "12 months ended", detail: "Completed within 12 months", describe: (row) => yesNo(row.met) },
  ete: {
    date: "Last ETE credit",
    detail: "ETE used of the allowance",
    describe: (row) => `${hours(row.x)} of ${hours(row.y)}`,
  },
  breach: {
    date: "Latest warning or breach",
    detail: "Age group",
    describe: (row) => (row.band === "UNDER_25" ? "Under 25" : "25 and over"),
  },
  standDown: {
    date: "Last stood down",
    detail: "Stood down of bookings",
    describe: (row) => `${formatCount(row.y ?? 0)} of ${formatCount(row.x ?? 0)}`,
  },
  hours: {
    date: "Last credit",
    detail: "Hours credited (work, ETE)",
    describe: (row) => `${hours((row.x ?? 0) + (row.y ?? 0))} (${hours(row.x)}, ${hours(row.y)})`,
  },
  review6: { date: "Review due", detail: null },
  review9: { date: "Review due", detail: null },
  expiredSso: { date: "Ended", detail: "Hours done", describe: (row) => `${hours(row.x)} of ${hours(row.y)}` },
  enforcementOverdue: {
    date: "Oldest failure awaiting action",
    detail: "Failures overdue",
    describe: (row) => formatCount(row.x ?? 0),
  },
};

const TEAM_WORD: Record<string, string> = {
  STANDALONE_UPW: "Unpaid work team",
  SENTENCE_MANAGEMENT: "Sentence management",
};

/** The list as CSV (RFC 4180), the same columns as the table. Cells that start like a formula are quoted with a leading '. */
export function figureCasesCsv(list: FigureCaseList): string {
  const columns = FIGURE_COLUMNS[list.source];
  const header = [
    "CRN",
    "Last name",
    "First name",
    "Region",
    "PDU",
    "Team",
    "Sentence date",
    "Hours ordered",
    columns.date,
    ...(columns.detail ? [columns.detail] : []),
  ];
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = list.rows.map((row) =>
    [
      row.crn,
      row.lastName,
      row.firstName,
      row.regionName,
      row.pduName ?? "",
      TEAM_WORD[row.managedBy] ?? row.managedBy,
      row.sentenceDate,
      String(row.hoursOrdered),
      row.keyDate ?? "",
      ...(columns.describe ? [columns.describe(row)] : []),
    ]
      .map(cell)
      .join(","),
  );
  return [header.map(cell).join(","), ...lines].join("\r\n") + "\r\n";
}

/**
 * The drill-down as the URL asks for it (page or CSV): parse, scope to what the caller may see
 * (another region, an unknown figure or a PDU outside the region is 404), then list.
 */
export async function loadFigureCasesFromUrl(
  client: PrismaClient,
  user: AppUser,
  searchParams: Record<string, unknown>,
  mode: "page" | "csv",
) {
  const parsed = drillQuerySchema.safeParse(searchParams);
  if (!parsed.success) throw notFound("list");
  const query = parsed.data;
  const today = todayInLondon();
  const asOf = query.asOf && query.asOf <= today ? query.asOf : today;
  const national = user.role === "NATIONAL_LEAD";
  const scope = await resolveDashboardScope(
    client,
    user,
    { region: query.region, pdu: query.pdu, teamType: query.teamType, asOf },
    today,
  );
  const list = await listFigureCases(client, user, scope, {
    figure: query.figure,
    ethnicity: query.ethnicity,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
    pageSize: mode === "csv" ? "all" : DRILL_PAGE_SIZE,
  });
  return {
    query,
    national,
    scope,
    filters: {
      region: national ? (scope.regionCode ?? undefined) : undefined,
      pdu: scope.pduId ?? undefined,
      teamType: scope.teamType ?? undefined,
      asOf,
    },
    list,
  };
}

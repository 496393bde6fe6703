import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { MANAGED_BY, REQUIREMENT_STATUSES, todayInLondon, type IsoDate, type RequirementView } from "@/domain";
import { regionFilter, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { replicaDb } from "@/server/db/replica";
import { plainText } from "@/server/input/plain-text";
import {
  deriveRequirementViews,
  figureRowsWhere,
  lateStartWhere,
  loadBankHolidayCalendar,
  openBreachWhere,
  underWarrantWhere,
} from "./requirement-facts";
import { likeLiteral } from "@/server/db/like-pattern";
import { casesWithFailuresAwaitingAction, enforcementStateByCase } from "./enforcement-due";

export const CASES_PER_PAGE = 25;

export const CASE_FLAGS = [
  "awaiting-assessment",
  "late-start",
  "dormant",
  "backlog",
  "breach",
  "warrant",
  "enforcement-due",
] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

export const CASE_SORTS = ["name", "crn", "sentence-newest", "sentence-oldest"] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** The case list's filters as they arrive in the URL; anything unrecognised is ignored. */
export const caseListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, plainText.trim().max(100).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(REQUIREMENT_STATUSES).optional()).catch(undefined),
  pdu: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  managedBy: z.preprocess(blankToUndefined, z.enum(MANAGED_BY).optional()).catch(undefined),
  flag: z
    .preprocess(asList, z.array(z.string()))
    .transform((values) => CASE_FLAGS.filter((flag) => values.includes(flag)))
    .catch([]),
  sort: z.enum(CASE_SORTS).catch("name"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

const ORDER_BY: Record<CaseSort, Prisma.RequirementOrderByWithRelationInput[]> = {
  name: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }, { sentenceDate: "desc" }],
  crn: [{ person: { crn: "asc" } }, { sentenceDate: "desc" }],
  "sentence-newest": [{ sentenceDate: "desc" }, { person: { lastName: "asc" } }],
  "sentence-oldest": [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }],
};

/** Name or CRN: a CRN (or its start) matches the reference; otherwise every word must match a name. */
function searchWhere(q: string): Prisma.RequirementWhereInput {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
  return {
    OR: [
      { person: { crn: { startsWith: likeLiteral(q.toUpperCase()) } } },
      {
        AND: words.map((word) => ({
          OR: [
            { person: { firstName: { contains: likeLiteral(word), mode: "insensitive" as const } } },
            { person: { lastName: { contains: likeLiteral(word), mode: "insensitive" as const } } },
          ],
        })),
      },
    ],
  };
}

async function flagWhere(flag: CaseFlag, user: AppUser, asOf: IsoDate): Promise<Prisma.RequirementWhereInput> {
  switch (flag) {
    case "awaiting-assessment":
      // Active with no complete assessment: nothing can be booked until it is done (R10).
      return { status: "ACTIVE", OR: [{ assessment: { is: null } }, { assessment: { is: { complete: false } } }] };
    case "late-start":
      return lateStartWhere(asOf, await loadBankHolidayCalendar(), user, replicaDb);
    case "dormant":
      return figureRowsWhere(user, "dormant", asOf, replicaDb);
    case "backlog":
      return figureRowsWhere(user, "backlog", asOf, replicaDb);
    case "breach":
      return openBreachWhere(asOf, user, replicaDb);
    case "warrant":
      return underWarrantWhere(asOf, user, replicaDb);
    case "enforcement-due":
      return { id: { in: await casesWithFailuresAwaitingAction(user, asOf, replicaDb) } };
  }
}

/** The flags a case row shows, from the domain's derived view. */
export function caseFlagsOf(view: RequirementView | undefined) {
  return {
    waitingForEarlierOrder: view?.waitingForEarlierOrder ?? false,
    lateStart: view?.status === "ACTIVE" && view.commencedOn === null && view.commencedWithinDeadline === false,
    inBacklog: view?.inBacklog ?? false,
    dormant: view?.dormant ?? false,
    openBreach: view?.openBreach ?? false,
    underWarrant: view?.underWarrant ?? false,
  };
}

/**
 * One page of the cases the caller may see, filtered and sorted as the URL asks — read from the
 * read replica when there is one (docs/decisions/0093-read-replica.md): a list of many cases that may
 * be a moment behind; the case page a row opens reads the primary.
 */
export async function listCasePage(user: AppUser, query: CaseListQuery) {
  const asOf = todayInLondon();
  const conditions: Prisma.RequirementWhereInput[] = [visibleRequirementsWhere(user)];
  if (query.q) conditions.push(searchWhere(query.q));
  if (query.status) conditions.push({ status: query.status });
  if (query.pdu) conditions.push({ pduId: query.pdu });
  if (query.managedBy) conditions.push({ managedBy: query.managedBy });
  for (const flag of query.flag) conditions.push(await flagWhere(flag, user, asOf));
  const where: Prisma.RequirementWhereInput = { AND: conditions };

  const [total, rows] = await Promise.all([
    replicaDb.requirement.count({ where }),
    replicaDb.requirement.findMany({
      where,
      select: {
        id: true,
        sentenceDate: true,
        hoursOrdered: true,
        minutesCredited: true,
        status: true,
        terminationReason: true,
        person: { select: { firstName: true, lastName: true, crn: true } },
      },
      orderBy: ORDER_BY[query.sort],
      skip: (query.page - 1) * CASES_PER_PAGE,
      take: CASES_PER_PAGE,
    }),
  ]);
  const [views, enforcement] = await Promise.all([
    deriveRequirementViews(
      user,
      rows.map((row) => row.id),
      asOf,
      replicaDb,
    ),
    enforcementStateByCase(
      user,
      rows.map((row) => row.id),
      asOf,
      replicaDb,
    ),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / CASES_PER_PAGE)),
    cases: rows.map((row) => ({
      ...row,
      flags: { ...caseFlagsOf(views.get(row.id)), enforcement: enforcement.get(row.id) ?? null },
    })),
  };
}

/** The PDUs of the caller's region, for the case list's filter. */
export async function listPdusForFilter(user: AppUser) {
  return db.pdu.findMany({ where: regionFilter(user), select: { id: true, name: true }, orderBy: { name: "asc" } });
}

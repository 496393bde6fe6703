import "server-only";
import {
  calendarFrom,
  utcDateFromIsoDate,
  type Gender,
  type IsoDate,
  type PlacementFeature,
  type PlacementType,
} from "@/domain";
import { notFound, visibleRequirementsSql, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { RULE_COMMENCEMENT_KEYS, ruleCommencementsFrom } from "@/server/rules/rule-commencements";
import { caseJson, reviveCaseRow } from "../cases/case-list-statement";
import { earlierRequirementOf, type EarlierRequirementRow } from "../cases/order-relation";
import { isUuid } from "../uuid";
import { ruleContextFrom } from "../context";
import {
  toRequirementFacts,
  withView,
  type LoadedRequirement,
  type RequirementFactsRow,
} from "../load-requirement-facts";
import { type VisibleSession } from "../visible-records";
import type { CaseBookingFacts, SessionBookingFacts } from "./booking-facts";
import type { BookedMember } from "./session-group";
import type { SessionRow } from "./session-summary";

// The allocation page's reads in two statements (issue 13 §3, docs/decisions/0098): the case with
// every fact R10 reads about it, and a page of sessions with every fact R10 reads about each. Prisma
// read the same through about forty statements (one per relation), each a round trip and a query
// plan on a transaction's one connection. The rows come back in the shapes the booking path's
// loaders give (booking-facts.ts, context.ts), so the same judgeBooking decides: the page and the
// booking cannot differ (tests/integration/services/allocation-page-batched.test.ts proves it).

type Json = Record<string, unknown>;
const asDate = (value: unknown): Date | null =>
  typeof value === "string" ? utcDateFromIsoDate(value as IsoDate) : null;

export type BookingCase = {
  id: string;
  regionId: string;
  crn: string;
  firstName: string;
  lastName: string;
  requirement: LoadedRequirement;
  facts: CaseBookingFacts;
  /** The region's open placements, for the placement filter. */
  placements: { id: string; name: string }[];
};

type CaseStatement = {
  case: Json;
  maxPeoplePerSupervisor: number | null;
  holidays: IsoDate[];
  settings: { key: string; value: string }[];
  namedPeople: string[];
  ownBookings: { sessionId: string; sessionDate: IsoDate; placementType: PlacementType }[];
  personRequirements: CaseBookingFacts["personRequirements"];
  standingRoshApprovalId: string | null;
  earlier: (Omit<EarlierRequirementRow, "completedOn" | "terminatedOn" | "sentenceDate"> & Json) | null;
  placements: { id: string; name: string }[];
};

/**
 * The case the caller may see (else AccessError NOT_FOUND), its facts as loadRequirementFacts
 * gives them as of `today`, what loadCaseBookingFacts reads about it, and its region's open
 * placements: one statement.
 */
export async function readBookingCase(tx: Tx, actor: AppUser, caseId: string, today: IsoDate): Promise<BookingCase> {
  if (!isUuid(caseId)) throw notFound("case");
  const rows = await tx.$queryRaw<CaseStatement[]>`
    SELECT ${caseJson} AS "case",
      g."maxPeoplePerSupervisor",
      COALESCE((SELECT json_agg(b."date") FROM "BankHoliday" b), '[]'::json) AS holidays,
      COALESCE((SELECT json_agg(json_build_object('key', ps."key", 'value', ps."value")
                                ORDER BY ps."effectiveFrom" DESC, ps."createdAt" DESC)
                FROM "PolicySetting" ps WHERE ps."key" = ANY(${[...RULE_COMMENCEMENT_KEYS]}::text[])), '[]'::json) AS settings,
      COALESCE((SELECT json_agg(na."personId") FROM "NonAssociation" na
                JOIN "Assessment" na_a ON na_a."id" = na."assessmentId" WHERE na_a."requirementId" = r."id"), '[]'::json)
        AS "namedPeople",
      COALESCE((SELECT json_agg(json_build_object('sessionId', a."sessionId", 'sessionDate', a."sessionDate",
                                                  'placementType', pl."type"))
                FROM "Allocation" a JOIN "Session" se ON se."id" = a."sessionId"
                JOIN "Placement" pl ON pl."id" = se."placementId"
                WHERE a."requirementId" = r."id" AND a."status" = 'BOOKED'), '[]'::json) AS "ownBookings",
      COALESCE((SELECT json_agg(json_build_object('id', x."id", 'status', x."status", 'hoursOrdered', x."hoursOrdered",
                                                  'minutesCredited', x."minutesCredited", 'orderRelation', x."orderRelation",
                                                  'relatedRequirementId', x."relatedRequirementId"))
                FROM "Requirement" x WHERE x."personId" = r."personId"), '[]'::json) AS "personRequirements",
      (SELECT ap."id"::text FROM "Approval" ap WHERE ap."requirementId" = r."id" AND ap."kind" = 'HIGH_ROSH_INDIVIDUAL'
         AND ap."status" = 'APPROVED' AND ap."allocationId" IS NULL LIMIT 1) AS "standingRoshApprovalId",
      (SELECT json_build_object('status', e."status", 'completedOn', e."completedOn", 'terminatedOn', e."terminatedOn",
                                'sentenceDate', e."sentenceDate", 'orderType', e."orderType",
                                'order', json_build_object('court', eo."court"))
         FROM "Requirement" e JOIN "Order" eo ON eo."id" = e."orderId"
         WHERE e."id" = r."relatedRequirementId" AND r."orderRelation" = 'CONSECUTIVE') AS earlier,
      COALESCE((SELECT json_agg(json_build_object('id', pl."id", 'name', pl."name") ORDER BY pl."name")
                FROM "Placement" pl WHERE pl."regionId" = r."regionId" AND pl."active"), '[]'::json) AS placements
    FROM "Requirement" r JOIN "Person" p ON p."id" = r."personId" JOIN "Order" o ON o."id" = r."orderId"
    JOIN "Region" g ON g."id" = r."regionId"
    WHERE r."id" = ${caseId}::uuid AND ${visibleRequirementsSql(actor)}`;
  const row = rows[0];
  if (!row) throw notFound("case");
  const source = reviveCaseRow(row.case);
  const rules = ruleContextFrom(calendarFrom(row.holidays), {
    on: today,
    overSubscriptionPercent: source.region.overSubscriptionPercent,
    maxPeoplePerSupervisor: row.maxPeoplePerSupervisor,
    ...ruleCommencementsFrom(row.settings),
  });
  const requirement = withView(toRequirementFacts(source as unknown as RequirementFactsRow), rules, today);
  const earlier = row.earlier
    ? earlierRequirementOf({
        ...row.earlier,
        completedOn: asDate(row.earlier.completedOn),
        terminatedOn: asDate(row.earlier.terminatedOn),
        sentenceDate: asDate(row.earlier.sentenceDate) ?? new Date(Number.NaN),
      })
    : null;
  return {
    id: requirement.id,
    regionId: requirement.regionId,
    crn: source.person.crn,
    firstName: source.person.firstName,
    lastName: source.person.lastName,
    requirement,
    facts: {
      requirement,
      person: { gender: source.person.gender, crn: source.person.crn },
      namedPeople: row.namedPeople,
      ownBookings: row.ownBookings.map((b) => ({
        sessionId: b.sessionId,
        sessionDate: utcDateFromIsoDate(b.sessionDate),
        placementType: b.placementType,
      })),
      personRequirements: row.personRequirements,
      standingRoshApprovalId: row.standingRoshApprovalId,
      runsAfter: earlier,
    },
    placements: row.placements,
  };
}

type SessionStatement = Omit<VisibleSession, "status"> & {
  status: VisibleSession["status"];
  seriesId: string | null;
  placementName: string;
  placementType: PlacementType;
  features: PlacementFeature[];
  address: string | null;
  postcode: string | null;
  overSubscriptionPercent: number;
  supervisorGender: Gender | null;
  bookedCount: number;
  members: (Omit<BookedMember, "key" | "riskCodes"> & { crn: string })[];
  sameDay: SessionBookingFacts["sameDayBookings"];
};

export type SessionPage = {
  /** As session-summary's select gives them, for summarise. */
  rows: SessionRow[];
  /** Everyone booked on each session (the case included), as bookedCounts gives them. */
  counts: Map<string, number>;
  /** What loadSessionBookingFacts reads about each session for this case. */
  facts: SessionBookingFacts[];
};

/**
 * The sessions `ids` (in that order; each must exist, else NOT_FOUND) with their placement,
 * supervisor, places taken and everyone booked but this case, and the person's bookings on each
 * day: one statement. The ids come from a listing already scoped to the caller.
 */
export async function readSessionPage(
  tx: Tx,
  ids: readonly string[],
  requirement: { id: string; personId: string },
): Promise<SessionPage> {
  if (ids.length === 0) return { rows: [], counts: new Map(), facts: [] };
  const rows = await tx.$queryRaw<SessionStatement[]>`
    SELECT s."id"::text AS id, s."placementId"::text AS "placementId", pl."regionId"::text AS "regionId",
      to_char(s."date", 'YYYY-MM-DD') AS date, s."startTime", s."endTime", s."supervisorId"::text AS "supervisorId",
      s."capacity", s."status"::text AS status, s."version", s."seriesId"::text AS "seriesId",
      pl."name" AS "placementName", pl."type"::text AS "placementType", pl."features"::text[] AS features,
      pl."address", pl."postcode", pl."overSubscriptionPercent", su."gender"::text AS "supervisorGender",
      (SELECT COUNT(*)::int FROM "Allocation" a WHERE a."sessionId" = s."id" AND a."status" = 'BOOKED') AS "bookedCount",
      COALESCE((SELECT json_agg(json_build_object(
          'allocationId', a."id", 'requirementId', a."requirementId", 'personId', p."id", 'crn', p."crn",
          'gender', p."gender", 'loneWomanConsent', a."consentRecorded",
          'recordedRiskCodes', COALESCE((SELECT json_agg(json_build_object('code', rc."code", 'conflictsWith', arc."conflictsWith")
                                                         ORDER BY rc."code")
                                         FROM "AssessmentRiskCode" arc JOIN "RiskCode" rc ON rc."id" = arc."riskCodeId"
                                         WHERE arc."assessmentId" = asm."id"), '[]'::json),
          'nonAssociatedPersonIds', COALESCE((SELECT json_agg(na."personId") FROM "NonAssociation" na
                                              WHERE na."assessmentId" = asm."id"), '[]'::json))
          ORDER BY a."createdAt", a."id")
        FROM "Allocation" a JOIN "Requirement" r ON r."id" = a."requirementId" JOIN "Person" p ON p."id" = r."personId"
        LEFT JOIN "Assessment" asm ON asm."requirementId" = r."id"
        WHERE a."sessionId" = s."id" AND a."status" = 'BOOKED' AND a."requirementId" <> ${requirement.id}::uuid),
        '[]'::json) AS members,
      COALESCE((SELECT json_agg(json_build_object('date', to_char(os."date", 'YYYY-MM-DD'),
                                                  'startTime', os."startTime", 'endTime', os."endTime"))
                FROM "Requirement" pr JOIN "Allocation" oa ON oa."requirementId" = pr."id"
                JOIN "Session" os ON os."id" = oa."sessionId"
                WHERE pr."personId" = ${requirement.personId}::uuid AND oa."status" = 'BOOKED'
                  AND oa."sessionDate" = s."date"), '[]'::json) AS "sameDay"
    FROM "Session" s
    -- Looked up by key for each of the page's sessions (LIMIT keeps them lateral): joined whole, the
    -- planner hashed every placement and user for 20 rows (10 ms, not 2).
    CROSS JOIN LATERAL (SELECT p1."regionId", p1."name", p1."type", p1."features", p1."address", p1."postcode",
                               g."overSubscriptionPercent"
                        FROM "Placement" p1 JOIN "Region" g ON g."id" = p1."regionId"
                        WHERE p1."id" = s."placementId" LIMIT 1) pl
    LEFT JOIN LATERAL (SELECT u."gender" FROM "User" u WHERE u."id" = s."supervisorId" LIMIT 1) su ON TRUE
    WHERE s."id" = ANY(${[...ids]}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const page: SessionPage = { rows: [], counts: new Map(), facts: [] };
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) throw notFound("session");
    page.rows.push({
      id: row.id,
      date: utcDateFromIsoDate(row.date),
      startTime: row.startTime,
      endTime: row.endTime,
      status: row.status,
      seriesId: row.seriesId,
      capacity: row.capacity,
      placement: {
        name: row.placementName,
        type: row.placementType,
        address: row.address,
        postcode: row.postcode,
        region: { overSubscriptionPercent: row.overSubscriptionPercent },
      },
    });
    page.counts.set(row.id, row.bookedCount);
    page.facts.push({
      session: {
        id: row.id,
        placementId: row.placementId,
        regionId: row.regionId,
        date: row.date,
        startTime: row.startTime,
        endTime: row.endTime,
        supervisorId: row.supervisorId,
        capacity: row.capacity,
        status: row.status,
        version: row.version,
      },
      placement: { type: row.placementType, features: row.features },
      supervisorGender: row.supervisorGender,
      booked: row.members.map(({ crn, ...member }) => ({
        ...member,
        key: member.allocationId,
        label: crn,
        riskCodes: member.recordedRiskCodes.map((r) => r.code),
      })),
      sameDayBookings: row.sameDay,
    });
  }
  return page;
}

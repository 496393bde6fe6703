import "server-only";
import {
  addDays,
  isoDateFromUtcDate,
  sessionLimit,
  utcDateFromIsoDate,
  type IsoDate,
  type PlacementType,
  type Refusal,
  type RuleWarning,
} from "@/domain";
import { rankSessionChoices, standingOf, type SessionChoiceStanding } from "@/domain/session-choice";
import { notFound, visibleRequirementsWhere, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { loadRequirementFacts, requireVisibleRequirement, requireVisibleSession, todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { checkAllocation } from "./check-allocation";
import { likeLiteral } from "@/server/db/like-pattern";

// R10, before the click: every session a coordinator might choose, each with what the one
// booking rule (checkAllocation → prepareAllocation → the domain's checkAllocation) would say,
// so the page explains every blocking reason before anyone presses "Book". Reads only.

/** The allocation page looks this far ahead (issue 4: "suitable sessions in the next 4 weeks"). */
export const SUGGESTION_WINDOW_DAYS = 28;
/** At most this many sessions are checked for one page. */
const MAX_SESSIONS = 80;
/** At most this many people are checked for one session's "add people" page. */
const MAX_PEOPLE = 20;

export type SessionSummary = {
  id: string;
  date: IsoDate;
  startTime: string;
  endTime: string;
  status: string;
  seriesId: string | null;
  placementName: string;
  placementType: PlacementType;
  address: string | null;
  capacity: number;
  booked: number;
  limit: number;
  freePlaces: number;
};

export type Explained = {
  standing: SessionChoiceStanding;
  refusals: Refusal[];
  warnings: RuleWarning[];
  availabilityClash: boolean;
  preferenceNotMet: boolean;
  beforeInduction: boolean;
};

export type SessionChoice = SessionSummary & Explained;

export type CaseSummary = {
  id: string;
  crn: string;
  firstName: string;
  lastName: string;
  startDeadline: IsoDate;
  commencedOn: IsoDate | null;
  outstandingMinutes: number;
  effectiveEndDate: IsoDate;
};

const sessionSelect = {
  id: true,
  date: true,
  startTime: true,
  endTime: true,
  status: true,
  seriesId: true,
  capacity: true,
  placement: { select: { name: true, type: true, address: true, postcode: true, region: { select: { overSubscriptionPercent: true } } } },
  _count: { select: { allocations: { where: { status: "BOOKED" as const } } } },
} as const;

type SessionRow = {
  id: string;
  date: Date;
  startTime: string;
  endTime: string;
  status: string;
  seriesId: string | null;
  capacity: number;
  placement: { name: string; type: PlacementType; address: string | null; postcode: string | null; region: { overSubscriptionPercent: number } };
  _count: { allocations: number };
};

function summarise(row: SessionRow): SessionSummary {
  const limit = sessionLimit(row.capacity, row.placement.region.overSubscriptionPercent);
  return {
    id: row.id,
    date: isoDateFromUtcDate(row.date),
    startTime: row.startTime,
    endTime: row.endTime,
    status: row.status,
    seriesId: row.seriesId,
    placementName: row.placement.name,
    placementType: row.placement.type,
    address: [row.placement.address, row.placement.postcode].filter(Boolean).join(", ") || null,
    capacity: row.capacity,
    booked: row._count.allocations,
    limit,
    freePlaces: Math.max(0, limit - row._count.allocations),
  };
}

async function explain(tx: Tx, actor: AppUser, pair: { sessionId: string; caseId: string; retrospective: boolean }, today: IsoDate): Promise<Explained> {
  const preview = await checkAllocation(actor, { sessionId: pair.sessionId, caseId: pair.caseId, ...(pair.retrospective ? { retrospective: true } : {}) }, { tx, today });
  const refusals: Refusal[] = preview.ok ? preview.value.refusals : [{ code: "SESSION_IN_PAST", message: preview.message }];
  const warnings = preview.ok ? preview.value.warnings : [];
  return {
    standing: standingOf(
      refusals.map((r) => r.code),
      { isManager: actor.role === "MANAGER" },
    ),
    refusals,
    warnings,
    availabilityClash: warnings.some((w) => w.code === "AVAILABILITY_CLASH"),
    preferenceNotMet: warnings.some((w) => w.code === "WOMEN_ONLY_PREFERENCE"),
    beforeInduction: warnings.some((w) => w.code === "NO_INDUCTION_YET"),
  };
}

async function caseSummary(tx: Tx, actor: AppUser, caseId: string, today: IsoDate): Promise<CaseSummary & { regionId: string }> {
  const visible = await requireVisibleRequirement(tx, actor, caseId);
  const facts = await loadRequirementFacts(tx, visible.id, today);
  if (!facts) throw notFound("case");
  const person = await tx.person.findUniqueOrThrow({ where: { id: visible.personId }, select: { crn: true, firstName: true, lastName: true } });
  return {
    id: visible.id,
    regionId: visible.regionId,
    ...person,
    startDeadline: facts.view.startDeadline,
    commencedOn: facts.view.commencedOn,
    outstandingMinutes: facts.view.outstandingMinutes,
    effectiveEndDate: facts.view.effectiveEndDate,
  };
}

function withoutRegion(person: CaseSummary & { regionId: string }): CaseSummary {
  return {
    id: person.id,
    crn: person.crn,
    firstName: person.firstName,
    lastName: person.lastName,
    startDeadline: person.startDeadline,
    commencedOn: person.commencedOn,
    outstandingMinutes: person.outstandingMinutes,
    effectiveEndDate: person.effectiveEndDate,
  };
}

/**
 * Sessions for one case, ranked (session-choice.ts), each explained. Without `on`: the
 * scheduled sessions of the case's region from today for four weeks. With a past `on`: that
 * day's sessions, checked as retrospective bookings (entering a paper register).
 */
export async function suggestSessions(
  actor: AppUser,
  input: { caseId: string; on?: IsoDate | undefined },
  options?: ServiceOptions,
): Promise<ServiceResult<{ case: CaseSummary; from: IsoDate; to: IsoDate; retrospective: boolean; choices: SessionChoice[]; truncated: boolean }>> {
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const person = await caseSummary(tx, actor, input.caseId, today);
    const retrospective = input.on !== undefined && input.on < today;
    const from = input.on ?? today;
    const to = input.on ?? addDays(today, SUGGESTION_WINDOW_DAYS - 1);
    const rows = await tx.session.findMany({
      where: {
        AND: [
          visibleSessionsWhere(actor),
          { placement: { regionId: person.regionId } },
          { date: { gte: utcDateFromIsoDate(from), lte: utcDateFromIsoDate(to) } },
          { status: retrospective ? { in: ["SCHEDULED", "CLOSED"] } : "SCHEDULED" },
        ],
      },
      select: sessionSelect,
      orderBy: [{ date: "asc" }, { startTime: "asc" }],
      take: MAX_SESSIONS + 1,
    });
    const choices: SessionChoice[] = [];
    for (const row of rows.slice(0, MAX_SESSIONS)) {
      choices.push({ ...summarise(row), ...(await explain(tx, actor, { sessionId: row.id, caseId: person.id, retrospective }, today)) });
    }
    return success({ case: withoutRegion(person), from, to, retrospective, choices: rankSessionChoices(choices), truncated: rows.length > MAX_SESSIONS });
  });
}

/** One session for one case, explained (the booking page's "before you book"). */
export async function explainBooking(
  actor: AppUser,
  input: { caseId: string; sessionId: string },
  options?: ServiceOptions,
): Promise<ServiceResult<{ case: CaseSummary; session: SessionChoice & { pickUpPoint: string | null; pickUpTime: string | null }; futureSessionsInSeries: number }>> {
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const loaded = await caseSummary(tx, actor, input.caseId, today);
    const { regionId } = loaded;
    const person = withoutRegion(loaded);
    const visible = await requireVisibleSession(tx, actor, input.sessionId);
    if (visible.regionId !== regionId) throw notFound("session");
    const row = await tx.session.findUniqueOrThrow({ where: { id: visible.id }, select: { ...sessionSelect, pickUpPoint: true, pickUpTime: true } });
    const summary = summarise(row);
    const explained = await explain(tx, actor, { sessionId: row.id, caseId: person.id, retrospective: summary.date < today }, today);
    const futureSessionsInSeries = row.seriesId
      ? await tx.session.count({ where: { seriesId: row.seriesId, status: "SCHEDULED", date: { gte: utcDateFromIsoDate(today) } } })
      : 0;
    return success({ case: person, session: { ...summary, ...explained, pickUpPoint: row.pickUpPoint, pickUpTime: row.pickUpTime }, futureSessionsInSeries });
  });
}

export type PersonChoice = {
  caseId: string;
  crn: string;
  firstName: string;
  lastName: string;
  startDeadline: IsoDate;
  commencedOn: IsoDate | null;
} & Explained;

/**
 * "Add people" from a session: the region's active cases with a complete assessment that
 * match the search (name or CRN), not already on the session, each explained for this session.
 */
export async function suggestPeopleForSession(
  actor: AppUser,
  input: { sessionId: string; q?: string | undefined },
  options?: ServiceOptions,
): Promise<ServiceResult<{ session: SessionSummary; people: PersonChoice[]; truncated: boolean }>> {
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleSession(tx, actor, input.sessionId);
    const row = await tx.session.findUniqueOrThrow({ where: { id: visible.id }, select: sessionSelect });
    const session = summarise(row);
    const q = input.q?.trim() ?? "";
    const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
    const requirements = await tx.requirement.findMany({
      where: {
        AND: [
          visibleRequirementsWhere(actor),
          { regionId: visible.regionId, status: "ACTIVE", assessment: { is: { complete: true } } },
          { allocations: { none: { sessionId: visible.id, status: "BOOKED" } } },
          ...(q
            ? [
                {
                  OR: [
                    { person: { crn: { startsWith: likeLiteral(q.toUpperCase()) } } },
                    { AND: words.map((word) => ({ OR: [{ person: { firstName: { contains: likeLiteral(word), mode: "insensitive" as const } } }, { person: { lastName: { contains: likeLiteral(word), mode: "insensitive" as const } } }] })) },
                  ],
                },
              ]
            : []),
        ],
      },
      select: { id: true },
      orderBy: [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }],
      take: MAX_PEOPLE + 1,
    });
    const people: PersonChoice[] = [];
    for (const { id } of requirements.slice(0, MAX_PEOPLE)) {
      const person = await caseSummary(tx, actor, id, today);
      people.push({
        caseId: person.id,
        crn: person.crn,
        firstName: person.firstName,
        lastName: person.lastName,
        startDeadline: person.startDeadline,
        commencedOn: person.commencedOn,
        ...(await explain(tx, actor, { sessionId: visible.id, caseId: person.id, retrospective: session.date < today }, today)),
      });
    }
    const order: Record<SessionChoiceStanding, number> = { BOOKABLE: 0, NEEDS_DETAILS: 1, BLOCKED: 2 };
    people.sort((a, b) => order[a.standing] - order[b.standing]);
    return success({ session, people, truncated: requirements.length > MAX_PEOPLE });
  });
}

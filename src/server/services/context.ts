import "server-only";
import {
  calendarFrom,
  deriveRequirementStatus,
  isoDateFromUtcDate,
  policyOn,
  todayInLondon,
  type BankHolidayCalendar,
  type EnforcementAction,
  type IsoDate,
  type PlacementFeature,
  type PolicyOverrides,
  type RequirementFacts,
  type RequirementView,
  type RulePolicy,
  runsAfterOf,
} from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type {
  AbsenceReason,
  ApprovalState,
  EteReason,
  ManagedBy,
  OrderType,
  RequirementStatus,
  RoshLevel,
  SessionStatus,
} from "@/generated/prisma/enums";
import { notFound, visibleRequirementsWhere, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { loadRuleCommencements } from "@/server/rules/rule-commencements";
import { partnerCreditsOf, partnerCreditsSelect } from "./concurrent/partner-credits";

// What every service needs around the pure rules of src/domain: the rule parameters in force
// (bank holidays from the database, the region's over-subscription limit, an administrator's
// s.36 date), row locks so rules hold under concurrency, the facts the rule functions take,
// and the scoped lookups that turn "not yours" into not found.

/**
 * Options every service accepts: tests pass a fixed `today`; an API route passes the
 * transaction its wrapper opened (`tx`), so an idempotent request's key and the command
 * commit together. Without `tx` the service opens its own (see ./transaction.ts).
 */
export type ServiceOptions = { today?: IsoDate; tx?: Tx };

/** Today's date in Europe/London, unless the caller fixed it. */
export function todayFor(options?: ServiceOptions): IsoDate {
  return options?.today ?? todayInLondon();
}

export interface RuleContext {
  calendar: BankHolidayCalendar;
  policy: RulePolicy;
  /** The same overrides, for domain functions that call policyOn themselves (deriveRequirementStatus). */
  overrides: PolicyOverrides;
}

/** The bank holiday calendar: shipped and administrator-added dates from the BankHoliday table. */
export async function loadBankHolidayCalendar(tx: Tx): Promise<BankHolidayCalendar> {
  const rows = await tx.bankHoliday.findMany({ select: { date: true } });
  return calendarFrom(rows.map((row) => isoDateFromUtcDate(row.date)));
}

/** The rule context from facts already loaded (one region's over-subscription limit, the s.36 date). */
export function ruleContextFrom(
  calendar: BankHolidayCalendar,
  input: {
    on: IsoDate;
    overSubscriptionPercent: number | null;
    maxPeoplePerSupervisor?: number | null;
    twelveMonthPeriodAbolishedFrom: IsoDate | null;
    earnedReductionFrom?: IsoDate | null;
  },
): RuleContext {
  const overrides: PolicyOverrides = {
    ...(input.overSubscriptionPercent !== null ? { overSubscriptionPercent: input.overSubscriptionPercent } : {}),
    ...(input.maxPeoplePerSupervisor != null ? { maxPeoplePerSupervisor: input.maxPeoplePerSupervisor } : {}),
    twelveMonthPeriodAbolishedFrom: input.twelveMonthPeriodAbolishedFrom,
    earnedReductionFrom: input.earnedReductionFrom ?? null,
  };
  return { calendar, policy: policyOn(input.on, overrides), overrides };
}

/** The rule parameters in force on `on` for a region, with its over-subscription limit and the s.36 setting. */
export async function loadRuleContext(tx: Tx, input: { regionId: string; on: IsoDate }): Promise<RuleContext> {
  // One query at a time: a transaction is one connection (pg refuses overlapping queries on it).
  const calendar = await loadBankHolidayCalendar(tx);
  const region = await tx.region.findUnique({
    where: { id: input.regionId },
    select: { overSubscriptionPercent: true, maxPeoplePerSupervisor: true },
  });
  const commencements = await loadRuleCommencements(tx);
  return ruleContextFrom(calendar, {
    on: input.on,
    overSubscriptionPercent: region?.overSubscriptionPercent ?? null,
    maxPeoplePerSupervisor: region?.maxPeoplePerSupervisor ?? null,
    ...commencements,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot name a record, so it is simply not found. */
export const isUuid = (id: string): boolean => UUID.test(id);

/** Locks the requirement row until the transaction ends (R6 ETE cap, R7 completion, R10 booking). False if missing. */
export async function lockRequirement(tx: Tx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text AS id FROM "Requirement" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** Locks the session row until the transaction ends (R10 capacity). False if missing. */
export async function lockSession(tx: Tx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text AS id FROM "Session" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** Locks the person row (R10 double booking spans all of a person's requirements). False if missing. */
export async function lockPerson(tx: Tx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text AS id FROM "Person" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}

export interface AssessmentFacts {
  id: string;
  version: number;
  complete: boolean;
  rosh: RoshLevel | null;
  eteEligible: boolean;
  eteReason: EteReason | null;
  womenOnlyPreference: boolean;
  availability: unknown;
  employment: string | null;
  caringDuties: string | null;
  religiousObservance: string | null;
  riskCodes: { code: string; title: string; conflictsWith: PlacementFeature[] }[];
}

export type AttendanceFact = RequirementFacts["attendances"][number] & {
  id: string;
  allocationId: string;
  reasonCategory: AbsenceReason | null;
  approvalState: ApprovalState;
};

export type EnforcementActionFact = EnforcementAction & { id: string; orderId: string };

/**
 * A requirement as the domain's rule functions see it: `RequirementFacts` (pass it straight
 * to deriveRequirementStatus) plus the stored row's ids, cached totals and assessment, the
 * rule context for its region, and its view as of `asOf`.
 */
export interface LoadedRequirement extends RequirementFacts {
  id: string;
  personId: string;
  orderId: string;
  regionId: string;
  orderType: OrderType;
  managedBy: ManagedBy;
  version: number;
  /** Cached totals stored on the row (Attendance + EteCredit, same transaction). */
  storedMinutesCredited: number;
  storedMinutesEte: number;
  storedCommencedOn: IsoDate | null;
  assessment: AssessmentFacts | null;
  attendances: readonly AttendanceFact[];
  enforcementActions: readonly EnforcementActionFact[];
  rules: RuleContext;
  view: RequirementView;
}

/** What loadRequirementFacts reads of a requirement; list readers add their own fields to it. */
export const requirementFactsSelect = {
  id: true,
  personId: true,
  orderId: true,
  regionId: true,
  orderType: true,
  managedBy: true,
  version: true,
  sentenceDate: true,
  hoursOrdered: true,
  originalHoursOrdered: true,
  status: true,
  completedOn: true,
  terminatedOn: true,
  commencedOn: true,
  minutesCredited: true,
  minutesEte: true,
  assessment: {
    select: {
      id: true,
      version: true,
      complete: true,
      rosh: true,
      eteEligible: true,
      eteReason: true,
      womenOnlyPreference: true,
      availability: true,
      employment: true,
      caringDuties: true,
      religiousObservance: true,
      // In code order, so every reader (and the one-statement case list) lists them alike.
      riskCodes: {
        select: { title: true, conflictsWith: true, riskCode: { select: { code: true } } },
        orderBy: { riskCode: { code: "asc" } },
      },
    },
  },
  attendances: {
    select: {
      id: true,
      allocationId: true,
      sessionDate: true,
      outcome: true,
      minutesCredited: true,
      reasonCategory: true,
      approvalState: true,
      allocation: { select: { session: { select: { placement: { select: { type: true } } } } } },
    },
  },
  eteCredits: { select: { date: true, minutes: true } },
  extensions: { select: { grantedOn: true, newEndDate: true } },
  earnedReductionDecisions: { select: { decision: true, decidedOn: true, createdAt: true } },
  // R2/R4/R5: a consecutive requirement waits for the earlier one (order-sequence.ts runsAfterOf);
  // a concurrent one is credited by its partner's hours too (decision 0049).
  ...partnerCreditsSelect,
  // Withdrawn actions no longer count for R9 (their failure was corrected, or a manager withdrew them).
  enforcementActions: {
    where: { status: "ACTIVE" },
    select: {
      id: true,
      orderId: true,
      type: true,
      date: true,
      outcomes: { select: { outcome: true, date: true, newHoursOrdered: true } },
    },
  },
} satisfies Prisma.RequirementSelect;

export type RequirementFactsRow = Prisma.RequirementGetPayload<{ select: typeof requirementFactsSelect }>;

/** A stored requirement row as the rule functions see it (before its rule context and view). */
export function toRequirementFacts(
  row: RequirementFactsRow,
): RequirementFacts & Omit<LoadedRequirement, "rules" | "view"> {
  const iso = isoDateFromUtcDate;
  const closedOn = row.completedOn ?? row.terminatedOn;
  const { riskCodes, ...assessment } = row.assessment ?? { riskCodes: [] };
  return {
    id: row.id,
    personId: row.personId,
    orderId: row.orderId,
    regionId: row.regionId,
    orderType: row.orderType,
    managedBy: row.managedBy,
    version: row.version,
    storedMinutesCredited: row.minutesCredited,
    storedMinutesEte: row.minutesEte,
    storedCommencedOn: row.commencedOn ? iso(row.commencedOn) : null,
    sentenceDate: iso(row.sentenceDate),
    hoursOrdered: row.hoursOrdered,
    originalHoursOrdered: row.originalHoursOrdered,
    status: row.status,
    closedOn: closedOn ? iso(closedOn) : null,
    eteEligible: row.assessment?.eteEligible ?? false,
    assessment: row.assessment
      ? {
          ...(assessment as Omit<NonNullable<typeof row.assessment>, "riskCodes">),
          riskCodes: riskCodes.map((r) => ({ code: r.riskCode.code, title: r.title, conflictsWith: r.conflictsWith })),
        }
      : null,
    attendances: row.attendances.map((a) => ({
      id: a.id,
      allocationId: a.allocationId,
      date: iso(a.sessionDate),
      outcome: a.outcome,
      minutesCredited: a.minutesCredited,
      placementType: a.allocation.session.placement.type,
      reasonCategory: a.reasonCategory,
      approvalState: a.approvalState,
    })),
    eteCredits: row.eteCredits.map((c) => ({ date: iso(c.date), minutes: c.minutes })),
    extensions: row.extensions.map((e) => ({ grantedOn: iso(e.grantedOn), newEndDate: iso(e.newEndDate) })),
    earnedReductionDecisions: row.earnedReductionDecisions.map((d) => ({
      decision: d.decision,
      decidedOn: iso(d.decidedOn),
      recordedAt: d.createdAt.toISOString(),
    })),
    runsAfter: runsAfterOf(
      row.orderRelation,
      row.relatedRequirement
        ? {
            status: row.relatedRequirement.status,
            completedOn: row.relatedRequirement.completedOn ? iso(row.relatedRequirement.completedOn) : null,
            terminatedOn: row.relatedRequirement.terminatedOn ? iso(row.relatedRequirement.terminatedOn) : null,
          }
        : null,
    ),
    concurrentCredits: partnerCreditsOf(row, {
      sentenceDate: iso(row.sentenceDate),
      status: row.status,
      closedOn: row.terminatedOn ? iso(row.terminatedOn) : null,
    }),
    enforcementActions: row.enforcementActions.map((action) => ({
      id: action.id,
      orderId: action.orderId,
      type: action.type,
      date: iso(action.date),
      outcomes: action.outcomes.map((o) => ({
        outcome: o.outcome,
        date: iso(o.date),
        newHoursOrdered: o.newHoursOrdered,
      })),
    })),
  };
}

/** The rule context and the view as of `asOf`, for facts already loaded. */
export function withView(
  facts: RequirementFacts & Omit<LoadedRequirement, "rules" | "view">,
  rules: RuleContext,
  asOf: IsoDate,
): LoadedRequirement {
  const view = deriveRequirementStatus(facts, asOf, { calendar: rules.calendar, overrides: rules.overrides });
  return { ...facts, rules, view };
}

/** The facts of one requirement (no scope check: call requireVisibleRequirement first). Null if missing. */
export async function loadRequirementFacts(
  tx: Tx,
  requirementId: string,
  asOf: IsoDate,
): Promise<LoadedRequirement | null> {
  if (!isUuid(requirementId)) return null;
  const row = await tx.requirement.findUnique({ where: { id: requirementId }, select: requirementFactsSelect });
  if (!row) return null;
  const rules = await loadRuleContext(tx, { regionId: row.regionId, on: asOf });
  return withView(toRequirementFacts(row), rules, asOf);
}

export interface VisibleRequirement {
  id: string;
  regionId: string;
  personId: string;
  orderId: string;
  coordinatorId: string | null;
  status: RequirementStatus;
  version: number;
}

/** A requirement (case) the caller may see, or AccessError NOT_FOUND — never "forbidden" for records they cannot see. */
export async function requireVisibleRequirement(tx: Tx, actor: AppUser, id: string): Promise<VisibleRequirement> {
  if (!isUuid(id)) throw notFound("case");
  const requirement = await tx.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(actor), { id }] },
    select: {
      id: true,
      regionId: true,
      personId: true,
      orderId: true,
      coordinatorId: true,
      status: true,
      version: true,
    },
  });
  if (!requirement) throw notFound("case");
  return requirement;
}

export interface VisibleSession {
  id: string;
  placementId: string;
  regionId: string;
  date: IsoDate;
  startTime: string;
  endTime: string;
  supervisorId: string | null;
  capacity: number;
  status: SessionStatus;
  version: number;
}

const visibleSessionSelect = {
  id: true,
  placementId: true,
  date: true,
  startTime: true,
  endTime: true,
  supervisorId: true,
  capacity: true,
  status: true,
  version: true,
  placement: { select: { regionId: true } },
} satisfies Prisma.SessionSelect;

function toVisibleSession(row: Prisma.SessionGetPayload<{ select: typeof visibleSessionSelect }>): VisibleSession {
  const { placement, date, ...rest } = row;
  return { ...rest, date: isoDateFromUtcDate(date), regionId: placement.regionId };
}

/** A session the caller may see, or AccessError NOT_FOUND. */
export async function requireVisibleSession(tx: Tx, actor: AppUser, id: string): Promise<VisibleSession> {
  if (!isUuid(id)) throw notFound("session");
  const session = await tx.session.findFirst({
    where: { AND: [visibleSessionsWhere(actor), { id }] },
    select: visibleSessionSelect,
  });
  if (!session) throw notFound("session");
  return toVisibleSession(session);
}

import "server-only";
import {
  breachStateOn,
  checkWarningAllowed,
  enforcementDue,
  isoDateFromUtcDate,
  utcDateFromIsoDate,
  type EnforcementAction,
  type EnforcementType,
  type IsoDate,
  type RulePolicy,
} from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import type { EnforcementActionView } from "./enforcement.types";

// Internal helpers of the enforcement services (R9): the actions on an ORDER (a warning on
// any requirement of the order counts), the view of one action, and what a recorded failure
// to comply leads to. Not a service: no scope or role checks here — callers do them first.

const actionSelect = {
  id: true,
  requirementId: true,
  orderId: true,
  type: true,
  date: true,
  note: true,
  failureAttendanceId: true,
  failureDate: true,
  failureDescription: true,
  deliveredBy: true,
  status: true,
  withdrawnAt: true,
  withdrawalReason: true,
  version: true,
  outcomes: {
    select: { id: true, outcome: true, date: true, newHoursOrdered: true, newRequirementId: true },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
  },
} satisfies Prisma.EnforcementActionSelect;

export type StoredAction = Awaited<ReturnType<typeof loadOrderActionRows>>[number];

async function loadOrderActionRows(tx: Tx, where: { orderId: string } | { requirementId: string }) {
  return tx.enforcementAction.findMany({
    where,
    select: actionSelect,
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
}

/** Every warning and breach on the order (all its requirements), newest first. */
export async function loadOrderActions(tx: Tx, orderId: string): Promise<StoredAction[]> {
  return loadOrderActionRows(tx, { orderId });
}

/** The warnings and breaches of one requirement, newest first. */
export async function loadRequirementActions(tx: Tx, requirementId: string): Promise<StoredAction[]> {
  return loadOrderActionRows(tx, { requirementId });
}

/** A stored action as the domain's R9 functions take it. */
export function toDomainAction(action: StoredAction): EnforcementAction {
  return {
    type: action.type,
    date: isoDateFromUtcDate(action.date),
    outcomes: action.outcomes.map((o) => ({
      outcome: o.outcome,
      date: isoDateFromUtcDate(o.date),
      newHoursOrdered: o.newHoursOrdered,
    })),
    withdrawn: action.status === "WITHDRAWN",
  };
}

export function toActionView(action: StoredAction, asOf: IsoDate): EnforcementActionView {
  const state = breachStateOn(asOf, [toDomainAction(action)]);
  return {
    id: action.id,
    caseId: action.requirementId,
    orderId: action.orderId,
    type: action.type,
    date: isoDateFromUtcDate(action.date),
    note: action.note,
    attendanceId: action.failureAttendanceId,
    failureAttendanceId: action.failureAttendanceId,
    failureDate: action.failureDate ? isoDateFromUtcDate(action.failureDate) : null,
    failureDescription: action.failureDescription,
    deliveredBy: action.deliveredBy,
    status: action.status,
    withdrawnAt: action.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: action.withdrawalReason,
    outcomes: action.outcomes.map((o) => ({
      id: o.id,
      outcome: o.outcome,
      date: isoDateFromUtcDate(o.date),
      newHoursOrdered: o.newHoursOrdered,
      newCaseId: o.newRequirementId,
    })),
    openBreach: state.openBreach,
    underWarrant: state.underWarrant,
    version: action.version,
  };
}

export interface FailureResponse {
  enforcementDue: EnforcementType | null;
  enforcementAction?: { id: string; type: EnforcementType; date: IsoDate; caseId: string };
}

// R9
/**
 * What a failure to comply on `failureDate` calls for: a warning, or a breach when a warning
 * on the order is still live. Nothing is due when an action already answers this failure.
 * With the region's auto-enforcement on, the action is created now (dated `today`), in the
 * caller's transaction, with its audit row; a warning that would be a second one within 12
 * months of `today` becomes a breach referral instead.
 */
export async function respondToFailure(
  tx: Tx,
  actor: AppUser,
  input: {
    requirement: { id: string; orderId: string; regionId: string };
    attendanceId: string;
    failureDate: IsoDate;
    today: IsoDate;
    policy: RulePolicy;
  },
): Promise<FailureResponse> {
  const { requirement, attendanceId, failureDate, today, policy } = input;
  const answered = await tx.enforcementAction.findFirst({
    where: { failureAttendanceId: attendanceId, status: "ACTIVE" },
    select: { id: true },
  });
  if (answered) return { enforcementDue: null };
  const onOrder = (await loadOrderActions(tx, requirement.orderId)).map(toDomainAction);
  const due = enforcementDue(failureDate, onOrder, policy);
  const region = await tx.region.findUnique({ where: { id: requirement.regionId }, select: { autoEnforcement: true } });
  if (!region?.autoEnforcement) return { enforcementDue: due };

  const type: EnforcementType = due === "WARNING" && !checkWarningAllowed(today, onOrder, policy).ok ? "BREACH" : due;
  const created = await tx.enforcementAction.create({
    data: {
      requirementId: requirement.id,
      orderId: requirement.orderId,
      type,
      date: utcDateFromIsoDate(today),
      failureAttendanceId: attendanceId,
      failureDate: utcDateFromIsoDate(failureDate),
      note: "Created automatically when the failure to comply was recorded (region auto-enforcement).",
      createdById: actor.id,
    },
    select: { id: true, type: true, date: true },
  });
  await audit(tx, actor, {
    action: type === "WARNING" ? "enforcement.warning.auto" : "enforcement.breach.auto",
    entityType: "EnforcementAction",
    entityId: created.id,
    regionId: requirement.regionId,
    after: { requirementId: requirement.id, type, date: today, failureAttendanceId: attendanceId, failureDate },
  });
  return { enforcementDue: due, enforcementAction: { id: created.id, type, date: today, caseId: requirement.id } };
}

// Enforcement (R9), extensions (R3), reviews at 6 and 9 months, approvals (R8), case notes
// and incidents for one demo requirement, derived from its attendance history so that
// every warning and breach answers a recorded failure to comply.
import { addCalendarMonths, addDays, minIsoDate, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";
import type { HistoryResult } from "./history";
import type { Random } from "./random";
import type { CasePlan } from "./scenarios";
import type { DemoRows, RegionContext } from "./types";

export type CaseRef = {
  requirementId: string;
  orderId: string;
  region: RegionContext;
  coordinatorId: string;
  court: string;
};

/** Writes warnings/breaches/outcomes; returns the termination date for a revoked order. */
export function recordEnforcement(
  rng: Random,
  rows: DemoRows,
  today: IsoDate,
  plan: CasePlan,
  ref: CaseRef,
  history: HistoryResult,
): { revokedOn: IsoDate | null } {
  const manager = ref.region.staff.manager.id;
  const action = (
    type: "WARNING" | "BREACH",
    date: IsoDate,
    failure: HistoryResult["failures"][number],
    note: string,
  ) => {
    const id = rng.uuid();
    rows.enforcementActions.push({
      id,
      requirementId: ref.requirementId,
      orderId: ref.orderId,
      type,
      date: utcDateFromIsoDate(date),
      failureAttendanceId: failure.attendanceId,
      note,
      createdById: type === "WARNING" ? ref.coordinatorId : manager,
    });
    return id;
  };
  const outcome = (
    actionId: string,
    kind: "CONTINUE" | "HOURS_ADDED" | "REVOKED" | "WARRANT_ISSUED",
    date: IsoDate,
    newHoursOrdered: number | null = null,
  ) =>
    rows.enforcementOutcomes.push({
      id: rng.uuid(),
      actionId,
      outcome: kind,
      date: utcDateFromIsoDate(date),
      newHoursOrdered,
      recordedById: manager,
    });

  const [first, second] = history.failures;
  let revokedOn: IsoDate | null = null;
  if (!first || plan.enforcement === "NONE") return { revokedOn };
  const warnedOn = minIsoDate(addDays(first.date, rng.int(1, 4)), addDays(today, -1));
  action(
    "WARNING",
    warnedOn,
    first,
    `Warning letter sent for ${describe(first.outcome)} on ${first.date}. Another failure within 12 months of this warning can mean a return to court.`,
  );
  if (plan.enforcement === "WARNING" || !second) return { revokedOn };

  const breachOn = minIsoDate(addDays(second.date, rng.int(1, 5)), addDays(today, -1));
  const breachId = action(
    "BREACH",
    breachOn,
    second,
    `Breach laid after ${describe(second.outcome)} on ${second.date}, within 12 months of the warning of ${warnedOn}.`,
  );
  const courtDate = (days: number) => minIsoDate(addDays(breachOn, days), addDays(today, -1));
  if (plan.enforcement === "WARRANT") outcome(breachId, "WARRANT_ISSUED", courtDate(rng.int(14, 30)));
  if (plan.enforcement === "BREACH_CONTINUE") outcome(breachId, "CONTINUE", courtDate(rng.int(14, 28)));
  if (plan.enforcement === "BREACH_HOURS_ADDED")
    outcome(breachId, "HOURS_ADDED", courtDate(rng.int(14, 28)), plan.hoursOrdered);
  if (plan.enforcement === "REVOKED") {
    revokedOn = courtDate(plan.termination?.after ?? 28);
    outcome(breachId, "REVOKED", revokedOn);
  }
  return { revokedOn };
}

function describe(outcome: string): string {
  return outcome === "UNACCEPTABLE_ABSENCE"
    ? "an unacceptable absence"
    : outcome === "ATTENDED_SENT_HOME_BEHAVIOUR"
      ? "being sent home for behaviour"
      : "failing to comply on site";
}

export function recordExtension(rng: Random, rows: DemoRows, plan: CasePlan, ref: CaseRef): void {
  if (!plan.extension) return;
  rows.extensions.push({
    id: rng.uuid(),
    requirementId: ref.requirementId,
    grantedOn: utcDateFromIsoDate(plan.extension.grantedOn),
    newEndDate: utcDateFromIsoDate(plan.extension.newEndDate),
    court: ref.court,
    reason: rng.pick([
      "Period of illness (hospital admission) meant sessions could not be worked; court extended on application.",
      "Full-time work started; hours being completed at weekends. Extension granted on application.",
      "Placement capacity: no weekend places for three months. Court agreed an extension.",
    ]),
    createdById: ref.region.staff.manager.id,
  });
}

/** Reviews at 6 and 9 months (R3) while the requirement is open; a few are overdue. */
export function recordReviews(
  rng: Random,
  rows: DemoRows,
  today: IsoDate,
  sentenceDate: IsoDate,
  closedOn: IsoDate | null,
  ref: CaseRef,
): void {
  for (const [kind, months] of [
    ["SIX_MONTH", 6],
    ["NINE_MONTH", 9],
  ] as const) {
    const dueOn = addCalendarMonths(sentenceDate, months);
    if (closedOn && closedOn < dueOn) continue;
    if (dueOn > addDays(today, 60)) continue;
    const done = dueOn < today && rng.chance(0.8);
    const completedOn = done ? minIsoDate(addDays(dueOn, rng.int(-10, 7)), addDays(today, -1)) : null;
    rows.reviews.push({
      id: rng.uuid(),
      requirementId: ref.requirementId,
      kind,
      dueOn: utcDateFromIsoDate(dueOn),
      completedOn: completedOn ? utcDateFromIsoDate(completedOn) : null,
      note: done
        ? rng.pick([
            "Progress reviewed with the practitioner; on course to finish in time.",
            "Reviewed: pace too slow, second day a week offered.",
            "Reviewed with the person; ETE hours discussed.",
          ])
        : null,
      completedById: done ? ref.coordinatorId : null,
    });
  }
}

export function recordThirdAbsenceApproval(
  rng: Random,
  rows: DemoRows,
  history: HistoryResult,
  ref: CaseRef,
  state: "PENDING" | "APPROVED",
): void {
  const third = history.thirdAbsence;
  if (!third) return;
  rows.approvals.push({
    id: rng.uuid(),
    kind: "ACCEPTED_ABSENCE",
    status: state,
    requirementId: ref.requirementId,
    regionId: ref.region.id,
    attendanceId: third.attendanceId,
    allocationId: third.allocationId,
    reason: "Third accepted absence on this requirement: hospital appointment, letter to follow.",
    requestedById: ref.coordinatorId,
    requestedAt: new Date(`${third.date}T17:00:00Z`),
    decidedById: state === "APPROVED" ? ref.region.staff.manager.id : null,
    decidedAt: state === "APPROVED" ? new Date(`${addDays(third.date, 2)}T10:00:00Z`) : null,
    decisionNote: state === "APPROVED" ? "Hospital letter seen. Approved." : null,
  });
}

const NOTES = [
  "Phoned to confirm next work session and pick-up point.",
  "Work instruction posted and emailed.",
  "Asked for Saturday sessions because of new job (Monday–Friday days). Moved to the Saturday work party.",
  "Good feedback from the beneficiary: reliable and shows others what to do.",
  "Discussed ETE: interested in the CSCS card course.",
  "Reminded about the absence rules and the need for evidence.",
];
const SENSITIVE_NOTES = [
  "Disclosed being a victim of domestic abuse by current partner. Do not send letters to the home address; use the mobile only.",
  "Mental health crisis team involved since last month; practitioner informed. Check in at the start of each session.",
  "Close relative of a member of staff in this PDU; case to be handled by the other coordinator.",
];

export function recordNotes(rng: Random, rows: DemoRows, sentenceDate: IsoDate, today: IsoDate, ref: CaseRef): void {
  const count = rng.weighted([
    [0, 3],
    [1, 4],
    [2, 3],
    [3, 1],
  ]);
  for (let i = 0; i < count; i++) {
    const on = minIsoDate(addDays(sentenceDate, rng.int(1, 200)), today);
    const sensitive = rng.chance(0.1);
    rows.notes.push({
      id: rng.uuid(),
      requirementId: ref.requirementId,
      body: sensitive ? rng.pick(SENSITIVE_NOTES) : rng.pick(NOTES),
      sensitive,
      authorId: sensitive ? ref.region.staff.manager.id : ref.coordinatorId,
      createdAt: new Date(`${on}T${String(9 + i).padStart(2, "0")}:20:00Z`),
    });
  }
}

/** An incident for each person sent home for behaviour. */
export function recordIncidents(rng: Random, rows: DemoRows, history: HistoryResult, ref: CaseRef): void {
  for (const failure of history.failures) {
    if (failure.outcome !== "ATTENDED_SENT_HOME_BEHAVIOUR") continue;
    rows.incidents.push({
      id: rng.uuid(),
      sessionId: failure.slot.id,
      requirementId: ref.requirementId,
      type: rng.pick(["BEHAVIOUR", "THREAT_TO_STAFF"] as const),
      occurredAt: new Date(`${failure.date}T11:20:00Z`),
      description:
        "Became abusive when asked to return to the task after a break; swore at another person on the group and was sent home at 11:30.",
      recordedById: failure.slot.supervisorId || null,
    });
  }
}

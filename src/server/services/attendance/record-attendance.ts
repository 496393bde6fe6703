import "server-only";
import {
  checkAttendanceDetails,
  checkOutcomeAllowed,
  checkOutcomeRecordable,
  countsTowardsAbsenceLimit,
  creditForOutcome,
  initialApprovalState,
  isAttendedOutcome,
  isFailureToComply,
  policyOn,
  utcDateFromIsoDate,
  type ApprovalState,
} from "@/domain";
import { assertCan, notFound, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { lockRequirementWithPartners, recomputeConcurrentPartners } from "../concurrent/pair-totals";
import { loadRequirementFacts } from "../load-requirement-facts";
import { requireVisibleRequirement, requireVisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { respondToFailure, type FailureResponse } from "../enforcement/order-enforcement";
import { withdrawActionsIfNoLongerFailure } from "../enforcement/withdraw-on-correction";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { settleApproval } from "./absence-approval";
import { attendanceSelect, findAttendance, forCaller, toView } from "./attendance-row";
import { requirementTotals, saveRequirementTotals } from "./requirement-totals";
import { attendanceConflict, unversionedChangeConflicts } from "./supervisor-correction";
import {
  recordAttendanceInput,
  type RecordAttendanceInput,
  type RecordAttendanceResult,
} from "./record-attendance.types";

// R7 / R8 / R9
/**
 * Records (or corrects) the outcome of one booking: who may is the session's own supervisor,
 * or a coordinator or manager of the region. Credits time for attended outcomes, puts a 3rd+
 * accepted absence to a manager, recomputes the case's totals from every row, and says which
 * enforcement a failure to comply calls for (creating it when the region auto-enforces).
 */
export async function recordAttendance(
  actor: AppUser,
  rawInput: RecordAttendanceInput,
  options?: ServiceOptions,
): Promise<CommandResult<RecordAttendanceResult>> {
  const input = recordAttendanceInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    // Scoped lookups: a supervisor sees only their own sessions and the people on them.
    const session = await requireVisibleSession(tx, actor, input.sessionId);
    const visible = await requireVisibleRequirement(tx, actor, input.caseId);
    const allocation = await tx.allocation.findUnique({
      where: { sessionId_requirementId: { sessionId: session.id, requirementId: visible.id } },
      select: { id: true, status: true, session: { select: { placement: { select: { type: true } } } } },
    });
    if (!allocation || allocation.status !== "BOOKED") throw notFound("booking");
    assertCan(actor, "attendance.record");
    // A closed register is final for the supervisor; the office may still correct it. FOR SHARE
    // waits for a close in progress (close-session takes the row FOR UPDATE).
    const [sessionState] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM "Session" WHERE id = ${session.id}::uuid FOR SHARE`;
    if (sessionState?.status === "CLOSED" && actor.role === "SUPERVISOR") {
      return failure(
        "SESSION_CLOSED",
        "This session has been closed, so its attendance can no longer be changed here. Phone the office to correct it.",
      );
    }
    if (sessionState?.status === "STOOD_DOWN" && actor.role === "SUPERVISOR") {
      return failure(
        "SESSION_STOOD_DOWN",
        "This session was stood down, so everyone booked has an acceptable absence. Phone the office if someone came.",
      );
    }

    // Serialises every change to this case's credit, approvals and completion (R6–R9), and its
    // concurrent order's, which this credit credits too (0049).
    await lockRequirementWithPartners(tx, visible.id);
    const existing = await findAttendance(tx, allocation.id);
    if (existing && input.version !== undefined && existing.version !== input.version)
      return attendanceConflict(forCaller(toView(existing, session.id), actor, visible.coordinatorId, false));
    const facts = await loadRequirementFacts(tx, visible.id, today);
    if (!facts) throw notFound("case");
    const { policy } = facts.rules;

    if (facts.status === "TERMINATED" && facts.closedOn && session.date > facts.closedOn) {
      return failure(
        "REQUIREMENT_NOT_ACTIVE",
        "This requirement ended before the session, so no outcome can be recorded for it.",
      );
    }
    const allowed = checkOutcomeAllowed(input.outcome, session.date, today);
    if (!allowed.ok) return failure(allowed);
    const recordable = checkOutcomeRecordable({
      outcome: input.outcome,
      recordedBy: actor.role === "SUPERVISOR" ? "SUPERVISOR" : "OFFICE",
      sessionDate: session.date,
      sentenceDate: facts.sentenceDate,
    });
    if (!recordable.ok) return failure(recordable);
    const details = checkAttendanceDetails({ ...input, note: input.note === undefined ? existing?.note : input.note });
    if (!details.ok) return failure(details);
    const timesGiven = input.arrivedAt != null || input.leftAt != null || input.penaltyMinutes != null;
    if (input.minutesCredited != null && timesGiven) {
      return invalidInput(
        "minutesCredited",
        "Enter either the times they arrived and left, or the minutes to credit — not both.",
      );
    }
    const sessionTimes = { startTime: session.startTime, endTime: session.endTime };
    // The policy in force on the session's date (a minimum credit for a stand-down is dated).
    const credit = creditForOutcome({ ...input, session: sessionTimes }, policyOn(session.date, facts.rules.overrides));
    if (!credit.ok) return failure(credit);
    // A supervisor's phone may send a first recording long after it was made (offline outbox):
    // if the office recorded this booking meanwhile, the phone's copy must not overwrite it unseen.
    // The supervisor's own earlier record (sent from the phone before this change) is not a conflict.
    if (existing && input.version === undefined && (await unversionedChangeConflicts(tx, actor, existing.id))) {
      return attendanceConflict(forCaller(toView(existing, session.id), actor, visible.coordinatorId, false));
    }

    // R8: the 3rd+ accepted absence (not counting STOOD_DOWN) waits for a manager's approval.
    const others = facts.attendances.filter((a) => a.allocationId !== allocation.id);
    const priorAccepted = others.filter((a) =>
      countsTowardsAbsenceLimit(a.outcome, a.reasonCategory, a.approvalState),
    ).length;
    let approvalState: ApprovalState = initialApprovalState(input.outcome, input.reasonCategory, priorAccepted, policy);
    const stillCounted =
      existing && countsTowardsAbsenceLimit(existing.outcome, existing.reasonCategory, existing.approvalState);
    if (approvalState === "PENDING" && stillCounted && existing.approvalState !== "NOT_NEEDED") {
      approvalState = existing.approvalState; // a correction keeps a manager's approval, or the request already waiting
    }

    const attended = isAttendedOutcome(input.outcome);
    const byTimes = attended && input.minutesCredited == null;
    const data = {
      outcome: input.outcome,
      arrivedAt: byTimes ? (input.arrivedAt ?? session.startTime) : null,
      leftAt: byTimes ? (input.leftAt ?? session.endTime) : null,
      penaltyMinutes: byTimes ? (input.penaltyMinutes ?? 0) : 0,
      // Time worked (≤ the session's length); the case total caps it at the required minutes.
      minutesCredited: credit.value,
      workQuality: attended ? (input.workQuality ?? null) : null,
      behaviour: attended ? (input.behaviour ?? null) : null,
      reasonCategory: input.outcome === "ACCEPTABLE_ABSENCE" ? (input.reasonCategory ?? null) : null,
      // A correction that leaves the note out keeps the note recorded (a supervisor cannot read a sensitive one back).
      note: input.note === undefined && existing ? existing.note : (input.note ?? null),
      // Domain §2: a sensitive note cannot be un-marked.
      noteSensitive: (input.noteSensitive ?? false) || (existing?.noteSensitive ?? false),
      approvalState,
      recordedById: actor.id,
    };
    const row = existing
      ? await tx.attendance.update({
          where: { id: existing.id },
          data: { ...data, version: { increment: 1 } },
          select: attendanceSelect,
        })
      : await tx.attendance.create({
          data: {
            ...data,
            allocationId: allocation.id,
            requirementId: visible.id,
            sessionDate: utcDateFromIsoDate(session.date),
          },
          select: attendanceSelect,
        });

    // R7: totals from every row, so a correction re-opens a completed case when it drops below.
    const placementType = allocation.session.placement.type;
    const totals = requirementTotals({
      hoursOrdered: facts.hoursOrdered,
      status: facts.status,
      attendances: [
        ...others,
        { date: session.date, outcome: row.outcome, minutesCredited: row.minutesCredited, placementType },
      ],
      eteCredits: facts.eteCredits,
      earnedReductionDecisions: facts.earnedReductionDecisions,
      rules: facts.rules,
      concurrentCredits: facts.concurrentCredits,
    });
    await saveRequirementTotals(tx, visible.id, totals);
    await recomputeConcurrentPartners(tx, visible.id, today);

    const approval = await settleApproval(tx, actor, {
      attendance: row,
      regionId: visible.regionId,
      allocationId: allocation.id,
    });
    // R9: a failure corrected to an acceptable outcome withdraws the action that answered it.
    const withdrawnEnforcement = existing
      ? await withdrawActionsIfNoLongerFailure(tx, actor, {
          attendanceId: row.id,
          outcome: row.outcome,
          approvalState: row.approvalState,
          regionId: visible.regionId,
        })
      : [];
    const enforcement: FailureResponse = isFailureToComply(row.outcome, row.approvalState)
      ? await respondToFailure(tx, actor, {
          requirement: { id: visible.id, orderId: visible.orderId, regionId: visible.regionId },
          attendanceId: row.id,
          failureDate: session.date,
          today,
          policy,
        })
      : { enforcementDue: null };

    await audit(tx, actor, {
      action: existing ? "attendance.correct" : "attendance.record",
      entityType: "Attendance",
      entityId: row.id,
      regionId: visible.regionId,
      before: existing ? { ...toView(existing, session.id), case: caseTotalsOf(facts) } : undefined,
      after: { ...toView(row, session.id), case: totals, enforcementDue: enforcement.enforcementDue },
    });

    return success({
      attendance: forCaller(
        toView(row, session.id),
        actor,
        visible.coordinatorId,
        input.note != null && input.note === row.note,
      ),
      enforcementDue: enforcement.enforcementDue,
      ...(enforcement.enforcementAction ? { enforcementAction: enforcement.enforcementAction } : {}),
      ...(approval ? { approval } : {}),
      ...(withdrawnEnforcement.length > 0 ? { withdrawnEnforcement } : {}),
    });
  });
}

function caseTotalsOf(facts: {
  storedMinutesCredited: number;
  storedCommencedOn: string | null;
  status: string;
  closedOn?: string | null;
}) {
  return {
    minutesCredited: facts.storedMinutesCredited,
    commencedOn: facts.storedCommencedOn,
    status: facts.status,
    closedOn: facts.closedOn ?? null,
  };
}

// R8's approval threshold, apart from the outcome vocabulary so the supervisor's phone (which
// needs the outcomes, not the policy) does not download the dated policy tables.
import { DEFAULT_POLICY, type RulePolicy } from "./policy";
import type { AbsenceReason, ApprovalState, AttendanceOutcome } from "./attendance-outcomes";

// R8
/** True from the 3rd accepted absence on a requirement (STOOD_DOWN not counted): a manager must approve it. */
export function acceptableAbsenceNeedsApproval(
  priorAcceptedAbsencesExcludingStoodDown: number,
  policy: RulePolicy = DEFAULT_POLICY,
): boolean {
  return priorAcceptedAbsencesExcludingStoodDown >= policy.acceptedAbsencesBeforeApproval;
}

// R8
/** The approval state a newly recorded (or corrected) outcome starts in. */
export function initialApprovalState(
  outcome: AttendanceOutcome,
  reason: AbsenceReason | null | undefined,
  priorAcceptedAbsencesExcludingStoodDown: number,
  policy: RulePolicy = DEFAULT_POLICY,
): ApprovalState {
  if (outcome !== "ACCEPTABLE_ABSENCE" || reason === "STOOD_DOWN") return "NOT_NEEDED";
  return acceptableAbsenceNeedsApproval(priorAcceptedAbsencesExcludingStoodDown, policy) ? "PENDING" : "NOT_NEEDED";
}

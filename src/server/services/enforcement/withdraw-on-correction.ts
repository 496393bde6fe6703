import "server-only";
import { withdrawsEnforcement, type ApprovalState, type AttendanceOutcome, type EnforcementType } from "@/domain";
import type { AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";

export type WithdrawnAction = { id: string; type: EnforcementType };

// R9 (second round)
/**
 * When the failure behind a warning or breach is corrected to an outcome that is not a failure
 * to comply (an acceptable absence that stands), the action is withdrawn in the caller's
 * transaction, audited with the reason: its letter is void and the next failure counts as a
 * first. A breach the court has already decided stays (the court's decision is history).
 * Called by the services that change an attendance's outcome or standing; kept apart from them
 * so each calls it in one line.
 */
export async function withdrawActionsIfNoLongerFailure(
  tx: Tx,
  actor: AppUser,
  input: { attendanceId: string; outcome: AttendanceOutcome; approvalState: ApprovalState; regionId: string },
): Promise<WithdrawnAction[]> {
  if (!withdrawsEnforcement(input.outcome, input.approvalState)) return [];
  const standing = await tx.enforcementAction.findMany({
    where: { failureAttendanceId: input.attendanceId, status: "ACTIVE", outcomes: { none: {} } },
    select: { id: true, type: true, version: true },
  });
  const reason = `The failure to comply was corrected to "${describe(input.outcome)}", so this warning or breach no longer stands.`;
  const withdrawnAt = new Date();
  for (const action of standing) {
    await tx.enforcementAction.update({
      where: { id: action.id },
      data: {
        status: "WITHDRAWN",
        withdrawnAt,
        withdrawnById: actor.id,
        withdrawalReason: reason,
        version: { increment: 1 },
      },
    });
    await audit(tx, actor, {
      action: "enforcement.withdraw",
      entityType: "EnforcementAction",
      entityId: action.id,
      regionId: input.regionId,
      before: { status: "ACTIVE", version: action.version },
      after: { status: "WITHDRAWN", reason, automatic: true, attendanceId: input.attendanceId, outcome: input.outcome },
    });
  }
  return standing.map(({ id, type }) => ({ id, type }));
}

function describe(outcome: AttendanceOutcome): string {
  return outcome === "ACCEPTABLE_ABSENCE"
    ? "acceptable absence"
    : outcome === "ATTENDED_COMPLIED"
      ? "attended and complied"
      : "not a failure to comply";
}

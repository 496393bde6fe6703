import "server-only";
import type { AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";

// R8 (second round): four eyes. The person who recorded or corrected the outcome an approval is
// about — or who asked for the approval — cannot decide it; another manager must.

/** True when `actor` had no hand in what the approval is about. */
export async function decidedByAnotherPerson(
  tx: Tx,
  actor: AppUser,
  approval: { id: string; attendanceId: string | null },
): Promise<boolean> {
  const request = await tx.approval.findUniqueOrThrow({ where: { id: approval.id }, select: { requestedById: true } });
  if (request.requestedById === actor.id) return false;
  if (!approval.attendanceId) return true;
  const attendance = await tx.attendance.findUnique({
    where: { id: approval.attendanceId },
    select: { recordedById: true },
  });
  if (attendance?.recordedById === actor.id) return false;
  // Every earlier recording or correction of the outcome is in the audit trail.
  const touched = await tx.auditEvent.count({
    where: {
      entityType: "Attendance",
      entityId: approval.attendanceId,
      actorId: actor.id,
      action: { in: ["attendance.record", "attendance.correct"] },
    },
  });
  return touched === 0;
}

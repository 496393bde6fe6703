import "server-only";
import type { AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import type { Tx } from "@/server/db/create-client";
import type { AttendanceRow } from "./attendance-row";
import type { RecordAttendanceResult } from "./record-attendance.types";

// R8
/**
 * Keeps the ACCEPTED_ABSENCE approval in step with the attendance: one pending request while
 * it is PENDING; a request that a correction made unnecessary is withdrawn (deleted, audited —
 * ApprovalStatus has no WITHDRAWN value).
 */
export async function settleApproval(
  tx: Tx,
  actor: AppUser,
  input: { attendance: AttendanceRow; regionId: string; allocationId: string },
): Promise<RecordAttendanceResult["approval"]> {
  const { attendance, regionId, allocationId } = input;
  const select = { id: true, kind: true, status: true, version: true } as const;
  const pending = await tx.approval.findFirst({
    where: { attendanceId: attendance.id, kind: "ACCEPTED_ABSENCE", status: "PENDING" },
    select,
  });
  if (attendance.approvalState === "PENDING") {
    if (pending) return pending;
    const created = await tx.approval.create({
      data: {
        kind: "ACCEPTED_ABSENCE",
        requirementId: attendance.requirementId,
        regionId,
        attendanceId: attendance.id,
        allocationId,
        reason: attendance.note,
        requestedById: actor.id,
      },
      select,
    });
    await audit(tx, actor, {
      action: "approval.request",
      entityType: "Approval",
      entityId: created.id,
      regionId,
      after: {
        kind: created.kind,
        attendanceId: attendance.id,
        reasonCategory: attendance.reasonCategory,
        note: attendance.note,
      },
    });
    return created;
  }
  if (pending) {
    await tx.approval.delete({ where: { id: pending.id } });
    await audit(tx, actor, {
      action: "approval.withdraw",
      entityType: "Approval",
      entityId: pending.id,
      regionId,
      before: { ...pending, attendanceId: attendance.id },
      after: { reason: "The attendance was corrected and no longer needs a manager's approval" },
    });
  }
  return undefined;
}

import "server-only";
import { isoDateFromUtcDate } from "@/domain";
import { seesSensitiveNotes, type AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import type { AttendanceView } from "./record-attendance.types";

// One attendance record as recordAttendance reads, returns and shows it to its caller.

export const attendanceSelect = {
  id: true,
  allocationId: true,
  requirementId: true,
  sessionDate: true,
  outcome: true,
  arrivedAt: true,
  leftAt: true,
  penaltyMinutes: true,
  minutesCredited: true,
  workQuality: true,
  behaviour: true,
  reasonCategory: true,
  note: true,
  noteSensitive: true,
  approvalState: true,
  version: true,
} as const;

export type AttendanceRow = NonNullable<Awaited<ReturnType<typeof findAttendance>>>;

export function findAttendance(tx: Tx, allocationId: string) {
  return tx.attendance.findUnique({ where: { allocationId }, select: attendanceSelect });
}

export function toView(row: AttendanceRow, sessionId: string): AttendanceView {
  const { sessionDate, requirementId, ...rest } = row;
  return { ...rest, sessionId, caseId: requirementId, sessionDate: isoDateFromUtcDate(sessionDate) };
}

/**
 * A sensitive note is for managers and the case's own coordinator: anyone else's reply (a
 * supervisor, another coordinator of the region) leaves it out, as the roster and case page do —
 * unless they wrote it in this very request (the reply only echoes what they sent). The
 * idempotency store keeps this reply, so a replay shows no more than the first reply did.
 */
export function forCaller(
  view: AttendanceView,
  actor: AppUser,
  caseCoordinatorId: string | null,
  noteSentNow: boolean,
): AttendanceView {
  return view.noteSensitive && !noteSentNow && !seesSensitiveNotes(actor, caseCoordinatorId)
    ? { ...view, note: null }
    : view;
}

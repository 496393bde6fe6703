import "server-only";
import type { AppUser } from "@/server/auth/access";
import type { Tx } from "@/server/db/create-client";
import { failure, type ServiceFailure } from "../result";
import type { AttendanceView } from "./record-attendance.types";

// How a change to an attendance already recorded is told apart from a real conflict
// (docs/decisions/0024-supervisor-corrections-and-the-outbox.md). Kept apart from
// record-attendance.ts so the rules of crediting and the rules of conflicts change separately.

/**
 * Whether a change sent without `version` must be refused as a conflict. The office always sends
 * the version it read. A supervisor's phone may send a change made before its first record was
 * answered (no signal): that is their own earlier record, not a conflict. Anything recorded or
 * corrected by someone else since (the office, or another account) is a real conflict.
 */
export async function unversionedChangeConflicts(tx: Tx, actor: AppUser, attendanceId: string): Promise<boolean> {
  if (actor.role !== "SUPERVISOR") return false;
  const row = await tx.attendance.findUnique({ where: { id: attendanceId }, select: { recordedById: true } });
  return row?.recordedById !== actor.id;
}

/** 409 with both values: the record as the server has it now goes back beside the refusal, so the phone can show both and offer a choice. */
export function attendanceConflict(current: AttendanceView): ServiceFailure {
  return failure(
    "STALE_VERSION",
    "This attendance was changed by someone else after you last saw it. Reload it to see their changes (the current record is in details.current), then try again.",
    { field: "version", details: { record: "attendance", current } },
  );
}

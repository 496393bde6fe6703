import type { AbsenceReason, AttendanceOutcome } from "@/domain/attendance-outcomes";
import type { WorkRating } from "@/domain/vocabulary";
import type { OutboxRecord } from "@/ui/offline/outbox";

// One person's attendance as the supervisor's roster shows it: what the server has saved (from
// the page, or from the outbox's reply since), and the record still on its way or refused.

export type AttendanceSnapshot = {
  outcome: AttendanceOutcome;
  arrivedAt: string | null;
  leftAt: string | null;
  penaltyMinutes: number;
  minutesCredited: number;
  workQuality: WorkRating | null;
  behaviour: WorkRating | null;
  reasonCategory: AbsenceReason | null;
  /** Null when there is none, or when it is sensitive (the supervisor cannot read it back). */
  note: string | null;
  noteHidden: boolean;
  noteSensitive: boolean;
  version: number;
};

/** The body of PUT /api/v1/sessions/{id}/attendance/{caseId} as the roster sends it. */
export type AttendanceBody = {
  outcome: AttendanceOutcome;
  arrivedAt?: string | null;
  leftAt?: string | null;
  penaltyMinutes?: number | null;
  workQuality?: WorkRating | null;
  behaviour?: WorkRating | null;
  reasonCategory?: AbsenceReason | null;
  note?: string | null;
  noteSensitive?: boolean;
  version?: number;
};

type SentAttendance = Omit<AttendanceSnapshot, "noteHidden">;

const attendanceRecords = (records: readonly OutboxRecord[], caseId: string) =>
  records.filter((record) => record.kind === "attendance" && record.caseId === caseId);

/** What the server has saved for this person: the newest version seen, on the page or in a reply. */
export function savedAttendance(
  initial: AttendanceSnapshot | null,
  records: readonly OutboxRecord[],
  caseId: string,
): AttendanceSnapshot | null {
  let saved = initial;
  for (const record of attendanceRecords(records, caseId)) {
    if (record.state !== "sent") continue;
    const sent = (record.response as { attendance?: SentAttendance } | null)?.attendance;
    if (!sent || (saved && sent.version < saved.version)) continue;
    // The server leaves a sensitive note out of a supervisor's reply: marked sensitive means one is recorded.
    const noteHidden = sent.noteSensitive;
    saved = { ...sent, note: sent.noteSensitive ? null : sent.note, noteHidden };
  }
  return saved;
}

/** The newest record for this person not yet accepted by the server (waiting, sending or refused), if newer than any accepted. */
export function unsentAttendance(records: readonly OutboxRecord[], caseId: string): OutboxRecord | undefined {
  const mine = attendanceRecords(records, caseId);
  const last = mine.at(-1);
  return last && last.state !== "sent" ? last : undefined;
}

// Who may record which outcome, and when (R7/R8 made exact): a supervisor on site records
// what they saw — the attended outcomes and "did not attend" (UNACCEPTABLE_ABSENCE); whether
// an absence was acceptable is the office's decision on evidence, made as a correction. No
// outcome may be recorded for a session dated before the sentence date.

import { SUPERVISOR_OUTCOMES, type AttendanceOutcome } from "./attendance-outcomes";
import type { IsoDate } from "./dates";
import { ok, refuse, type RuleResult } from "./rule-codes";
import { checkNotBeforeSentence } from "./sentence-checks";

// Defined beside the outcomes, so the supervisor's phone can read it without this module's imports.
export { SUPERVISOR_OUTCOMES };

/** Who records: the session's supervisor, or the office (a coordinator or manager). */
export type RecordedBy = "SUPERVISOR" | "OFFICE";

// R8
export function checkOutcomeRecordable(input: {
  outcome: AttendanceOutcome;
  recordedBy: RecordedBy;
  sessionDate: IsoDate;
  sentenceDate: IsoDate;
}): RuleResult<undefined> {
  const dated = checkNotBeforeSentence({
    date: input.sessionDate,
    sentenceDate: input.sentenceDate,
    what: "This session",
    field: "sessionId",
  });
  if (!dated.ok) return dated;
  if (input.recordedBy === "SUPERVISOR" && !SUPERVISOR_OUTCOMES.includes(input.outcome)) {
    return refuse(
      "OUTCOME_NOT_ALLOWED",
      'Record "did not attend" (unacceptable absence). Whether an absence was acceptable is decided by the office on evidence: tell the coordinator what you know.',
      { field: "outcome", details: { outcome: input.outcome, allowed: SUPERVISOR_OUTCOMES } },
    );
  }
  return ok();
}

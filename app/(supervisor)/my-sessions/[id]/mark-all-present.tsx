"use client";

import { useState } from "react";
import { submitRecord, useOutbox } from "@/ui/offline/outbox";
import { savedAttendance, unsentAttendance, type AttendanceBody, type AttendanceSnapshot } from "@/ui/supervisor/attendance-snapshot";

// "Mark all present" then adjust the exceptions: one PUT per person not yet recorded, each through
// the outbox with its own Idempotency-Key, so a lost connection halfway loses or doubles nobody.
// The explanation around the button is server-rendered by the page (the roster's JavaScript budget).

/** What "present" means when the supervisor has not said otherwise (docs/decisions/0013). */
export const PRESENT_DEFAULTS = { outcome: "ATTENDED_COMPLIED", workQuality: "SATISFACTORY", behaviour: "SATISFACTORY" } as const;

type Person = { caseId: string; name: string; initial: AttendanceSnapshot | null };

export function MarkAllPresent({ sessionId, startTime, endTime, people }: { sessionId: string; startTime: string; endTime: string; people: Person[] }) {
  const records = useOutbox(sessionId);
  const [marked, setMarked] = useState<number | null>(null);
  const unrecorded = people.filter((person) => !savedAttendance(person.initial, records, person.caseId) && !unsentAttendance(records, person.caseId));
  const times = `${startTime}–${endTime}`;

  const markAll = () => {
    const body: AttendanceBody = { ...PRESENT_DEFAULTS, arrivedAt: startTime, leftAt: endTime, penaltyMinutes: 0 };
    for (const person of unrecorded) {
      void submitRecord({
        kind: "attendance",
        method: "PUT",
        url: `/api/v1/sessions/${sessionId}/attendance/${person.caseId}`,
        body,
        label: `Attendance for ${person.name}`,
        sessionId,
        caseId: person.caseId,
      });
    }
    setMarked(unrecorded.length);
  };

  return (
    <>
      <button type="button" className="button mb-0 w-full sm:w-auto" onClick={markAll} disabled={unrecorded.length === 0}>
        Mark all present {times}
      </button>
      <p className="mb-0 mt-2" aria-live="polite">
        {marked !== null
          ? `${marked === 1 ? "1 person" : `${marked} people`} marked present.`
          : unrecorded.length === 0
            ? "Everyone has an attendance record."
            : ""}
      </p>
    </>
  );
}

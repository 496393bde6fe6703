"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { discardRecord, submitRecord, useOutbox } from "@/ui/offline/outbox";
import { savedAttendance, unsentAttendance, type AttendanceSnapshot } from "@/ui/supervisor/attendance-snapshot";

// Closing the session: the register is complete and the office sees it as done. Sent through the
// outbox like every record; the server refuses while anyone booked has no attendance.

type Person = { caseId: string; name: string; initial: AttendanceSnapshot | null };

export function CloseSessionButton({ sessionId, version, people }: { sessionId: string; version: number; people: Person[] }) {
  const router = useRouter();
  const records = useOutbox(sessionId);
  const [warning, setWarning] = useState<string | null>(null);
  const closing = records.filter((record) => record.kind === "close-session").at(-1);
  const closed = closing?.state === "sent";

  useEffect(() => {
    // Show the closed session as the server has it.
    if (closed) router.refresh();
  }, [closed, router]);

  // Waiting records go first when the connection returns, so a close queued after them still finds them saved.
  const notSaved = people.filter((person) => {
    const unsent = unsentAttendance(records, person.caseId);
    return unsent ? unsent.state === "refused" : !savedAttendance(person.initial, records, person.caseId);
  });

  const close = () => {
    if (notSaved.length > 0) {
      setWarning(
        `Attendance is not recorded yet (or was refused) for ${notSaved.map((person) => person.name).join(", ")}. Record it, then close the session.`,
      );
      return;
    }
    setWarning(null);
    if (closing && closing.state === "refused") discardRecord(closing.id);
    void submitRecord({ kind: "close-session", method: "POST", url: `/api/v1/sessions/${sessionId}/close`, body: { version }, label: "Close the session", sessionId });
  };

  return (
    <section aria-labelledby="close-heading" className="mb-8">
      <h2 id="close-heading">Close the session</h2>
      <p>When everyone&apos;s attendance is saved, close the session. The office then sees it as done, and you can no longer change it.</p>
      {warning && (
        <p role="alert" className="mb-4 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2 font-bold">
          {warning}
        </p>
      )}
      {closing?.state === "refused" && (
        <p role="alert" className="mb-4 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2">
          <span className="font-bold">The session was not closed: </span>
          {closing.error?.message}
        </p>
      )}
      {(closing?.state === "waiting" || closing?.state === "sending") && (
        <p className="mb-4 border-l-[5px] border-[#f47738] bg-[#fef0e7] px-3 py-2 font-bold">
          {closing.state === "sending" ? "Closing…" : "Waiting to be sent. The session will close when you have a connection."}
        </p>
      )}
      {closed ? (
        <p className="font-bold">The session is closed.</p>
      ) : (
        <button type="button" className="button button-warning w-full sm:w-auto" onClick={close} disabled={closing?.state === "waiting" || closing?.state === "sending"}>
          Close the session
        </button>
      )}
    </section>
  );
}

"use client";

import { useEffect, useState } from "react";
import { OUTCOME_INFO } from "@/domain/attendance-outcomes";
import { creditForOutcome } from "@/domain/crediting";
import { formatHoursAndMinutes } from "@/domain/format-duration";
import { submitRecord, useOutbox, type OutboxRecord } from "@/ui/offline/outbox";
import {
  savedAttendance,
  unsentAttendance,
  type AttendanceBody,
  type AttendanceSnapshot,
} from "@/ui/supervisor/attendance-snapshot";

// The roster's controls that read the phone's outbox, in one module (the roster's JavaScript
// budget): "Mark all present", incidents waiting on this phone, closing and reopening the session.
//
// Closing the session, with a check first: what the register says (attended, absent, sent home,
// hours credited, anything waiting or refused) and a confirmation. Sent through the outbox like
// every record; the outbox sends it only after every other record of the session is accepted, and
// the server refuses while anyone booked has no attendance. The supervisor may reopen a session
// they closed the same day (ReopenSession, below). The section's heading and introduction are
// server-rendered by the page, and both controls share one module (the roster's JavaScript budget).

type Person = { caseId: string; name: string; initial: AttendanceSnapshot | null };
type Times = { startTime: string; endTime: string };

/** Shows the session as the server has it once a close or reopen is accepted: one reload per record (never a loop). */
export function reloadOnceFor(recordId: string | undefined): void {
  if (!recordId || sessionStorage.getItem(`reloaded-${recordId}`)) return;
  sessionStorage.setItem(`reloaded-${recordId}`, "1");
  location.reload();
}

/** The latest of "close" and "reopen" decides whether this phone has closed the session. */
export function lastOpenOrClose(records: OutboxRecord[]): OutboxRecord | undefined {
  return records.filter((record) => record.kind === "close-session" || record.kind === "reopen-session").at(-1);
}

/** Why a close or reopen has not happened yet: refused by the server, or waiting for a connection. */
function PendingBanner({
  record,
  refusedText,
  waitingText,
}: {
  record: OutboxRecord | undefined;
  refusedText: string;
  waitingText: string;
}) {
  if (record?.state === "refused") {
    return (
      <p role="alert" className="mb-4 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2">
        <span className="font-bold">{refusedText} </span>
        {record.error?.message}
      </p>
    );
  }
  if (record?.state !== "waiting" && record?.state !== "sending") return null;
  return <p className="mb-4 border-l-[5px] border-[#f47738] bg-[#fef0e7] px-3 py-2 font-bold">{waitingText}</p>;
}

/** A supervisor may reopen a session they closed, on the same day (the server checks and audits); after that the office reopens it. */
export function ReopenSession({ sessionId, version }: { sessionId: string; version: number }) {
  const latest = lastOpenOrClose(useOutbox(sessionId));
  const reopening = latest?.kind === "reopen-session" ? latest : undefined;

  useEffect(() => {
    if (reopening?.state === "sent") reloadOnceFor(reopening.id);
  }, [reopening?.state, reopening?.id]);

  return (
    <div className="mb-6">
      <PendingBanner
        record={reopening}
        refusedText="The session was not reopened:"
        waitingText="Waiting to be sent. The session will reopen when you have a connection."
      />
      <button
        type="button"
        className="button button-secondary"
        disabled={reopening !== undefined && reopening.state !== "refused" && reopening.state !== "sent"}
        onClick={() =>
          void submitRecord({
            kind: "reopen-session",
            method: "POST",
            url: `/api/v1/sessions/${sessionId}/reopen`,
            body: { version },
            label: "Reopen the session",
            sessionId,
          })
        }
      >
        Reopen the session to correct it
      </button>
    </div>
  );
}

function registerSummary(people: Person[], records: OutboxRecord[], session: Times) {
  const summary = { attended: 0, absent: 0, sentHome: 0, minutes: 0, waiting: 0, refused: 0, missing: [] as string[] };
  for (const person of people) {
    const unsent = unsentAttendance(records, person.caseId);
    const saved = savedAttendance(person.initial, records, person.caseId);
    const values: AttendanceBody | AttendanceSnapshot | null = (unsent?.body as AttendanceBody | undefined) ?? saved;
    if (unsent?.state === "refused") summary.refused += 1;
    else if (unsent) summary.waiting += 1;
    if (!values) {
      summary.missing.push(person.name);
      continue;
    }
    if (values.outcome === "ATTENDED_SENT_HOME_BEHAVIOUR" || values.outcome === "ATTENDED_SENT_HOME_SERVICE")
      summary.sentHome += 1;
    else if (OUTCOME_INFO[values.outcome].attended) summary.attended += 1;
    else summary.absent += 1;
    const credit = OUTCOME_INFO[values.outcome].attended ? creditForOutcome({ ...values, session }) : null;
    if (credit?.ok) summary.minutes += credit.value;
  }
  return summary;
}

export function CloseSessionButton({
  sessionId,
  version,
  people,
  session,
}: {
  sessionId: string;
  version: number;
  people: Person[];
  session: Times;
}) {
  const records = useOutbox(sessionId);
  const [checking, setChecking] = useState(false);
  const latest = lastOpenOrClose(records);
  const closing = latest?.kind === "close-session" ? latest : undefined;
  const closed = closing?.state === "sent";
  const summary = registerSummary(people, records, session);

  useEffect(() => {
    // Show the closed session as the server has it.
    if (closed) reloadOnceFor(closing?.id);
  }, [closed, closing?.id]);

  const close = () => {
    setChecking(false);
    void submitRecord({
      kind: "close-session",
      method: "POST",
      url: `/api/v1/sessions/${sessionId}/close`,
      body: { version },
      label: "Close the session",
      sessionId,
    });
  };
  const held = summary.waiting + summary.refused;

  return (
    <>
      <PendingBanner
        record={closing}
        refusedText="The session was not closed:"
        waitingText={
          closing?.state === "sending"
            ? "Closing…"
            : summary.refused > 0
              ? "Waiting: the session will close once the records the office did not accept are changed or dropped."
              : "Waiting to be sent. The session will close when every record above is saved and you have a connection."
        }
      />
      {closed ? (
        <p className="font-bold">The session is closed.</p>
      ) : checking ? (
        <div role="group" aria-labelledby="close-check-heading" className="mb-4 border-4 border-border p-3">
          <h3 id="close-check-heading" className="mb-2 text-lg font-bold">
            Check the register before closing
          </h3>
          <ul className="mb-3 list-none p-0">
            <li>Attended: {summary.attended}</li>
            <li>Absent: {summary.absent}</li>
            <li>Sent home: {summary.sentHome}</li>
            <li>Total hours credited: {formatHoursAndMinutes(summary.minutes)}</li>
            <li>Waiting to be sent: {summary.waiting}</li>
            <li>Not accepted by the office: {summary.refused}</li>
          </ul>
          {summary.missing.length > 0 ? (
            <p role="alert" className="mb-3 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2 font-bold">
              Attendance is not recorded yet for {summary.missing.join(", ")}. Record it, then close the session.
            </p>
          ) : (
            held > 0 && (
              <p className="mb-3">The session will close after the records waiting on this phone are saved.</p>
            )
          )}
          <div className="flex flex-wrap gap-3">
            {summary.missing.length === 0 && (
              <button type="button" className="button button-warning mb-0" onClick={close}>
                Yes, close the session
              </button>
            )}
            <button type="button" className="button button-secondary mb-0" onClick={() => setChecking(false)}>
              Not yet
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-warning w-full sm:w-auto"
          onClick={() => setChecking(true)}
          disabled={closing?.state === "waiting" || closing?.state === "sending"}
        >
          Close the session
        </button>
      )}
    </>
  );
}

// "Mark all present" then adjust the exceptions: one PUT per person not yet recorded, each through
// the outbox with its own Idempotency-Key, so a lost connection halfway loses or doubles nobody.
// The explanation around the button is server-rendered by the page (the roster's JavaScript budget).

/** What "present" means when the supervisor has not said otherwise (docs/decisions/0013). */
export const PRESENT_DEFAULTS = {
  outcome: "ATTENDED_COMPLIED",
  workQuality: "SATISFACTORY",
  behaviour: "SATISFACTORY",
} as const;

export function MarkAllPresent({
  sessionId,
  startTime,
  endTime,
  people,
}: {
  sessionId: string;
  startTime: string;
  endTime: string;
  people: Person[];
}) {
  const records = useOutbox(sessionId);
  const [marked, setMarked] = useState<number | null>(null);
  const unrecorded = people.filter(
    (person) => !savedAttendance(person.initial, records, person.caseId) && !unsentAttendance(records, person.caseId),
  );
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
      <button
        type="button"
        className="button mb-0 w-full sm:w-auto"
        onClick={markAll}
        disabled={unrecorded.length === 0}
      >
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

// Incidents recorded on this phone that the page's list does not show yet: waiting to be sent,
// refused, or saved since the page was loaded. Shown on the roster so nobody records one twice.

type IncidentBody = { occurredAt?: string; description?: string };

export function WaitingIncidents({ sessionId, savedIds }: { sessionId: string; savedIds: string[] }) {
  const incidents = useOutbox(sessionId).filter(
    (record) =>
      record.kind === "incident" &&
      !(record.state === "sent" && savedIds.includes(String((record.response as { id?: unknown } | null)?.id))),
  );
  if (incidents.length === 0) return null;
  return (
    <ul className="m-0 mb-4 list-none p-0" aria-label="Incidents on this phone">
      {incidents.map((record) => {
        const body = record.body as IncidentBody;
        return (
          <li
            key={record.id}
            className={`mb-3 border-l-[5px] pl-3 ${record.state === "refused" ? "border-error" : "border-[#f47738]"}`}
          >
            <p className="mb-1 font-bold">
              {body.occurredAt} · {record.label.replace(/^Incident: /, "")} ·{" "}
              {record.state === "sent"
                ? "Saved"
                : record.state === "refused"
                  ? "Not accepted: open the incident form to send it again"
                  : "Waiting to be sent"}
            </p>
            <p className="mb-0 whitespace-pre-wrap break-words">{body.description}</p>
          </li>
        );
      })}
    </ul>
  );
}

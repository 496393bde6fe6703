"use client";

import { useState } from "react";
import { Tag } from "@/ui/tag";
import { summarise } from "./outbox-core";
import {
  discardRecord,
  retryRecord,
  sendWaiting,
  useLastStop,
  useOnline,
  useOutbox,
  useOutboxLoaded,
  useRecordStateFor,
  type OutboxKind,
  type OutboxRecord,
} from "./outbox";

// What the supervisor's phone holds for one session, always on screen.
//
// Usage on the roster (app/(supervisor)/my-sessions/[id]):
//   <OutboxStatus sessionId={session.id} onChange={(record) => openFormFor(record)} />
//     Connection, counts (saved on the server / waiting to send / not accepted) and each refused
//     record with the server's message, "Change and send again" and "Discard" (asks first).
//     `onChange` gets the refused record: show the person's form filled from `record.body`, and
//     on submit call `retryRecord(record.id, newBody)` (from ./outbox) — it is sent under a new
//     Idempotency-Key. Without `onChange` the button is "Send again" (same body, new key).
//   <RecordStateTag sessionId={session.id} caseId={person.caseId} /> next to each person:
//     "Saved", "Waiting to send" or "Not accepted: <server's message>"; nothing when no record.
//   useRecordStateFor(sessionId, caseId, kind?) gives the same as data (e.g. to fill a form).

export { useRecordStateFor };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function RefusedRecord({ record, onChange }: { record: OutboxRecord; onChange?: (record: OutboxRecord) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const headingId = `refused-${record.id}`;
  return (
    <li className="mb-4 border-l-[5px] border-error py-1 pl-3">
      <h3 id={headingId} className="mb-1 text-base font-bold">
        {record.label}
      </h3>
      <p className="mb-2">
        <span className="font-bold">Not accepted: </span>
        {record.error?.message ?? "The server did not accept this record."}
      </p>
      {confirming ? (
        <div role="group" aria-labelledby={headingId} className="flex flex-wrap gap-3">
          <p className="mb-2 w-full">Discard this record? It will not be sent and cannot be brought back.</p>
          <button
            type="button"
            className="button button-warning mb-0"
            onClick={() => {
              discardRecord(record.id);
              setConfirming(false);
            }}
          >
            Yes, discard it
          </button>
          <button type="button" className="button button-secondary mb-0" onClick={() => setConfirming(false)}>
            No, keep it
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          {!onChange && record.kind === "attendance" && record.caseId ? (
            // The same body would be refused again: the person's own form on the roster
            // (attendance-recorder.tsx, section `a-<caseId>-heading`) changes it and sends it under a new key.
            <a href={`#a-${record.caseId}-heading`} className="button mb-0 no-underline">
              Change it beside the person<span className="sr-only">: {record.label}</span>
            </a>
          ) : (
          <button
            type="button"
            className="button mb-0"
            disabled={busy}
            onClick={() => {
              if (onChange) return onChange(record);
              setBusy(true);
              void retryRecord(record.id).finally(() => setBusy(false));
            }}
          >
            {onChange ? "Change and send again" : "Send again"}
            <span className="sr-only">: {record.label}</span>
          </button>
          )}
          <button type="button" className="button button-secondary mb-0" onClick={() => setConfirming(true)}>
            Discard<span className="sr-only">: {record.label}</span>
          </button>
        </div>
      )}
    </li>
  );
}

export function OutboxStatus({ sessionId, onChange }: { sessionId: string; onChange?: (record: OutboxRecord) => void }) {
  const records = useOutbox(sessionId);
  const loaded = useOutboxLoaded();
  const online = useOnline();
  const lastStop = useLastStop();
  const counts = summarise(records);
  const refused = records.filter((record) => record.state === "refused");

  return (
    <section aria-labelledby="outbox-status-heading" className="mb-6 border-l-[5px] border-brand bg-panel px-3 py-2">
      <h2 id="outbox-status-heading" className="mb-2 text-lg font-bold">
        Records on this phone
      </h2>
      <p role="status" className="mb-2">
        {online ? <Tag colour="green">Online</Tag> : <Tag colour="orange">Offline</Tag>}{" "}
        {online ? "Records are sent to the office as you save them." : "Records are kept on this phone and sent when the connection returns."}
      </p>
      {loaded && (
        <ul className="mb-2 list-none p-0" aria-label="Records for this session">
          <li data-testid="outbox-saved">Saved on the server: {counts.saved}</li>
          <li data-testid="outbox-waiting">Waiting to send: {counts.waiting}</li>
          <li data-testid="outbox-refused">Not accepted: {counts.refused}</li>
        </ul>
      )}
      {lastStop === "signed-out" && counts.waiting > 0 && (
        <p className="mb-2 font-bold">
          You need to sign in again before {plural(counts.waiting, "record", "records")} can be sent.{" "}
          <a href={`/sign-in?callbackUrl=${encodeURIComponent(`/my-sessions/${sessionId}`)}`}>Sign in</a>
        </p>
      )}
      {online && counts.waiting > 0 && (
        <button type="button" className="button button-secondary mb-2" onClick={() => void sendWaiting()}>
          Send waiting records now
        </button>
      )}
      {refused.length > 0 && (
        <>
          <p className="mb-2 font-bold text-error">
            {plural(refused.length, "record was", "records were")} not accepted. Change or discard {refused.length === 1 ? "it" : "each one"}:
          </p>
          <ul className="m-0 list-none p-0">
            {refused.map((record) => (
              <RefusedRecord key={record.id} record={record} onChange={onChange} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** "Saved", "Waiting to send" or "Not accepted: …" for one person's latest record; nothing when there is none. */
export function RecordStateTag({ sessionId, caseId, kind = "attendance" }: { sessionId: string; caseId: string; kind?: OutboxKind }) {
  const state = useRecordStateFor(sessionId, caseId, kind);
  if (state.state === "none") return null;
  if (state.state === "saved") return <Tag colour="green">Saved</Tag>;
  if (state.state === "waiting") return <Tag colour="yellow">Waiting to send</Tag>;
  return (
    <span>
      <Tag colour="red">Not accepted</Tag> {state.message}
    </span>
  );
}

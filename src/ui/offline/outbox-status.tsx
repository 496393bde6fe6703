"use client";

import { summarise } from "./outbox-core";
import {
  sendWaiting,
  useLastStop,
  useOnline,
  useOutbox,
  useOutboxLoaded,
  useRecordStateFor,
  useRecordsOfOthers,
  type OutboxKind,
  type OutboxRecord,
} from "./outbox";

// What the supervisor's phone holds for one session, always on screen.
//
// Usage on the roster (app/(supervisor)/my-sessions/[id]):
//   <OutboxStatus sessionId={session.id} />
//     Connection, counts (saved on the server / waiting to send / not accepted), records of
//     another user waiting, and each refused record with the server's message and a link to
//     where it is changed or dropped (beside the person, the incident form, "Close the session").
//   <RecordStateTag sessionId={session.id} caseId={person.caseId} /> next to each person:
//     "Saved", "Waiting to send" or "Not accepted: <server's message>"; nothing when no record.
//   useRecordStateFor(sessionId, caseId, kind?) gives the same as data (e.g. to fill a form).

export { useRecordStateFor };

// The four tags this island uses, with the colours of src/ui/tag.tsx: importing Tag would ship
// all seven colours to the phone (the roster's JavaScript budget).
const GREEN = "bg-[#cce2d8] text-[#005a30]";
const ORANGE = "bg-[#fcd6c3] text-[#6e3619]";
const YELLOW = "bg-[#fff7bf] text-[#594d00]";
const RED = "bg-[#f4cdc6] text-[#2a0b06]";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Where a refused record is changed or dropped: beside the person, on the incident form, or at "Close the session". */
function placeToFix(record: OutboxRecord): string {
  if (record.kind === "attendance" && record.caseId) return `#a-${record.caseId}-heading`;
  if (record.kind === "incident") return `/my-sessions/${record.sessionId}/incidents/new`;
  return "#close-heading";
}

function RefusedRecord({ record }: { record: OutboxRecord }) {
  return (
    <li className="mb-2 border-l-[5px] border-error py-1 pl-3">
      <a href={placeToFix(record)} className="inline-block min-h-11 py-2 font-bold">
        {record.label}
      </a>
      <p className="mb-0">
        <span className="font-bold">Not accepted: </span>
        {record.error?.message ?? "The server did not accept this record."}
      </p>
    </li>
  );
}

export function OutboxStatus({ sessionId }: { sessionId: string }) {
  const records = useOutbox(sessionId);
  const othersWaiting = useRecordsOfOthers();
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
        {online ? (
          <strong className={`tag ${GREEN}`}>Online</strong>
        ) : (
          <strong className={`tag ${ORANGE}`}>Offline</strong>
        )}{" "}
        {online
          ? "Records are sent to the office as you save them."
          : "Records are kept on this phone and sent when the connection returns."}
      </p>
      {loaded && (
        <ul className="mb-2 list-none p-0" aria-label="Records for this session">
          <li data-testid="outbox-saved">Saved on the server: {counts.saved}</li>
          <li data-testid="outbox-waiting">Waiting to send: {counts.waiting}</li>
          <li data-testid="outbox-refused">Not accepted: {counts.refused}</li>
        </ul>
      )}
      {othersWaiting > 0 && (
        <p className="mb-2 font-bold">
          {plural(othersWaiting, "record", "records")} made on this phone by another user{" "}
          {othersWaiting === 1 ? "is" : "are"} waiting. {othersWaiting === 1 ? "It is" : "They are"} sent only when that
          user signs in again.
        </p>
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
            {plural(refused.length, "record was", "records were")} not accepted. Change or drop{" "}
            {refused.length === 1 ? "it" : "each one"} where it was made:
          </p>
          <ul className="m-0 list-none p-0">
            {refused.map((record) => (
              <RefusedRecord key={record.id} record={record} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** "Saved", "Waiting to send" or "Not accepted: …" for one person's latest record; nothing when there is none. */
export function RecordStateTag({
  sessionId,
  caseId,
  kind = "attendance",
}: {
  sessionId: string;
  caseId: string;
  kind?: OutboxKind;
}) {
  const state = useRecordStateFor(sessionId, caseId, kind);
  if (state.state === "none") return null;
  if (state.state === "saved") return <strong className={`tag ${GREEN}`}>Saved</strong>;
  if (state.state === "waiting") return <strong className={`tag ${YELLOW}`}>Waiting to send</strong>;
  return (
    <span>
      <strong className={`tag ${RED}`}>Not accepted</strong> {state.message}
    </span>
  );
}

"use client";

import { useOutbox } from "@/ui/offline/outbox";

// Incidents recorded on this phone that the page's list does not show yet: waiting to be sent,
// refused, or saved since the page was loaded. Shown on the roster so nobody records one twice.

type IncidentBody = { occurredAt?: string; description?: string };

export function WaitingIncidents({ sessionId, savedIds }: { sessionId: string; savedIds: string[] }) {
  const incidents = useOutbox(sessionId).filter(
    (record) => record.kind === "incident" && !(record.state === "sent" && savedIds.includes(String((record.response as { id?: unknown } | null)?.id))),
  );
  if (incidents.length === 0) return null;
  return (
    <ul className="m-0 mb-4 list-none p-0" aria-label="Incidents on this phone">
      {incidents.map((record) => {
        const body = record.body as IncidentBody;
        return (
          <li key={record.id} className={`mb-3 border-l-[5px] pl-3 ${record.state === "refused" ? "border-error" : "border-[#f47738]"}`}>
            <p className="mb-1 font-bold">
              {body.occurredAt} · {record.label.replace(/^Incident: /, "")} ·{" "}
              {record.state === "sent" ? "Saved" : record.state === "refused" ? "Not accepted: open the incident form to send it again" : "Waiting to be sent"}
            </p>
            <p className="mb-0 whitespace-pre-wrap break-words">{body.description}</p>
          </li>
        );
      })}
    </ul>
  );
}

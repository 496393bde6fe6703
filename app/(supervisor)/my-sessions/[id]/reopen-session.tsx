"use client";

import { useEffect } from "react";
import { submitRecord, useOutbox } from "@/ui/offline/outbox";
import { lastOpenOrClose, reloadOnceFor } from "./close-session-button";

// A supervisor may reopen a session they closed, on the same day (the server checks and audits);
// after that the office reopens it.

export function ReopenSession({ sessionId, version }: { sessionId: string; version: number }) {
  const latest = lastOpenOrClose(useOutbox(sessionId));
  const reopening = latest?.kind === "reopen-session" ? latest : undefined;

  useEffect(() => {
    if (reopening?.state === "sent") reloadOnceFor(reopening.id);
  }, [reopening?.state, reopening?.id]);

  return (
    <div className="mb-6">
      {reopening?.state === "refused" && (
        <p role="alert" className="mb-4 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2">
          <span className="font-bold">The session was not reopened: </span>
          {reopening.error?.message}
        </p>
      )}
      {(reopening?.state === "waiting" || reopening?.state === "sending") && (
        <p className="mb-4 border-l-[5px] border-[#f47738] bg-[#fef0e7] px-3 py-2 font-bold">Waiting to be sent. The session will reopen when you have a connection.</p>
      )}
      <button
        type="button"
        className="button button-secondary"
        disabled={reopening !== undefined && reopening.state !== "refused" && reopening.state !== "sent"}
        onClick={() =>
          void submitRecord({ kind: "reopen-session", method: "POST", url: `/api/v1/sessions/${sessionId}/reopen`, body: { version }, label: "Reopen the session", sessionId })
        }
      >
        Reopen the session to correct it
      </button>
    </div>
  );
}

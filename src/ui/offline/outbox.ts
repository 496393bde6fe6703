"use client";

import { useSyncExternalStore } from "react";

// The supervisor's outbox: every record made on a session (attendance, incidents, closing the
// session) is written here first with its own Idempotency-Key, then sent to /api/v1. The server
// answers a retried key with the first result, so a record sent twice counts once; a refusal
// (rule or version conflict) stays in the outbox, visible, until the supervisor fixes or drops it.
//
// THIS FILE IS THE INTERFACE. Its first implementation keeps records in memory and sends them at
// once; the offline work (issue 5) stores them in IndexedDB and sends them when the connection
// returns, without changing these exports.

export type OutboxKind = "attendance" | "incident" | "close-session";
export type OutboxState = "waiting" | "sending" | "refused" | "sent";

export type OutboxRecord = {
  /** Also the Idempotency-Key header. */
  id: string;
  kind: OutboxKind;
  method: "PUT" | "POST";
  /** Same-origin API path, e.g. /api/v1/sessions/{id}/attendance/{caseId}. */
  url: string;
  body: unknown;
  /** What the supervisor sees in the list of waiting records, e.g. "Attendance for Sam Jones". */
  label: string;
  sessionId: string;
  /** The case (requirement) the record is about, when it is about one person. */
  caseId?: string;
  createdAt: string;
  state: OutboxState;
  /** The server's refusal, in its words (api.md error shape). */
  error?: { status: number; code: string; message: string };
  /** The server's reply once sent. */
  response?: unknown;
};

export type NewOutboxRecord = Pick<OutboxRecord, "kind" | "method" | "url" | "body" | "label" | "sessionId"> & { caseId?: string };

let records: OutboxRecord[] = [];
const listeners = new Set<() => void>();

function publish(next: OutboxRecord[]) {
  records = next;
  for (const listener of listeners) listener();
}

function update(id: string, change: Partial<OutboxRecord>) {
  publish(records.map((record) => (record.id === id ? { ...record, ...change } : record)));
}

async function send(record: OutboxRecord): Promise<OutboxRecord> {
  update(record.id, { state: "sending" });
  try {
    const response = await fetch(record.url, {
      method: record.method,
      headers: { "Content-Type": "application/json", "Idempotency-Key": record.id },
      body: JSON.stringify(record.body),
      credentials: "same-origin",
    });
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok) {
      update(record.id, { state: "sent", response: payload, error: undefined });
    } else {
      const error = (payload as { error?: { code?: string; message?: string } } | null)?.error;
      update(record.id, {
        state: "refused",
        error: { status: response.status, code: error?.code ?? "UNKNOWN", message: error?.message ?? "The server did not accept this record." },
      });
    }
  } catch {
    // No connection: it waits to be sent again.
    update(record.id, { state: "waiting" });
  }
  return records.find((r) => r.id === record.id) ?? record;
}

/** Stores a record and tries to send it now. Resolves with its state after that first try. */
export async function submitRecord(input: NewOutboxRecord): Promise<OutboxRecord> {
  const record: OutboxRecord = { ...input, id: crypto.randomUUID(), createdAt: new Date().toISOString(), state: "waiting" };
  publish([...records, record]);
  return send(record);
}

/** Sends every waiting record again (e.g. when the connection returns). */
export async function sendWaiting(): Promise<void> {
  for (const record of records.filter((r) => r.state === "waiting")) await send(record);
}

/** Sends a refused record again after the supervisor changed it (a new body gets a new key). */
export async function retryRecord(id: string, body?: unknown): Promise<OutboxRecord | undefined> {
  const record = records.find((r) => r.id === id);
  if (!record) return undefined;
  const next = body === undefined ? record : { ...record, id: crypto.randomUUID(), body, state: "waiting" as const, error: undefined };
  publish(records.map((r) => (r.id === id ? next : r)));
  return send(next);
}

/** Drops a refused record the supervisor decided not to send. */
export function discardRecord(id: string): void {
  publish(records.filter((r) => r.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const EMPTY: OutboxRecord[] = [];

/** The records of one session, newest last, re-rendering when any changes. */
export function useOutbox(sessionId: string): OutboxRecord[] {
  const all = useSyncExternalStore(subscribe, () => records, () => EMPTY);
  return all.filter((record) => record.sessionId === sessionId);
}

"use client";

import { useMemo, useSyncExternalStore } from "react";
import {
  inSendingOrder,
  latestFor,
  madeByOthers,
  memoryStore,
  newRecord,
  outboxLock,
  queuePersonRecord,
  retried,
  retryDelay,
  sendWaitingRecords,
  type NewOutboxRecord,
  type OutboxKind,
  type OutboxRecord,
  type OutboxStore,
  type PassResult,
} from "./outbox-core";
import { hasIndexedDb, idbStore } from "./idb-store";

// The supervisor's outbox: every record made on a session (attendance, incidents, closing the
// session) is written here first with its own Idempotency-Key, then sent to /api/v1. The server
// answers a retried key with the first result, so a record sent twice counts once; a refusal
// (rule or version conflict) stays in the outbox, visible, until the supervisor fixes or drops it.
//
// THIS FILE IS THE INTERFACE (submitRecord, useOutbox, retryRecord, discardRecord, sendWaiting).
// Records are kept in IndexedDB (idb-store.ts), so a reload or a closed tab loses nothing. Waiting
// records are sent when the connection returns (`online`), when a page opens, on a timer with
// backoff while online, and by the service worker's Background Sync where the browser has it.
// Sending takes a lock shared by every tab and the service worker (Web Locks), so one record is
// never sent twice at once. See docs/decisions/0014-offline-supervisor-app.md.

export type { NewOutboxRecord, OutboxKind, OutboxRecord } from "./outbox-core";

export const OUTBOX_CHANNEL = "community-payback-outbox";
export const OUTBOX_SYNC_TAG = "community-payback-outbox";
/** Sent records are kept this long to show "Saved", then forgotten (the server has them). */
const KEEP_SENT_MS = 2 * 24 * 60 * 60 * 1000;

let store: OutboxStore | undefined;
let records: OutboxRecord[] = [];
let loaded = false;
let readSeq = 0;
let channel: BroadcastChannel | undefined;
let started = false;
let failedPasses = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let lastStop: PassResult["stoppedBy"];
const listeners = new Set<() => void>();

function outboxStore(): OutboxStore {
  store ??= hasIndexedDb() ? idbStore() : memoryStore();
  return store;
}

function emit() {
  for (const listener of listeners) listener();
}

/** Re-reads the store; only the newest read is published, so a slow read never shows an older state. */
async function refresh(): Promise<void> {
  const seq = ++readSeq;
  const all = await outboxStore().all();
  if (seq !== readSeq) return;
  records = inSendingOrder(all);
  loaded = true;
  emit();
}

function changed() {
  void refresh();
  channel?.postMessage("changed");
}

const isOnline = () => typeof navigator === "undefined" || navigator.onLine !== false;

function scheduleRetry() {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = undefined;
  if (failedPasses === 0 || !isOnline()) return;
  retryTimer = setTimeout(() => void sendWaiting(), retryDelay(failedPasses));
}

/** Asks the service worker (scope /my-sessions) to send when the connection returns, even if the tab is closed by then. */
function requestBackgroundSync() {
  if (typeof navigator === "undefined" || !navigator.serviceWorker) return;
  void navigator.serviceWorker
    .getRegistration("/my-sessions")
    .then((registration) =>
      (
        registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
      )?.sync?.register(OUTBOX_SYNC_TAG),
    )
    .catch(() => undefined);
}

async function pruneSent() {
  const cutoff = Date.now() - KEEP_SENT_MS;
  const old = (await outboxStore().all()).filter(
    (record) => record.state === "sent" && Date.parse(record.createdAt) < cutoff,
  );
  for (const record of old) await outboxStore().delete(record.id);
}

/** Starts listening (once per page): other tabs' changes, the connection coming back, and a first send. */
function start() {
  if (started || typeof window === "undefined") return;
  started = true;
  if (typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.onmessage = () => void refresh();
  }
  window.addEventListener("online", () => {
    failedPasses = 0;
    emit();
    void sendWaiting();
  });
  window.addEventListener("offline", () => {
    scheduleRetry();
    emit();
  });
  void pruneSent()
    .catch(() => undefined)
    .then(refresh)
    .then(() => sendWaiting());
}

let testUserId: string | undefined;

/** Only for tests without a page: who is signed in. */
export function setOutboxUserForTests(userId: string | undefined): void {
  testUserId = userId;
}

/**
 * Who is signed in, from the supervisor layout's `data-outbox-user` (server-rendered: no script
 * needed). Records are stamped with it and only ever sent while the same user is signed in.
 */
export function currentOutboxUser(): string | undefined {
  if (typeof document === "undefined") return testUserId;
  return document.querySelector("[data-outbox-user]")?.getAttribute("data-outbox-user") ?? undefined;
}

/** The signed-in user's id from the API (cookie), or undefined when signed out; throws without a connection. */
async function signedInUser(): Promise<string | undefined> {
  const response = await fetch("/api/v1/me", {
    credentials: "same-origin",
    cache: "no-store",
    headers: { Accept: "application/json" },
  });
  if (!response.ok || response.redirected) return undefined;
  const me = (await response.json().catch(() => null)) as { id?: unknown } | null;
  return typeof me?.id === "string" ? me.id : undefined;
}

/**
 * Stores a record and tries to send it now. Resolves with its state after that first try. A
 * record about one person (or closing the session) is merged with that person's pending record:
 * one pending record per person, latest wins (decision 0024); incidents are each their own.
 */
export async function submitRecord(input: NewOutboxRecord): Promise<OutboxRecord> {
  start();
  const stamped: NewOutboxRecord = { ...input, userId: currentOutboxUser() };
  const record = await outboxLock(async () => {
    if (stamped.kind === "incident") {
      const fresh = newRecord(stamped);
      await outboxStore().put(fresh);
      return fresh;
    }
    return queuePersonRecord(outboxStore(), stamped);
  });
  changed();
  await sendWaiting();
  return (await outboxStore().get(record.id)) ?? record;
}

/** Sends every waiting record again (e.g. when the connection returns). Does nothing while the device is offline. */
export async function sendWaiting(): Promise<void> {
  start();
  if (!isOnline()) {
    // The worker sends them when the connection returns, even if this tab is closed by then.
    requestBackgroundSync();
    return;
  }
  let result: PassResult;
  try {
    // Records go only under the user who made them: whoever the cookie says is signed in now (the
    // page may be older than a sign-in made in another tab), never merely who the page was drawn for.
    const userId = typeof document === "undefined" ? testUserId : await signedInUser();
    result =
      typeof document !== "undefined" && !userId
        ? { sent: 0, refused: 0, waiting: 1, stoppedBy: "signed-out" }
        : await sendWaitingRecords({ store: outboxStore(), changed, userId });
  } catch {
    result = { sent: 0, refused: 0, waiting: 1, stoppedBy: "offline" };
  }
  lastStop = result.stoppedBy;
  failedPasses = result.stoppedBy ? failedPasses + 1 : 0;
  scheduleRetry();
  if (result.stoppedBy) requestBackgroundSync();
  emit();
}

/**
 * Sends a refused (or still waiting) record again, with the supervisor's changed body if given.
 * It always gets a new key: the server keeps its answer to the old key and would repeat it.
 */
export async function retryRecord(id: string, body?: unknown): Promise<OutboxRecord | undefined> {
  start();
  const next = await outboxLock(async () => {
    const record = await outboxStore().get(id);
    if (!record || (record.state !== "refused" && record.state !== "waiting")) return undefined;
    const replacement = retried(record, body);
    await outboxStore().replace(id, replacement);
    return replacement;
  });
  if (!next) return undefined;
  changed();
  await sendWaiting();
  return (await outboxStore().get(next.id)) ?? next;
}

/** Drops a refused record the supervisor decided not to send. Records on their way or saved are kept. */
export function discardRecord(id: string): void {
  start();
  records = records.filter((record) => record.id !== id || record.state !== "refused");
  emit();
  void outboxLock(async () => {
    const record = await outboxStore().get(id);
    if (record?.state === "refused") await outboxStore().delete(id);
  }).then(changed);
}

function subscribe(listener: () => void) {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const EMPTY: OutboxRecord[] = [];

/** The records of one session, oldest first, re-rendering when any changes (in this tab or another). */
export function useOutbox(sessionId: string): OutboxRecord[] {
  const all = useSyncExternalStore(
    subscribe,
    () => records,
    () => EMPTY,
  );
  return useMemo(() => all.filter((record) => record.sessionId === sessionId), [all, sessionId]);
}

/** False until the stored records have been read after the page opened (so counts do not flash 0). */
export function useOutboxLoaded(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => false,
  );
}

/** Records in this browser made by another user, still waiting for them to sign in again. */
export function useRecordsOfOthers(): number {
  const all = useSyncExternalStore(
    subscribe,
    () => records,
    () => EMPTY,
  );
  return useMemo(() => (loaded ? madeByOthers(all, currentOutboxUser()).length : 0), [all]);
}

/** Whether the browser says it has a connection. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true);
}

/** Why the last sending pass stopped early, if it did ("signed-out" asks the supervisor to sign in again). */
export function useLastStop(): PassResult["stoppedBy"] {
  return useSyncExternalStore(
    subscribe,
    () => lastStop,
    () => undefined,
  );
}

export type PersonRecordState =
  | { state: "none" }
  | { state: "saved"; record: OutboxRecord }
  | { state: "waiting"; record: OutboxRecord }
  | { state: "refused"; record: OutboxRecord; message: string };

/** What to show next to one person on the roster: their latest record of `kind` decides. */
export function useRecordStateFor(
  sessionId: string,
  caseId: string,
  kind: OutboxKind = "attendance",
): PersonRecordState {
  const session = useOutbox(sessionId);
  return useMemo(() => {
    const record = latestFor(session, caseId, kind);
    if (!record) return { state: "none" };
    if (record.state === "sent") return { state: "saved", record };
    if (record.state === "refused")
      return { state: "refused", record, message: record.error?.message ?? "The server did not accept this record." };
    return { state: "waiting", record };
  }, [session, caseId, kind]);
}

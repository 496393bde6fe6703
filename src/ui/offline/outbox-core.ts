// The outbox without React: record shapes, where records are kept, how one is sent and what the
// server's answer means for it. Used by the page (outbox.ts) and by the service worker (a
// Background Sync event sends waiting records while no page is open), so it must not import
// React, Next or anything that needs a window.

export type OutboxKind = "attendance" | "incident" | "close-session" | "reopen-session";
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
  /** The server's refusal, in its words (docs/api.md error shape); `details` carries, for a conflict, the record as it now stands. */
  error?: { status: number; code: string; message: string; details?: Record<string, unknown> };
  /** The server's reply once sent. */
  response?: unknown;
  /**
   * A change made while the record it changes was on its way (sent, answer not yet read): when
   * sent, it carries the server version that record's answer gave (decision 0024).
   */
  after?: string;
  /** Who made it: records are only ever sent while the same user is signed in. */
  userId?: string;
};

export type NewOutboxRecord = Pick<OutboxRecord, "kind" | "method" | "url" | "body" | "label" | "sessionId"> & {
  caseId?: string;
  userId?: string;
};

/** Where records are kept: IndexedDB in a browser (idb-store.ts), memory in tests or when IndexedDB is unavailable. */
export type OutboxStore = {
  all(): Promise<OutboxRecord[]>;
  get(id: string): Promise<OutboxRecord | undefined>;
  put(record: OutboxRecord): Promise<void>;
  /** Puts `record` and deletes `oldId` in one step (a changed record gets a new idempotency key). */
  replace(oldId: string, record: OutboxRecord): Promise<void>;
  delete(id: string): Promise<void>;
};

export function memoryStore(initial: OutboxRecord[] = []): OutboxStore {
  const map = new Map(initial.map((record) => [record.id, record]));
  return {
    all: async () => [...map.values()],
    get: async (id) => map.get(id),
    put: async (record) => void map.set(record.id, record),
    replace: async (oldId, record) => {
      map.delete(oldId);
      map.set(record.id, record);
    },
    delete: async (id) => void map.delete(id),
  };
}

export function newRecord(input: NewOutboxRecord, now = new Date(), id: string = crypto.randomUUID()): OutboxRecord {
  return { ...input, id, createdAt: now.toISOString(), state: "waiting" };
}

/** Oldest first: a session is closed only after the attendance recorded before closing it. */
export function inSendingOrder(records: OutboxRecord[]): OutboxRecord[] {
  return [...records].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** What one attempt to send a record came to. `stop` ends the sending pass: later records would meet the same trouble. */
export type SendOutcome =
  | { kind: "sent"; response: unknown }
  | { kind: "refused"; error: NonNullable<OutboxRecord["error"]> }
  | { kind: "wait"; reason: "offline" | "server-error" | "signed-out" | "busy"; stop: true };

/** Maps the server's answer to what happens to the record (docs/decisions/0014-offline-supervisor-app.md). */
export function outcomeOfResponse(response: { status: number; redirected?: boolean }, payload: unknown): SendOutcome {
  const { status } = response;
  // An API answer never redirects: a redirect means the request met the sign-in page.
  if (response.redirected || status === 401) return { kind: "wait", reason: "signed-out", stop: true };
  if (status >= 200 && status < 300) return { kind: "sent", response: payload };
  if (status === 408 || status === 429) return { kind: "wait", reason: "busy", stop: true };
  if (status >= 500 || status < 200) return { kind: "wait", reason: "server-error", stop: true };
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const details =
    error?.details && typeof error.details === "object" && Object.keys(error.details).length > 0
      ? (error.details as Record<string, unknown>)
      : undefined;
  return {
    kind: "refused",
    error: {
      status,
      code: typeof error?.code === "string" ? error.code : "UNKNOWN",
      message:
        typeof error?.message === "string" && error.message
          ? error.message
          : "The office system did not accept this record. Check it and send it again; if it keeps happening, phone the office.",
      ...(details ? { details } : {}),
    },
  };
}

export function applyOutcome(record: OutboxRecord, outcome: SendOutcome): OutboxRecord {
  switch (outcome.kind) {
    case "sent":
      return { ...record, state: "sent", response: outcome.response, error: undefined };
    case "refused":
      return { ...record, state: "refused", error: outcome.error };
    case "wait":
      return { ...record, state: "waiting" };
  }
}

/** A request still unanswered after this long is given up (and sent again later under the same key). */
const SEND_TIMEOUT_MS = 30_000;

/** One attempt over the network. A failed fetch (no connection, or no answer in time) means wait, never refused. */
export async function attemptSend(record: OutboxRecord, fetchImpl: typeof fetch = fetch): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(record.url, {
      signal: typeof AbortSignal.timeout === "function" ? AbortSignal.timeout(SEND_TIMEOUT_MS) : undefined,
      method: record.method,
      headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": record.id },
      body: JSON.stringify(record.body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { kind: "wait", reason: "offline", stop: true };
  }
  const payload: unknown = await response.json().catch(() => null);
  return outcomeOfResponse(response, payload);
}

export type SendOptions = {
  store: OutboxStore;
  fetch?: typeof fetch;
  /** Runs the pass so that no other tab (or the service worker) sends at the same time. */
  lock?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Called after every change to the store, so pages can re-read it. */
  changed?: () => void;
  /**
   * Who is signed in: only their records are sent (a record made by one supervisor is never sent
   * under another's sign-in). Left out, records are sent whoever made them (tests).
   */
  userId?: string;
};

export type PassResult = {
  sent: number;
  refused: number;
  waiting: number;
  stoppedBy?: Extract<SendOutcome, { kind: "wait" }>["reason"];
};

const localQueue: { tail: Promise<unknown> } = { tail: Promise.resolve() };

/** A lock across tabs and the service worker where the Web Locks API exists; else one pass at a time in this context. */
export function outboxLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request("community-payback-outbox", fn) as Promise<T>;
  const run = localQueue.tail.then(fn, fn);
  localQueue.tail = run.catch(() => undefined);
  return run;
}

/**
 * Sends every waiting record, oldest first, one at a time, under the lock. Each record is read
 * again after the lock is taken, so a record another tab sent meanwhile is not sent again. A
 * record found "sending" under the lock was left so by a tab closed mid-send: it is sent again
 * with the same key, which the server counts once.
 */
export async function sendWaitingRecords(options: SendOptions): Promise<PassResult> {
  const { store, changed = () => {} } = options;
  const lock = options.lock ?? outboxLock;
  return lock(async () => {
    const result: PassResult = { sent: 0, refused: 0, waiting: 0 };
    const queue = inSendingOrder(
      (await store.all()).filter((record) => record.state === "waiting" || record.state === "sending"),
    );
    for (const queued of queue) {
      const found = await store.get(queued.id);
      if (!found || (found.state !== "waiting" && found.state !== "sending")) continue;
      if (result.stoppedBy || !sentBy(found, options.userId)) {
        result.waiting += 1;
        continue;
      }
      const record = await readyToSend(store, found);
      if (!record) {
        result.waiting += 1;
        continue;
      }
      await store.put({ ...record, state: "sending" });
      changed();
      const outcome = await attemptSend(record, options.fetch);
      // The supervisor may have discarded it meanwhile; a sent record is kept whatever happened.
      if (!(await store.get(record.id)) && outcome.kind !== "sent") continue;
      await store.put(applyOutcome(record, outcome));
      changed();
      if (outcome.kind === "sent") result.sent += 1;
      else if (outcome.kind === "refused") result.refused += 1;
      else {
        result.waiting += 1;
        result.stoppedBy = outcome.reason;
      }
    }
    return result;
  });
}

/** A refused record to send again: always under a new key, because the server keeps its answer to the old one. */
export function retried(record: OutboxRecord, body: unknown, id: string = crypto.randomUUID()): OutboxRecord {
  return {
    ...record,
    id,
    body: body === undefined ? record.body : body,
    state: "waiting",
    error: undefined,
    response: undefined,
  };
}

/** Counts for the status line. */
export function summarise(records: OutboxRecord[]): { saved: number; waiting: number; refused: number } {
  let saved = 0;
  let waiting = 0;
  let refused = 0;
  for (const record of records) {
    if (record.state === "sent") saved += 1;
    else if (record.state === "refused") refused += 1;
    else waiting += 1;
  }
  return { saved, waiting, refused };
}

/** The state to show next to one person: their latest record decides. */
export function latestFor(records: OutboxRecord[], caseId: string, kind?: OutboxKind): OutboxRecord | undefined {
  const own = records.filter((record) => record.caseId === caseId && (kind === undefined || record.kind === kind));
  return inSendingOrder(own).at(-1);
}

/** Backoff between automatic retries while online: 5 s, 10 s, 20 s … at most 5 minutes. */
export function retryDelay(failedPasses: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failedPasses - 1), 300_000);
}

// ---- One pending record per person (decision 0024) ------------------------------------------

const isPending = (record: OutboxRecord) => record.state === "waiting" || record.state === "refused";
const sameSubject = (
  a: Pick<OutboxRecord, "kind" | "sessionId" | "caseId">,
  b: Pick<OutboxRecord, "kind" | "sessionId" | "caseId">,
) => a.kind === b.kind && a.sessionId === b.sessionId && a.caseId === b.caseId;

/** Whether the signed-in user may send this record: only the user who made it. */
export function sentBy(record: OutboxRecord, userId: string | undefined): boolean {
  return userId === undefined || record.userId === undefined || record.userId === userId;
}

/** The attendance version in a server reply (PUT attendance answers `{ attendance: { version } }`). */
export function versionInReply(response: unknown): number | undefined {
  const version = (response as { attendance?: { version?: unknown } } | null | undefined)?.attendance?.version;
  return typeof version === "number" ? version : undefined;
}

/** The newest server version of this person's attendance the phone has been told about. */
function knownVersion(records: OutboxRecord[]): number | undefined {
  let known: number | undefined;
  for (const record of records) {
    const version = record.state === "sent" ? versionInReply(record.response) : undefined;
    if (version !== undefined && (known === undefined || version > known)) known = version;
  }
  return known;
}

function withVersion(body: unknown, version: number | undefined): unknown {
  if (version === undefined || typeof body !== "object" || body === null) return body;
  const given = (body as { version?: unknown }).version;
  return typeof given === "number" && given >= version ? body : { ...body, version };
}

/**
 * Stores a supervisor's record about one person on a session, merging it with what is already
 * there, so the outbox holds one pending record per person: a change to a record still waiting
 * (or refused) replaces it — latest wins, under a new Idempotency-Key; a change to a record the
 * server has accepted carries the version it answered, so it is a correction, not a second first
 * record; a change made while the previous record was on its way is sent after it, with the
 * version its answer gives. Run it under the outbox lock (no pass is sending meanwhile).
 */
export async function queuePersonRecord(
  store: OutboxStore,
  input: NewOutboxRecord,
  now = new Date(),
  id: string = crypto.randomUUID(),
): Promise<OutboxRecord> {
  const same = inSendingOrder(
    (await store.all()).filter((record) => sameSubject(record, input) && record.userId === input.userId),
  );
  const pending = same.filter(isPending);
  const inFlight = same.filter((record) => record.state === "sending").at(-1);
  const body = input.kind === "attendance" ? withVersion(input.body, knownVersion(same)) : input.body;
  const record: OutboxRecord = {
    ...newRecord({ ...input, body }, now, id),
    ...(inFlight ? { after: inFlight.id } : {}),
  };
  const [replaced, ...older] = pending;
  if (replaced) await store.replace(replaced.id, record);
  else await store.put(record);
  for (const stale of older) await store.delete(stale.id);
  return record;
}

/**
 * The record as it should be sent now, or undefined to hold it back for this pass: closing a
 * session waits until every other record of that session is accepted (a refused one must be fixed
 * or dropped first); a change made while its predecessor was on its way waits for that answer and
 * then carries the version it gave.
 */
async function readyToSend(store: OutboxStore, record: OutboxRecord): Promise<OutboxRecord | undefined> {
  if (record.kind === "close-session") {
    const others = (await store.all()).filter(
      (other) =>
        other.sessionId === record.sessionId &&
        other.id !== record.id &&
        other.kind !== "close-session" &&
        other.kind !== "reopen-session",
    );
    return others.some((other) => other.state !== "sent") ? undefined : record;
  }
  if (!record.after) return record;
  const base = await store.get(record.after);
  if (base && (base.state === "waiting" || base.state === "sending")) return undefined;
  const ready: OutboxRecord = {
    ...record,
    after: undefined,
    body: base?.state === "sent" ? withVersion(record.body, versionInReply(base.response)) : record.body,
  };
  await store.put(ready);
  return ready;
}

/** Records in this browser made by someone other than the signed-in user (they wait for that user to sign in again). */
export function madeByOthers(records: OutboxRecord[], userId: string | undefined): OutboxRecord[] {
  return userId === undefined ? [] : records.filter((record) => record.state !== "sent" && !sentBy(record, userId));
}

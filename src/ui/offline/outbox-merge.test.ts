import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { idbStore } from "./idb-store";
import {
  madeByOthers,
  newRecord,
  queuePersonRecord,
  sendWaitingRecords,
  type NewOutboxRecord,
  type OutboxStore,
} from "./outbox-core";

// Issue 11's wrong-credit bug, over IndexedDB (fake-indexeddb): no signal → "Mark all present" →
// change one person to "did not attend" → "Close the session" → signal returns. The outbox must
// hold one pending record per person, send the change as the record (or as a correction carrying
// the server's version), and send the close only after every record is accepted.

const SUPERVISOR = "user-supervisor";
const PRESENT = {
  outcome: "ATTENDED_COMPLIED",
  arrivedAt: "09:00",
  leftAt: "16:00",
  penaltyMinutes: 0,
  workQuality: "SATISFACTORY",
  behaviour: "SATISFACTORY",
};
const ABSENT = { outcome: "UNACCEPTABLE_ABSENCE" };

const attendance = (caseId: string, body: unknown, userId = SUPERVISOR): NewOutboxRecord => ({
  kind: "attendance",
  method: "PUT",
  url: `/api/v1/sessions/s1/attendance/${caseId}`,
  body,
  label: `Attendance for ${caseId}`,
  sessionId: "s1",
  caseId,
  userId,
});
const close = (userId = SUPERVISOR): NewOutboxRecord => ({
  kind: "close-session",
  method: "POST",
  url: "/api/v1/sessions/s1/close",
  body: {},
  label: "Close the session",
  sessionId: "s1",
  userId,
});

let clock = Date.parse("2026-12-03T09:00:00Z");
const tick = () => new Date((clock += 1000));
let dbCount = 0;
const freshStore = (): OutboxStore => idbStore(`outbox-merge-${++dbCount}`);

type Row = { outcome: string; version: number; by: string };

/**
 * A server with the real one's rules that matter here: each Idempotency-Key counts once; an
 * unversioned change is a conflict unless the same user recorded the attendance; a stale version
 * is a conflict; closing is refused while anyone booked has no outcome.
 */
function fakeServer(booked: string[], user = SUPERVISOR) {
  const rows = new Map<string, Row>();
  const answers = new Map<string, { status: number; body: unknown }>();
  const log: string[] = [];
  let closed = false;
  let down = false;
  const handle = (url: string, body: { outcome?: string; version?: number }): { status: number; body: unknown } => {
    if (url.endsWith("/close")) {
      const missing = booked.filter((caseId) => !rows.has(caseId)).length;
      if (missing > 0)
        return {
          status: 422,
          body: { error: { code: "ATTENDANCE_INCOMPLETE", message: `${missing} without attendance` } },
        };
      closed = true;
      return { status: 200, body: { status: "CLOSED" } };
    }
    const caseId = url.split("/").pop() ?? "";
    if (closed) return { status: 422, body: { error: { code: "SESSION_CLOSED", message: "Phone the office." } } };
    const existing = rows.get(caseId);
    const conflict =
      existing && (body.version === undefined ? existing.by !== user : body.version !== existing.version);
    if (conflict)
      return {
        status: 409,
        body: { error: { code: "STALE_VERSION", message: "Changed by someone else", details: { current: existing } } },
      };
    const row = { outcome: body.outcome ?? "", version: (existing?.version ?? 0) + 1, by: user };
    rows.set(caseId, row);
    return { status: 200, body: { attendance: row } };
  };
  const fetchImpl = (async (url: string, init: RequestInit) => {
    if (down) throw new TypeError("Failed to fetch");
    const key = new Headers(init.headers).get("Idempotency-Key") ?? "";
    log.push(`${url.split("/").slice(-2).join("/")} ${String(init.body)}`);
    const answer =
      answers.get(key) ?? handle(url, JSON.parse(String(init.body)) as { outcome?: string; version?: number });
    answers.set(key, answer);
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "Content-Type": "application/json" },
    });
  }) as unknown as typeof fetch;
  return {
    fetch: fetchImpl,
    rows,
    log,
    isClosed: () => closed,
    setDown: (value: boolean) => void (down = value),
    officeChanges: (caseId: string, outcome: string) => {
      const existing = rows.get(caseId);
      rows.set(caseId, { outcome, version: (existing?.version ?? 0) + 1, by: "office" });
    },
  };
}

const noLock = <T>(fn: () => Promise<T>) => fn();

describe("one pending record per person", () => {
  it("mark all present + one change + close, all offline: the server gets exactly the corrected records, then the close", async () => {
    const store = freshStore();
    const server = fakeServer(["c1", "c2", "c3"]);
    for (const caseId of ["c1", "c2", "c3"]) await queuePersonRecord(store, attendance(caseId, PRESENT), tick());
    await queuePersonRecord(store, attendance("c2", ABSENT), tick());
    await queuePersonRecord(store, close(), tick());
    expect((await store.all()).filter((record) => record.caseId === "c2")).toHaveLength(1);

    server.setDown(true);
    expect(await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock })).toMatchObject({
      sent: 0,
      stoppedBy: "offline",
    });
    server.setDown(false);
    expect(await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock, userId: SUPERVISOR })).toMatchObject({
      sent: 4,
      refused: 0,
      waiting: 0,
    });

    expect(Object.fromEntries([...server.rows].map(([caseId, row]) => [caseId, [row.outcome, row.version]]))).toEqual({
      c1: ["ATTENDED_COMPLIED", 1],
      c2: ["UNACCEPTABLE_ABSENCE", 1],
      c3: ["ATTENDED_COMPLIED", 1],
    });
    expect(server.log.at(-1)).toMatch(/^s1\/close /);
    expect(server.isClosed()).toBe(true);
  });

  it("a person edited twice while waiting: the last edit stands, under a new key each time", async () => {
    const store = freshStore();
    const server = fakeServer(["c1"]);
    const first = await queuePersonRecord(store, attendance("c1", PRESENT), tick());
    const second = await queuePersonRecord(store, attendance("c1", ABSENT), tick());
    const third = await queuePersonRecord(store, attendance("c1", { ...PRESENT, penaltyMinutes: 30 }), tick());
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    expect((await store.all()).map((record) => record.id)).toEqual([third.id]);
    await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock });
    expect(server.log).toHaveLength(1);
    expect(server.rows.get("c1")).toMatchObject({ outcome: "ATTENDED_COMPLIED", version: 1 });
  });

  it("a change to a record the server accepted carries the version it answered (a correction, not a second first record)", async () => {
    const store = freshStore();
    const server = fakeServer(["c1"]);
    await queuePersonRecord(store, attendance("c1", PRESENT), tick());
    await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock });
    const change = await queuePersonRecord(store, attendance("c1", ABSENT), tick());
    expect(change.body).toEqual({ ...ABSENT, version: 1 });
    await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock });
    expect(server.rows.get("c1")).toMatchObject({ outcome: "UNACCEPTABLE_ABSENCE", version: 2 });
  });

  it("a change made while the first record was on its way is sent after it, with the version its answer gave", async () => {
    const store = freshStore();
    const server = fakeServer(["c1"]);
    // A record left "sending" (its tab closed mid-send): it may or may not have reached the server.
    const sending = { ...newRecord(attendance("c1", PRESENT), tick()), state: "sending" as const };
    await store.put(sending);
    const change = await queuePersonRecord(store, attendance("c1", ABSENT), tick());
    expect(change.after).toBe(sending.id);
    await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock });
    expect(server.log.map((line) => JSON.parse(line.slice(line.indexOf(" ") + 1)) as unknown)).toEqual([
      PRESENT,
      { ...ABSENT, version: 1 },
    ]);
    expect(server.rows.get("c1")).toMatchObject({ outcome: "UNACCEPTABLE_ABSENCE", version: 2 });
  });

  it("holds the close while a record of the session is refused, and still refuses a real conflict with the office", async () => {
    const store = freshStore();
    const server = fakeServer(["c1", "c2"]);
    await queuePersonRecord(store, attendance("c1", PRESENT), tick());
    await queuePersonRecord(store, attendance("c2", PRESENT), tick());
    await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock });
    server.officeChanges("c2", "ACCEPTABLE_ABSENCE");
    await queuePersonRecord(store, attendance("c2", ABSENT), tick());
    await queuePersonRecord(store, close(), tick());

    expect(await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock })).toMatchObject({
      sent: 0,
      refused: 1,
      waiting: 1,
    });
    const refused = (await store.all()).find((record) => record.state === "refused");
    expect(refused?.error).toMatchObject({
      status: 409,
      code: "STALE_VERSION",
      details: { current: { outcome: "ACCEPTABLE_ABSENCE", version: 2 } },
    });
    expect(server.rows.get("c2")).toMatchObject({ outcome: "ACCEPTABLE_ABSENCE", by: "office" });
    expect(server.isClosed()).toBe(false);
    expect((await store.all()).find((record) => record.kind === "close-session")?.state).toBe("waiting");
  });

  it("never sends another user's records, and says they are waiting", async () => {
    const store = freshStore();
    const server = fakeServer(["c1"]);
    await queuePersonRecord(store, attendance("c1", PRESENT), tick());
    expect(
      await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock, userId: "someone-else" }),
    ).toMatchObject({ sent: 0, waiting: 1 });
    expect(server.log).toEqual([]);
    expect(madeByOthers(await store.all(), "someone-else")).toHaveLength(1);
    expect(await sendWaitingRecords({ store, fetch: server.fetch, lock: noLock, userId: SUPERVISOR })).toMatchObject({
      sent: 1,
    });
  });
});

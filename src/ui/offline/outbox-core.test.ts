import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { idbStore } from "./idb-store";
import {
  latestFor,
  memoryStore,
  newRecord,
  outcomeOfResponse,
  retried,
  retryDelay,
  sendWaitingRecords,
  summarise,
  type NewOutboxRecord,
  type OutboxRecord,
} from "./outbox-core";

const input = (caseId: string, body: unknown = { outcome: "ATTENDED_COMPLIED" }): NewOutboxRecord => ({
  kind: "attendance",
  method: "PUT",
  url: `/api/v1/sessions/s1/attendance/${caseId}`,
  body,
  label: `Attendance for ${caseId}`,
  sessionId: "s1",
  caseId,
});

let clock = Date.parse("2026-11-23T09:00:00Z");
const record = (caseId: string, body?: unknown): OutboxRecord =>
  newRecord(input(caseId, body), new Date((clock += 1000)));

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** A fake server that counts each idempotency key once, like the real one. */
function fakeServer(answer: (url: string, body: unknown) => Response | "network-down") {
  const calls: { key: string; url: string }[] = [];
  const applied = new Map<string, Response>();
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const key = new Headers(init.headers).get("Idempotency-Key") ?? "";
    calls.push({ key, url });
    const reply = answer(url, JSON.parse(String(init.body)));
    if (reply === "network-down") throw new TypeError("Failed to fetch");
    if (!applied.has(key)) applied.set(key, reply.clone());
    return applied.get(key)!.clone();
  }) as unknown as typeof fetch;
  return { fetch: fetchImpl, calls, applied };
}

describe("outcomeOfResponse", () => {
  it("keeps a record waiting on a server error, a redirect to sign-in, 401, 408 and 429", () => {
    expect(outcomeOfResponse({ status: 503 }, null)).toMatchObject({ kind: "wait", reason: "server-error" });
    expect(outcomeOfResponse({ status: 200, redirected: true }, null)).toMatchObject({
      kind: "wait",
      reason: "signed-out",
    });
    expect(outcomeOfResponse({ status: 401 }, null)).toMatchObject({ kind: "wait", reason: "signed-out" });
    expect(outcomeOfResponse({ status: 429 }, null)).toMatchObject({ kind: "wait", reason: "busy" });
  });

  it("marks a 4xx refused with the server's code and message", () => {
    const outcome = outcomeOfResponse(
      { status: 422 },
      { error: { code: "OUTCOME_NOT_ALLOWED", message: "Give a reason for this outcome." } },
    );
    expect(outcome).toEqual({
      kind: "refused",
      error: { status: 422, code: "OUTCOME_NOT_ALLOWED", message: "Give a reason for this outcome." },
    });
  });

  it("explains a 4xx without the docs/api.md error shape in plain words", () => {
    expect(outcomeOfResponse({ status: 404 }, null)).toMatchObject({
      kind: "refused",
      error: {
        code: "UNKNOWN",
        message:
          "The office system did not accept this record. Check it and send it again; if it keeps happening, phone the office.",
      },
    });
  });

  it("marks a 2xx sent with the reply", () => {
    expect(outcomeOfResponse({ status: 200 }, { attendance: { id: "a1" } })).toEqual({
      kind: "sent",
      response: { attendance: { id: "a1" } },
    });
  });
});

describe.each([
  ["in memory", () => memoryStore()],
  ["in IndexedDB", () => idbStore(`test-outbox-${crypto.randomUUID()}`)],
])("sendWaitingRecords %s", (_name, makeStore) => {
  it("sends waiting records oldest first, each under its own key, and marks them sent", async () => {
    const store = makeStore();
    const first = record("c1");
    const second = record("c2");
    await store.put(second);
    await store.put(first);
    const server = fakeServer(() => json(200, { ok: true }));
    const result = await sendWaitingRecords({ store, fetch: server.fetch });
    expect(result).toEqual({ sent: 2, refused: 0, waiting: 0 });
    expect(server.calls.map((call) => call.key)).toEqual([first.id, second.id]);
    expect((await store.get(first.id))?.state).toBe("sent");
  });

  it("leaves every record waiting when the network is down, and stops trying after the first", async () => {
    const store = makeStore();
    await store.put(record("c1"));
    await store.put(record("c2"));
    const server = fakeServer(() => "network-down");
    const result = await sendWaitingRecords({ store, fetch: server.fetch });
    expect(result).toEqual({ sent: 0, refused: 0, waiting: 2, stoppedBy: "offline" });
    expect(server.calls).toHaveLength(1);
    expect((await store.all()).map((r) => r.state)).toEqual(["waiting", "waiting"]);
  });

  it("keeps the server's refusal on the record and goes on with the next", async () => {
    const store = makeStore();
    const refused = record("c1", { outcome: "UNACCEPTABLE_ABSENCE" });
    const fine = record("c2");
    await store.put(refused);
    await store.put(fine);
    const server = fakeServer((_url, body) =>
      (body as { outcome: string }).outcome === "UNACCEPTABLE_ABSENCE"
        ? json(422, { error: { code: "OUTCOME_NOT_ALLOWED", message: "Say why." } })
        : json(200, {}),
    );
    expect(await sendWaitingRecords({ store, fetch: server.fetch })).toEqual({ sent: 1, refused: 1, waiting: 0 });
    expect(await store.get(refused.id)).toMatchObject({
      state: "refused",
      error: { status: 422, message: "Say why." },
    });
  });

  it("keeps records waiting on a 5xx", async () => {
    const store = makeStore();
    const waiting = record("c1");
    await store.put(waiting);
    const server = fakeServer(() => json(500, { error: { code: "INTERNAL", message: "Oops" } }));
    expect(await sendWaitingRecords({ store, fetch: server.fetch })).toMatchObject({
      waiting: 1,
      stoppedBy: "server-error",
    });
    expect((await store.get(waiting.id))?.state).toBe("waiting");
  });

  it("never sends a record twice when two passes run at once (the second finds it sent)", async () => {
    const store = makeStore();
    const one = record("c1");
    await store.put(one);
    const server = fakeServer(() => json(200, {}));
    await Promise.all([
      sendWaitingRecords({ store, fetch: server.fetch }),
      sendWaitingRecords({ store, fetch: server.fetch }),
    ]);
    expect(server.calls).toHaveLength(1);
  });

  it("sends again, with the same key, a record a closed tab left 'sending': the server counts it once", async () => {
    const store = makeStore();
    const orphan = { ...record("c1"), state: "sending" as const };
    await store.put(orphan);
    const server = fakeServer(() => json(200, {}));
    server.applied.set(orphan.id, json(200, { first: true }));
    await sendWaitingRecords({ store, fetch: server.fetch });
    expect(server.calls.map((call) => call.key)).toEqual([orphan.id]);
    expect(await store.get(orphan.id)).toMatchObject({ state: "sent", response: { first: true } });
  });

  it("replaces a refused record by its changed copy under a new key", async () => {
    const store = makeStore();
    const refused: OutboxRecord = {
      ...record("c1"),
      state: "refused",
      error: { status: 422, code: "X", message: "No" },
    };
    await store.put(refused);
    const next = retried(refused, { outcome: "ACCEPTABLE_ABSENCE" });
    await store.replace(refused.id, next);
    expect(await store.all()).toEqual([next]);
    expect(next).toMatchObject({
      state: "waiting",
      body: { outcome: "ACCEPTABLE_ABSENCE" },
      error: undefined,
      createdAt: refused.createdAt,
    });
    expect(next.id).not.toBe(refused.id);
  });
});

describe("summaries", () => {
  it("counts saved, waiting (sending included) and refused", () => {
    const records: OutboxRecord[] = [
      { ...record("c1"), state: "sent" },
      { ...record("c2"), state: "sending" },
      { ...record("c3"), state: "waiting" },
      { ...record("c4"), state: "refused" },
    ];
    expect(summarise(records)).toEqual({ saved: 1, waiting: 2, refused: 1 });
  });

  it("shows a person's latest record", () => {
    const older = { ...record("c1"), state: "sent" as const };
    const newer = { ...record("c1"), state: "waiting" as const };
    expect(latestFor([newer, older], "c1")?.id).toBe(newer.id);
    expect(latestFor([newer, older], "c2")).toBeUndefined();
  });

  it("backs off from 5 seconds to at most 5 minutes", () => {
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 300_000]);
  });
});

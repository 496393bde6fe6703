import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { idbStore } from "./idb-store";
import { discardRecord, retryRecord, setOutboxUserForTests, submitRecord, type NewOutboxRecord } from "./outbox";

// The page-side interface over the IndexedDB store (no window here: no listeners, no timers).

const attendance = (caseId: string, body: unknown): NewOutboxRecord => ({
  kind: "attendance",
  method: "PUT",
  url: `/api/v1/sessions/s1/attendance/${caseId}`,
  body,
  label: `Attendance for ${caseId}`,
  sessionId: "s1",
  caseId,
});

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

setOutboxUserForTests("user-1");
afterEach(() => vi.unstubAllGlobals());

describe("the outbox interface", () => {
  it("stores a record, sends it with its id as Idempotency-Key and resolves with the server's answer", async () => {
    const fetchMock = vi.fn(async () => reply(200, { attendance: { id: "a1" } }));
    vi.stubGlobal("fetch", fetchMock);
    const record = await submitRecord(attendance("c1", { outcome: "ATTENDED_COMPLIED" }));
    expect(record).toMatchObject({ state: "sent", response: { attendance: { id: "a1" } } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get("Idempotency-Key")).toBe(record.id);
  });

  it("keeps a record waiting when there is no connection", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    expect((await submitRecord(attendance("c2", { outcome: "ATTENDED_COMPLIED" }))).state).toBe("waiting");
  });

  it("sends a refused record again under a new key with the changed body, and discards only refused records", async () => {
    // The waiting record of the previous test goes first and is sent now.
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as { outcome: string };
        return body.outcome === "ACCEPTABLE_ABSENCE"
          ? reply(422, { error: { code: "REASON_REQUIRED", message: "Say why they were absent." } })
          : reply(200, {});
      }),
    );
    const refused = await submitRecord(attendance("c3", { outcome: "ACCEPTABLE_ABSENCE" }));
    expect(refused).toMatchObject({ state: "refused", error: { status: 422, message: "Say why they were absent." } });

    const again = await retryRecord(refused.id, { outcome: "ATTENDED_COMPLIED" });
    expect(again).toMatchObject({ state: "sent", body: { outcome: "ATTENDED_COMPLIED" } });
    expect(again?.id).not.toBe(refused.id);
    expect(await retryRecord(refused.id)).toBeUndefined();

    // Discard drops a refused record, never one the server has.
    const store = idbStore();
    discardRecord(again!.id);
    const refusedAgain = await submitRecord(attendance("c4", { outcome: "ACCEPTABLE_ABSENCE" }));
    discardRecord(refusedAgain.id);
    await vi.waitFor(async () => expect(await store.get(refusedAgain.id)).toBeUndefined());
    expect((await store.get(again!.id))?.state).toBe("sent");
  });
});

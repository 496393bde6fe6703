// The supervisor's device sends attendance through the outbox with an Idempotency-Key and may
// send the same record again after a lost connection (issue 5). On a real database through the
// real route: credited minutes are the domain's figure (the same function the roster shows),
// a replay counts once and answers the first result, and a reused key with another body is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putAttendance } from "../../app/api/v1/sessions/[id]/attendance/[caseId]/route";
import { creditForOutcome } from "@/domain/crediting";
import { addDays, todayInLondon, type IsoDate } from "@/domain";
import { issueApiToken } from "@/server/auth/api-tokens";
import { testDb } from "../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";

// The route reads the real clock: sessions are yesterday, so every outcome is allowed.
const DAY: IsoDate = addDays(todayInLondon(), -1);
const SESSION = { startTime: "09:00", endTime: "16:00" } as const;
const PRESENT = { outcome: "ATTENDED_COMPLIED", workQuality: "SATISFACTORY", behaviour: "SATISFACTORY" } as const;

let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let placementId: string;
let token: string;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  placementId = (await makePlacement(region, { capacity: 10 })).id;
  token = (await issueApiToken(testDb, { userId: staff.supervisor.id, name: "phone", expiresAt: null })).token;
});
afterAll(() => testDb.$disconnect());

async function booking(hoursOrdered = 100) {
  const { requirementId } = await makeCase(region, { sentenceDate: addDays(DAY, -60), hoursOrdered });
  const session = await makeSession(placementId, { date: DAY, supervisorId: staff.supervisor.id, ...SESSION });
  const allocation = await makeAllocation(session.id, requirementId);
  return { sessionId: session.id, caseId: requirementId, allocationId: allocation.id };
}

function put(ids: { sessionId: string; caseId: string }, body: unknown, key: string) {
  return putAttendance(
    new Request(`http://localhost/api/v1/sessions/${ids.sessionId}/attendance/${ids.caseId}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": key },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: ids.sessionId, caseId: ids.caseId }) },
  );
}

describe("credited minutes (R7) through PUT /api/v1/sessions/{id}/attendance/{caseId}", () => {
  it.each([
    { case: "defaults to the session's times", times: {}, expected: 420 },
    { case: "late arrival and early leaving", times: { arrivedAt: "09:30", leftAt: "15:45" }, expected: 375 },
    {
      case: "penalty minutes come off",
      times: { arrivedAt: "09:00", leftAt: "16:00", penaltyMinutes: 30 },
      expected: 390,
    },
    { case: "never more than the session's length", times: { arrivedAt: "08:00", leftAt: "17:30" }, expected: 420 },
    { case: "never below zero", times: { arrivedAt: "09:00", leftAt: "09:20", penaltyMinutes: 60 }, expected: 0 },
  ])("$case: $expected minutes, the figure the roster shows", async ({ times, expected }) => {
    const ids = await booking();
    const body = { ...PRESENT, ...times };
    const response = await put(ids, body, crypto.randomUUID());
    expect(response.status).toBe(200);
    const { attendance } = (await response.json()) as { attendance: { minutesCredited: number } };
    expect(attendance.minutesCredited).toBe(expected);
    // The roster computes its figure with the same domain function.
    expect(creditForOutcome({ ...body, session: SESSION })).toEqual({ ok: true, value: expected });
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } })).minutesCredited).toBe(expected);
  });

  it("the case total stops at the hours ordered and the requirement completes", async () => {
    const ids = await booking(40);
    const earlierSession = await makeSession(placementId, {
      date: addDays(DAY, -7),
      supervisorId: staff.supervisor.id,
      ...SESSION,
    });
    const earlier = await makeAllocation(earlierSession.id, ids.caseId);
    await makeAttendance(earlier.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 2_300 });
    const response = await put(ids, PRESENT, crypto.randomUUID());
    expect(response.status).toBe(200);
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } });
    expect(requirement.minutesCredited).toBe(40 * 60);
    expect(requirement.status).toBe("COMPLETED");
  });
});

describe("idempotent replay of the attendance PUT", () => {
  it("same key and same body: one attendance, one audit row, and the first result again", async () => {
    const ids = await booking();
    const key = crypto.randomUUID();
    const first = await put(ids, PRESENT, key);
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    const replays = await Promise.all([put(ids, PRESENT, key), put(ids, PRESENT, key), put(ids, PRESENT, key)]);
    for (const replay of replays) {
      expect(replay.status).toBe(200);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(await replay.json()).toEqual(firstBody);
    }
    expect(await testDb.attendance.count({ where: { allocationId: ids.allocationId } })).toBe(1);
    const attendance = await testDb.attendance.findUniqueOrThrow({ where: { allocationId: ids.allocationId } });
    expect(attendance.version).toBe(1);
    expect(await testDb.auditEvent.count({ where: { entityType: "Attendance", entityId: attendance.id } })).toBe(1);
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } })).minutesCredited).toBe(420);
  });

  it("same key, different body: 422 IDEMPOTENCY_KEY_REUSED and nothing changes", async () => {
    const ids = await booking();
    const key = crypto.randomUUID();
    expect((await put(ids, PRESENT, key)).status).toBe(200);
    const reused = await put(ids, { outcome: "UNACCEPTABLE_ABSENCE" }, key);
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
    const attendance = await testDb.attendance.findUniqueOrThrow({ where: { allocationId: ids.allocationId } });
    expect(attendance).toMatchObject({ outcome: "ATTENDED_COMPLIED", version: 1 });
  });

  it("a late replay of 'present' does not undo a later correction", async () => {
    const ids = await booking();
    const presentKey = crypto.randomUUID();
    const present = await put(ids, PRESENT, presentKey);
    const correction = await put(ids, { outcome: "UNACCEPTABLE_ABSENCE", version: 1 }, crypto.randomUUID());
    expect(correction.status).toBe(200);
    // The phone never saw the first answer and sends "present" again with its key.
    const replay = await put(ids, PRESENT, presentKey);
    expect(await replay.json()).toEqual(await present.json());
    const attendance = await testDb.attendance.findUniqueOrThrow({ where: { allocationId: ids.allocationId } });
    expect(attendance).toMatchObject({ outcome: "UNACCEPTABLE_ABSENCE", version: 2, minutesCredited: 0 });
  });

  it("a refusal is stored with its key too: the same record sent again gets the same refusal", async () => {
    const ids = await booking();
    const key = crypto.randomUUID();
    const refused = await put(ids, { outcome: "ACCEPTABLE_ABSENCE" }, key);
    expect(refused.status).toBe(422);
    const again = await put(ids, { outcome: "ACCEPTABLE_ABSENCE" }, key);
    expect(await again.json()).toEqual(await refused.json());
    expect(await testDb.attendance.count({ where: { allocationId: ids.allocationId } })).toBe(0);
  });

  it("a sensitive note stays sensitive when a correction does not mention it, and keeps its words", async () => {
    const ids = await booking();
    await put(ids, { ...PRESENT, note: "Disclosed a housing crisis", noteSensitive: true }, crypto.randomUUID());
    const corrected = await put(ids, { ...PRESENT, penaltyMinutes: 15, version: 1 }, crypto.randomUUID());
    expect(corrected.status).toBe(200);
    const attendance = await testDb.attendance.findUniqueOrThrow({ where: { allocationId: ids.allocationId } });
    expect(attendance).toMatchObject({ noteSensitive: true, note: "Disclosed a housing crisis", minutesCredited: 405 });
  });
});

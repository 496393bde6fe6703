// A note marked sensitive is shown only to managers and the case's own coordinator. A
// coordinator of the same region who is not the case's coordinator may still correct the
// outcome, but neither the reply to their correction nor its idempotent replay may carry the note.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putAttendance } from "../../app/api/v1/sessions/[id]/attendance/[caseId]/route";
import { addDays, todayInLondon, type IsoDate } from "@/domain";
import { issueApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db/client";
import { testDb } from "../support/db";
import {
  makeAllocation,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  makeUser,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";

const DAY: IsoDate = addDays(todayInLondon(), -1);
const SECRET = "Disclosed a domestic abuse referral — do not discuss on site";

let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let otherCoordinator: TestUser;
const tokens = new Map<string, string>();
let ids: { sessionId: string; caseId: string };

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  otherCoordinator = await makeUser("COORDINATOR", region);
  for (const user of [staff.coordinator, staff.manager, otherCoordinator]) {
    tokens.set(user.id, (await issueApiToken(testDb, { userId: user.id, name: "note", expiresAt: null })).token);
  }
  const placement = await makePlacement(region, { capacity: 10 });
  const { requirementId } = await makeCase(region, { sentenceDate: addDays(DAY, -60) });
  await testDb.requirement.update({ where: { id: requirementId }, data: { coordinatorId: staff.coordinator.id } });
  const session = await makeSession(placement.id, { date: DAY, supervisorId: staff.supervisor.id });
  await makeAllocation(session.id, requirementId);
  ids = { sessionId: session.id, caseId: requirementId };
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

function put(user: TestUser, body: unknown, key: string) {
  return putAttendance(
    new Request(`http://localhost/api/v1/sessions/${ids.sessionId}/attendance/${ids.caseId}`, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${tokens.get(user.id)}`,
        "idempotency-key": key,
      },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: ids.sessionId, caseId: ids.caseId }) },
  );
}

type Reply = { attendance: { note: string | null; noteSensitive: boolean } };

describe("a sensitive attendance note in command replies", () => {
  it("is in the reply of the manager who recorded it", async () => {
    const response = await put(
      staff.manager,
      { outcome: "UNACCEPTABLE_ABSENCE", note: SECRET, noteSensitive: true },
      crypto.randomUUID(),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Reply;
    expect(body.attendance).toMatchObject({ note: SECRET, noteSensitive: true });
  });

  it("is left out of the reply to another coordinator's correction, and out of its replay", async () => {
    const key = crypto.randomUUID();
    const correction = { outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL" };
    const first = await put(otherCoordinator, correction, key);
    const firstText = await first.text();
    expect(first.status, firstText).toBe(200);
    expect(firstText).not.toContain(SECRET);
    expect((JSON.parse(firstText) as Reply).attendance).toMatchObject({ note: null, noteSensitive: true });

    const replay = await put(otherCoordinator, correction, key);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).not.toContain(SECRET);
    // The note itself is kept: a correction that leaves it out does not erase it.
    expect((await testDb.attendance.findFirstOrThrow({ where: { requirementId: ids.caseId } })).note).toBe(SECRET);
  });

  it("is in the reply to the case's own coordinator", async () => {
    const response = await put(
      staff.coordinator,
      { outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL" },
      crypto.randomUUID(),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as Reply).attendance.note).toBe(SECRET);
  });
});

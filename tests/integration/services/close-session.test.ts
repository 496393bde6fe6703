// Closing a session (issue 5): refused while anyone booked has no attendance; after closing a
// supervisor can no longer change attendance (SESSION_CLOSED) while the office still can;
// only the session's own supervisor, or the region's coordinator or manager, may close it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postClose } from "../../../app/api/v1/sessions/[id]/close/route";
import type { IsoDate } from "@/domain";
import { AccessError } from "@/server/auth/access";
import { issueApiToken } from "@/server/auth/api-tokens";
import { recordAttendance } from "@/server/services/attendance/record-attendance";
import { closeSession } from "@/server/services/sessions/close-session";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import {
  auditEventsFor,
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
} from "../../support/factories";

const TODAY: IsoDate = "2025-06-11";
const options = { today: TODAY };
const COMPLIED = { outcome: "ATTENDED_COMPLIED", workQuality: "GOOD", behaviour: "GOOD" } as const;

let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let placementId: string;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  placementId = (await makePlacement(region, { capacity: 10 })).id;
});
afterAll(() => testDb.$disconnect());

/** A session today run by the region's supervisor, with `people` booked. */
async function sessionWith(people: number, supervisorId: string = staff.supervisor.id) {
  const session = await makeSession(placementId, { date: TODAY, supervisorId });
  const caseIds: string[] = [];
  for (let i = 0; i < people; i++) {
    const { requirementId } = await makeCase(region);
    await makeAllocation(session.id, requirementId);
    caseIds.push(requirementId);
  }
  return { sessionId: session.id, caseIds };
}

describe("closeSession", () => {
  it("refuses while someone booked has no attendance, then closes once everyone has one (audited)", async () => {
    const { sessionId, caseIds } = await sessionWith(2);
    const [first, second] = caseIds as [string, string];
    expectOk(await recordAttendance(staff.supervisor, { sessionId, caseId: first, ...COMPLIED }, options));

    const refused = await closeSession(staff.supervisor, { sessionId }, options);
    expect(refused).toMatchObject({ ok: false, code: "ATTENDANCE_INCOMPLETE", details: { missing: 1 } });
    expect(refused.ok || refused.message).toContain("1 person booked on this session has no attendance recorded");
    expect((await testDb.session.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("SCHEDULED");

    expectOk(
      await recordAttendance(staff.supervisor, { sessionId, caseId: second, outcome: "UNACCEPTABLE_ABSENCE" }, options),
    );
    const closed = expectOk(await closeSession(staff.supervisor, { sessionId }, options));
    expect(closed).toMatchObject({
      id: sessionId,
      status: "CLOSED",
      closedBy: staff.supervisor.name,
      attendanceRecorded: 2,
      alreadyClosed: false,
      version: 2,
    });

    const row = await testDb.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ status: "CLOSED", closedById: staff.supervisor.id });
    expect(row.closedAt).toBeInstanceOf(Date);
    const audits = await auditEventsFor("Session", sessionId);
    expect(audits.map((a) => a.action)).toEqual(["session.close"]);
    expect(audits[0]).toMatchObject({ actorId: staff.supervisor.id, regionId: region.id });
  });

  it("refuses to close a session that has not happened yet, even with nobody booked", async () => {
    const session = await makeSession(placementId, { date: "2025-06-12", supervisorId: staff.supervisor.id });
    expect(await closeSession(staff.coordinator, { sessionId: session.id }, options)).toMatchObject({
      ok: false,
      code: "SESSION_NOT_STARTED",
    });
    expect((await testDb.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("SCHEDULED");
  });

  it("a supervisor's first recording sent after the office recorded the booking is a conflict, not an overwrite", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    const caseId = caseIds[0]!;
    expectOk(
      await recordAttendance(staff.coordinator, { sessionId, caseId, outcome: "UNACCEPTABLE_ABSENCE" }, options),
    );
    // The phone, offline, recorded "present" without knowing of the office's record (no version).
    expect(await recordAttendance(staff.supervisor, { sessionId, caseId, ...COMPLIED }, options)).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
    });
    expect((await testDb.attendance.findFirstOrThrow({ where: { requirementId: caseId } })).outcome).toBe(
      "UNACCEPTABLE_ABSENCE",
    );
  });

  it("a sensitive note recorded by the office is not sent back to a supervisor who corrects the record", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    const caseId = caseIds[0]!;
    const first = expectOk(
      await recordAttendance(
        staff.coordinator,
        {
          sessionId,
          caseId,
          outcome: "ACCEPTABLE_ABSENCE",
          reasonCategory: "MEDICAL",
          note: "Mental health crisis",
          noteSensitive: true,
        },
        options,
      ),
    );
    expect(first.attendance.note).toBe("Mental health crisis");
    const corrected = expectOk(
      await recordAttendance(
        staff.supervisor,
        { sessionId, caseId, ...COMPLIED, version: first.attendance.version },
        options,
      ),
    );
    expect(corrected.attendance).toMatchObject({ outcome: "ATTENDED_COMPLIED", noteSensitive: true, note: null });
    expect((await testDb.attendance.findFirstOrThrow({ where: { requirementId: caseId } })).note).toBe(
      "Mental health crisis",
    );
  });

  it("closing a closed session changes nothing and says so", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    expectOk(await recordAttendance(staff.supervisor, { sessionId, caseId: caseIds[0]!, ...COMPLIED }, options));
    expectOk(await closeSession(staff.supervisor, { sessionId }, options));
    const again = expectOk(await closeSession(staff.coordinator, { sessionId }, options));
    expect(again).toMatchObject({ status: "CLOSED", alreadyClosed: true, closedBy: staff.supervisor.name, version: 2 });
    expect(await auditEventsFor("Session", sessionId)).toHaveLength(1);
  });

  it("after closing, the supervisor's changes are refused (SESSION_CLOSED); a coordinator may still correct", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    const caseId = caseIds[0]!;
    expectOk(await recordAttendance(staff.supervisor, { sessionId, caseId, ...COMPLIED }, options));
    expectOk(await closeSession(staff.supervisor, { sessionId }, options));

    const refused = await recordAttendance(
      staff.supervisor,
      { sessionId, caseId, outcome: "UNACCEPTABLE_ABSENCE" },
      options,
    );
    expect(refused).toMatchObject({ ok: false, code: "SESSION_CLOSED" });
    expect((await testDb.attendance.findFirstOrThrow({ where: { requirementId: caseId } })).outcome).toBe(
      "ATTENDED_COMPLIED",
    );

    const corrected = expectOk(
      await recordAttendance(
        staff.coordinator,
        { sessionId, caseId, outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL", note: "Evidence arrived" },
        options,
      ),
    );
    expect(corrected.attendance.outcome).toBe("ACCEPTABLE_ABSENCE");
  });

  it("counts people the supervisor cannot see (restricted cases) and refuses a cancelled session", async () => {
    const { sessionId } = await sessionWith(0);
    const restricted = await makeCase(region, { restricted: true });
    await makeAllocation(sessionId, restricted.requirementId);
    expect(await closeSession(staff.supervisor, { sessionId }, options)).toMatchObject({
      ok: false,
      code: "ATTENDANCE_INCOMPLETE",
    });

    const cancelled = await makeSession(placementId, { date: TODAY, supervisorId: staff.supervisor.id });
    await testDb.session.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    expect(await closeSession(staff.manager, { sessionId: cancelled.id }, options)).toMatchObject({
      ok: false,
      code: "SESSION_CANCELLED",
    });
  });

  it("refuses a stale version with STALE_VERSION", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    expectOk(await recordAttendance(staff.supervisor, { sessionId, caseId: caseIds[0]!, ...COMPLIED }, options));
    expect(await closeSession(staff.supervisor, { sessionId, version: 7 }, options)).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
    });
    expectOk(await closeSession(staff.supervisor, { sessionId, version: 1 }, options));
  });

  it("is 404 for another supervisor's session and another region's staff; 403 for a national lead", async () => {
    const other = await makeUser("SUPERVISOR", region);
    const { sessionId } = await sessionWith(0, other.id);
    await expect(closeSession(staff.supervisor, { sessionId }, options)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const elsewhere = await makeRegionalStaff(await makeRegion());
    await expect(closeSession(elsewhere.manager, { sessionId }, options)).rejects.toBeInstanceOf(AccessError);
    await expect(closeSession(elsewhere.manager, { sessionId }, options)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const national = await makeUser("NATIONAL_LEAD", null);
    await expect(closeSession(national, { sessionId }, options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await testDb.session.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("SCHEDULED");
    expect(await auditEventsFor("Session", sessionId)).toHaveLength(0);
  });
});

describe("POST /api/v1/sessions/{id}/close", () => {
  it("answers 422 ATTENDANCE_INCOMPLETE, then 200 with the closed session", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    const { token } = await issueApiToken(testDb, { userId: staff.supervisor.id, name: "device", expiresAt: null });
    const post = (key: string) =>
      postClose(
        new Request(`http://localhost/api/v1/sessions/${sessionId}/close`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": key },
          body: "{}",
        }),
        { params: Promise.resolve({ id: sessionId }) },
      );
    const early = await post("close-1");
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ error: { code: "ATTENDANCE_INCOMPLETE" } });

    expectOk(await recordAttendance(staff.supervisor, { sessionId, caseId: caseIds[0]!, ...COMPLIED }));
    const closed = await post("close-2");
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ id: sessionId, status: "CLOSED", alreadyClosed: false });
    // The same key replays the first answer.
    const replay = await post("close-2");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toMatchObject({ alreadyClosed: false });
  });
});

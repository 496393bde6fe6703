// Issue 11: a supervisor's correction of their own earlier record is not a conflict (the phone may
// send it before it knows the first record's version), while a change by the office since still
// is (409 with the record as it now stands); a note left out of a correction is kept; a closed
// register can be reopened by its supervisor the same day and by the office at any time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon, type IsoDate } from "@/domain";
import { AccessError } from "@/server/auth/access";
import { recordAttendance } from "@/server/services/attendance/record-attendance";
import { closeSession } from "@/server/services/sessions/close-session";
import { reopenSession } from "@/server/services/sessions/reopen-session";
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

// The real date: reopening compares the day the session was closed (a real clock) with today.
const TODAY: IsoDate = todayInLondon();
const options = { today: TODAY };
const PRESENT = {
  outcome: "ATTENDED_COMPLIED",
  arrivedAt: "09:00",
  leftAt: "16:00",
  penaltyMinutes: 0,
  workQuality: "SATISFACTORY",
  behaviour: "SATISFACTORY",
} as const;

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

async function sessionWith(people: number) {
  const session = await makeSession(placementId, { date: TODAY, supervisorId: staff.supervisor.id });
  const caseIds: string[] = [];
  for (let i = 0; i < people; i++) {
    const { requirementId } = await makeCase(region);
    await makeAllocation(session.id, requirementId);
    caseIds.push(requirementId);
  }
  return { sessionId: session.id, caseIds };
}

describe("a supervisor's correction of their own record", () => {
  it("is accepted without a version when the supervisor made the record: the absent person gets no credit and a warning is due", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    const caseId = caseIds[0]!;
    // Mark all present, then the phone's change made before it heard back (no version).
    expectOk(await recordAttendance(staff.supervisor, { sessionId, caseId, ...PRESENT }, options));
    const corrected = expectOk(
      await recordAttendance(staff.supervisor, { sessionId, caseId, outcome: "UNACCEPTABLE_ABSENCE" }, options),
    );
    expect(corrected.attendance).toMatchObject({ outcome: "UNACCEPTABLE_ABSENCE", minutesCredited: 0, version: 2 });
    expect(corrected.enforcementDue).toBe("WARNING");
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: caseId } })).minutesCredited).toBe(0);
    expect((await auditEventsFor("Attendance", corrected.attendance.id)).map((event) => event.action)).toEqual([
      "attendance.record",
      "attendance.correct",
    ]);
  });

  it("is refused (409 with the office's values) when the office changed the record since, and nothing is written", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    const caseId = caseIds[0]!;
    const first = expectOk(await recordAttendance(staff.supervisor, { sessionId, caseId, ...PRESENT }, options));
    expectOk(
      await recordAttendance(
        staff.coordinator,
        { sessionId, caseId, ...PRESENT, penaltyMinutes: 30, version: first.attendance.version },
        options,
      ),
    );

    for (const version of [undefined, first.attendance.version]) {
      const refused = await recordAttendance(
        staff.supervisor,
        { sessionId, caseId, outcome: "UNACCEPTABLE_ABSENCE", version },
        options,
      );
      expect(refused).toMatchObject({
        ok: false,
        code: "STALE_VERSION",
        details: {
          record: "attendance",
          current: { outcome: "ATTENDED_COMPLIED", penaltyMinutes: 30, minutesCredited: 390, version: 2 },
        },
      });
    }
    const row = await testDb.attendance.findFirstOrThrow({ where: { requirementId: caseId } });
    expect(row).toMatchObject({ outcome: "ATTENDED_COMPLIED", version: 2, recordedById: staff.coordinator.id });
  });

  it("keeps a sensitive note when a correction leaves the note out, and clears a note only when told to (note: null)", async () => {
    const { sessionId, caseIds } = await sessionWith(1);
    const caseId = caseIds[0]!;
    const first = expectOk(
      await recordAttendance(
        staff.supervisor,
        { sessionId, caseId, ...PRESENT, note: "Told me about a family crisis", noteSensitive: true },
        options,
      ),
    );
    expect(first.attendance).toMatchObject({ noteSensitive: true });
    // A later change of the penalty minutes, sending no note, keeps it (and does not show it back to the supervisor).
    const corrected = expectOk(
      await recordAttendance(
        staff.supervisor,
        { sessionId, caseId, ...PRESENT, penaltyMinutes: 20, version: 1 },
        options,
      ),
    );
    expect(corrected.attendance).toMatchObject({ penaltyMinutes: 20, note: null, noteSensitive: true });
    expect(await testDb.attendance.findFirstOrThrow({ where: { requirementId: caseId } })).toMatchObject({
      note: "Told me about a family crisis",
      noteSensitive: true,
    });

    expectOk(
      await recordAttendance(
        staff.coordinator,
        { sessionId, caseId, ...PRESENT, penaltyMinutes: 20, note: null, version: 2 },
        options,
      ),
    );
    expect(await testDb.attendance.findFirstOrThrow({ where: { requirementId: caseId } })).toMatchObject({
      note: null,
      noteSensitive: true,
    });
  });
});

describe("reopenSession", () => {
  async function closedSession() {
    const { sessionId, caseIds } = await sessionWith(1);
    expectOk(await recordAttendance(staff.supervisor, { sessionId, caseId: caseIds[0]!, ...PRESENT }, options));
    expectOk(await closeSession(staff.supervisor, { sessionId }, options));
    return { sessionId, caseId: caseIds[0]! };
  }

  it("lets the supervisor reopen on the day they closed it (audited with the reason), then correct and close again", async () => {
    const { sessionId, caseId } = await closedSession();
    const reopened = expectOk(
      await reopenSession(staff.supervisor, { sessionId, reason: "Closed before Sam left early" }, options),
    );
    expect(reopened).toMatchObject({ status: "SCHEDULED", alreadyOpen: false, version: 3 });
    expect(await testDb.session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: "SCHEDULED",
      closedAt: null,
      closedById: null,
    });
    const audits = await auditEventsFor("Session", sessionId);
    expect(audits.map((event) => event.action)).toEqual(["session.close", "session.reopen"]);
    expect(audits[1]).toMatchObject({
      actorId: staff.supervisor.id,
      after: { reason: "Closed before Sam left early" },
    });

    expectOk(
      await recordAttendance(
        staff.supervisor,
        { sessionId, caseId, ...PRESENT, leftAt: "12:00", outcome: "ATTENDED_SENT_HOME_SERVICE" },
        options,
      ),
    );
    expectOk(await closeSession(staff.supervisor, { sessionId }, options));
    // A second tap on an open session changes nothing.
    expectOk(await reopenSession(staff.supervisor, { sessionId }, options));
    expect(expectOk(await reopenSession(staff.supervisor, { sessionId }, options))).toMatchObject({
      alreadyOpen: true,
    });
  });

  it("refuses the supervisor after the day it was closed (phone the office); the office may reopen any time", async () => {
    const { sessionId } = await closedSession();
    await testDb.session.update({
      where: { id: sessionId },
      data: { closedAt: new Date(Date.now() - 2 * 24 * 3600 * 1000) },
    });
    expect(await reopenSession(staff.supervisor, { sessionId }, options)).toMatchObject({
      ok: false,
      code: "SESSION_CLOSED",
    });
    expect((await testDb.session.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("CLOSED");
    expect(expectOk(await reopenSession(staff.manager, { sessionId }, options))).toMatchObject({
      status: "SCHEDULED",
      alreadyOpen: false,
    });
  });

  it("is 404 for another supervisor and another region's coordinator; a stale version is a 409", async () => {
    const { sessionId } = await closedSession();
    const otherRegion = await makeRegion();
    const otherSupervisor = await makeUser("SUPERVISOR", region);
    const outsider = await makeUser("COORDINATOR", otherRegion);
    for (const actor of [otherSupervisor, outsider]) {
      await expect(reopenSession(actor, { sessionId }, options)).rejects.toBeInstanceOf(AccessError);
    }
    expect(await reopenSession(staff.coordinator, { sessionId, version: 1 }, options)).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
    });
  });
});

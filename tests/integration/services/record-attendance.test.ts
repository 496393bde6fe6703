// R7 / R8 / R9 through the recordAttendance service on a real database: crediting from
// times or minutes, the cap at the hours ordered, corrections, the 3rd accepted absence,
// future sessions and the enforcement due after a failure to comply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PUT as putAttendance } from "../../../app/api/v1/sessions/[id]/attendance/[caseId]/route";
import { utcDateFromIsoDate, type IsoDate } from "@/domain";
import { AccessError } from "@/server/auth/access";
import { issueApiToken } from "@/server/auth/api-tokens";
import { recordAttendance } from "@/server/services/attendance/record-attendance";
import type { RecordAttendanceInput } from "@/server/services/attendance/record-attendance.types";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import {
  auditEventsFor,
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeUser,
  seedReferenceData,
  type CaseSpec,
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
  placementId = (await makePlacement(region, { capacity: 50 })).id;
});
afterAll(() => testDb.$disconnect());

async function sessionOn(
  date: IsoDate,
  times: { startTime?: string; endTime?: string; supervisorId?: string } = {},
): Promise<string> {
  const session = await testDb.session.create({
    data: {
      placementId,
      date: utcDateFromIsoDate(date),
      startTime: times.startTime ?? "09:00",
      endTime: times.endTime ?? "16:00",
      capacity: 50,
      supervisorId: times.supervisorId ?? staff.supervisor.id,
    },
  });
  return session.id;
}

/** A case booked on a session on `date`; returns both ids. */
async function bookedCase(
  date: IsoDate,
  spec: CaseSpec = {},
  caseId?: string,
): Promise<{ caseId: string; sessionId: string; orderId: string }> {
  const testCase = caseId ? null : await makeCase(region, { sentenceDate: "2025-03-03", ...spec });
  const id = caseId ?? testCase!.requirementId;
  const sessionId = await sessionOn(date);
  await makeAllocation(sessionId, id);
  const { orderId } = await testDb.requirement.findUniqueOrThrow({ where: { id }, select: { orderId: true } });
  return { caseId: id, sessionId, orderId };
}

function record(
  actor: TestUser,
  ids: { caseId: string; sessionId: string },
  body: Omit<RecordAttendanceInput, "caseId" | "sessionId">,
) {
  return recordAttendance(actor, { caseId: ids.caseId, sessionId: ids.sessionId, ...body }, options);
}

async function snapshot(caseId: string) {
  const [requirement, attendances, approvals, actions, audits] = await Promise.all([
    testDb.requirement.findUniqueOrThrow({ where: { id: caseId } }),
    testDb.attendance.findMany({ where: { requirementId: caseId }, orderBy: { id: "asc" } }),
    testDb.approval.findMany({ where: { requirementId: caseId } }),
    testDb.enforcementAction.findMany({ where: { requirementId: caseId } }),
    testDb.auditEvent.count(),
  ]);
  return { requirement, attendances, approvals, actions, audits };
}

describe("recordAttendance — crediting (R7)", () => {
  it("credits the session's length when no times are given, commences the requirement and audits", async () => {
    const ids = await bookedCase("2025-06-02");
    const result = expectOk(await record(staff.supervisor, ids, COMPLIED));
    expect(result.attendance).toMatchObject({
      outcome: "ATTENDED_COMPLIED",
      minutesCredited: 420,
      arrivedAt: "09:00",
      leftAt: "16:00",
    });
    expect(result.enforcementDue).toBeNull();
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } });
    expect(requirement.minutesCredited).toBe(420);
    expect(requirement.commencedOn).toEqual(utcDateFromIsoDate("2025-06-02"));
    const events = await auditEventsFor("Attendance", result.attendance.id);
    expect(events.map((e) => e.action)).toEqual(["attendance.record"]);
  });

  it("credits (left − arrived) − penalty in whole minutes", async () => {
    const ids = await bookedCase("2025-06-02");
    const result = expectOk(
      await record(staff.coordinator, ids, { ...COMPLIED, arrivedAt: "09:30", leftAt: "15:07", penaltyMinutes: 15 }),
    );
    expect(result.attendance.minutesCredited).toBe(322);
  });

  it("accepts minutesCredited instead of times, up to the session's length", async () => {
    const ids = await bookedCase("2025-06-02");
    const tooMany = await record(staff.coordinator, ids, { ...COMPLIED, minutesCredited: 421 });
    expect(tooMany).toMatchObject({ ok: false, code: "INVALID_MINUTES" });
    const both = await record(staff.coordinator, ids, { ...COMPLIED, minutesCredited: 60, leftAt: "10:00" });
    expect(both).toMatchObject({ ok: false, code: "INVALID_INPUT", field: "minutesCredited" });
    const result = expectOk(await record(staff.coordinator, ids, { ...COMPLIED, minutesCredited: 200 }));
    expect(result.attendance).toMatchObject({ minutesCredited: 200, arrivedAt: null, leftAt: null });
  });

  it("requires work quality and behaviour for attended outcomes, and leaves the database unchanged", async () => {
    const ids = await bookedCase("2025-06-02");
    const before = await snapshot(ids.caseId);
    const result = await record(staff.supervisor, ids, { outcome: "ATTENDED_COMPLIED", behaviour: "GOOD" });
    expect(result).toMatchObject({ ok: false, code: "ATTENDANCE_DETAILS_REQUIRED", field: "workQuality" });
    expect(await snapshot(ids.caseId)).toEqual(before);
  });

  it("never takes the total past the hours ordered: completes on that date, and a correction re-opens it", async () => {
    const scene = await bookedCase("2025-05-01", { hoursOrdered: 40 });
    const sceneAllocation = await testDb.allocation.findFirstOrThrow({ where: { requirementId: scene.caseId } });
    await makeAttendance(sceneAllocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 2100 });
    await testDb.requirement.update({ where: { id: scene.caseId }, data: { minutesCredited: 2100 } });
    const ids = await bookedCase("2025-06-03", {}, scene.caseId);

    const result = expectOk(await record(staff.supervisor, ids, COMPLIED));
    expect(result.attendance.minutesCredited).toBe(420); // time worked; the case total is capped
    let requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } });
    expect(requirement).toMatchObject({
      minutesCredited: 2400,
      status: "COMPLETED",
      completedOn: utcDateFromIsoDate("2025-06-03"),
    });

    expectOk(await record(staff.coordinator, ids, { outcome: "UNACCEPTABLE_ABSENCE", version: 1 }));
    requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } });
    expect(requirement).toMatchObject({ minutesCredited: 2100, status: "ACTIVE", completedOn: null });
  });
});

describe("recordAttendance — outcomes (R8)", () => {
  it.each([
    ["ATTENDED_FAILED_TO_COMPLY", { workQuality: "POOR", behaviour: "POOR" }, 420, "WARNING"],
    ["ATTENDED_SENT_HOME_BEHAVIOUR", { workQuality: "POOR", behaviour: "POOR", leftAt: "11:00" }, 120, "WARNING"],
    ["ATTENDED_SENT_HOME_SERVICE", { workQuality: "NOT_APPLICABLE", behaviour: "GOOD", leftAt: "10:30" }, 90, null],
    ["ACCEPTABLE_ABSENCE", { reasonCategory: "MEDICAL", note: "GP letter seen" }, 0, null],
    ["UNACCEPTABLE_ABSENCE", {}, 0, "WARNING"],
  ] as const)("%s (%j) credits %i minutes; enforcement due: %s", async (outcome, extra, minutes, due) => {
    const ids = await bookedCase("2025-06-04");
    // Acceptability is the office's decision; a supervisor records the rest.
    const recorder = outcome === "ACCEPTABLE_ABSENCE" ? staff.coordinator : staff.supervisor;
    const result = expectOk(await record(recorder, ids, { outcome, ...extra }));
    expect(result.attendance.minutesCredited).toBe(minutes);
    expect(result.enforcementDue).toBe(due);
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } });
    expect(requirement.minutesCredited).toBe(minutes);
    expect(requirement.commencedOn).toEqual(outcome.startsWith("ATTENDED_") ? utcDateFromIsoDate("2025-06-04") : null);
  });

  it("an acceptable absence needs a reason category and a note", async () => {
    const ids = await bookedCase("2025-06-04");
    const result = await record(staff.coordinator, ids, { outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL" });
    expect(result).toMatchObject({ ok: false, code: "ATTENDANCE_DETAILS_REQUIRED", field: "note" });
  });

  it("a correction (unacceptable → acceptable) re-runs the rules and is audited with before and after", async () => {
    const ids = await bookedCase("2025-06-05");
    const first = expectOk(await record(staff.supervisor, ids, { outcome: "UNACCEPTABLE_ABSENCE" }));
    expect(first.enforcementDue).toBe("WARNING");

    const stale = await record(staff.coordinator, ids, {
      outcome: "ACCEPTABLE_ABSENCE",
      reasonCategory: "MEDICAL",
      note: "x",
      version: 7,
    });
    expect(stale).toMatchObject({ ok: false, code: "STALE_VERSION" });

    const corrected = expectOk(
      await record(staff.coordinator, ids, {
        outcome: "ACCEPTABLE_ABSENCE",
        reasonCategory: "MEDICAL",
        note: "Hospital letter",
        version: 1,
      }),
    );
    expect(corrected.enforcementDue).toBeNull();
    expect(corrected.attendance).toMatchObject({ id: first.attendance.id, version: 2, outcome: "ACCEPTABLE_ABSENCE" });
    const events = await auditEventsFor("Attendance", first.attendance.id);
    expect(events.map((e) => e.action)).toEqual(["attendance.record", "attendance.correct"]);
    expect(events[1]?.before).toMatchObject({ outcome: "UNACCEPTABLE_ABSENCE" });
    expect(events[1]?.after).toMatchObject({ outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL" });
  });

  it("the 3rd accepted absence (STOOD_DOWN not counted) waits for a manager's approval", async () => {
    const absence = (reasonCategory: "MEDICAL" | "STOOD_DOWN") => ({
      outcome: "ACCEPTABLE_ABSENCE" as const,
      reasonCategory,
      note: "noted",
    });
    const first = await bookedCase("2025-05-05");
    expect(expectOk(await record(staff.coordinator, first, absence("MEDICAL"))).approval).toBeUndefined();
    const second = await bookedCase("2025-05-12", {}, first.caseId);
    expectOk(await record(staff.coordinator, second, absence("STOOD_DOWN")));
    const third = await bookedCase("2025-05-19", {}, first.caseId);
    const thirdResult = expectOk(await record(staff.coordinator, third, absence("MEDICAL")));
    expect(thirdResult.attendance.approvalState).toBe("NOT_NEEDED");
    expect(thirdResult.approval).toBeUndefined();

    const fourth = await bookedCase("2025-05-26", {}, first.caseId);
    const pending = expectOk(await record(staff.coordinator, fourth, absence("MEDICAL")));
    expect(pending.attendance.approvalState).toBe("PENDING");
    expect(pending.enforcementDue).toBeNull(); // unacceptable-pending: not yet a failure (R8 → R9)
    expect(pending.approval).toMatchObject({ kind: "ACCEPTED_ABSENCE", status: "PENDING" });
    const approvals = await testDb.approval.findMany({ where: { requirementId: first.caseId } });
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ attendanceId: pending.attendance.id, regionId: region.id, status: "PENDING" });

    // Correcting it to a stand-down withdraws the request.
    const stoodDown = expectOk(await record(staff.coordinator, fourth, absence("STOOD_DOWN")));
    expect(stoodDown.attendance.approvalState).toBe("NOT_NEEDED");
    expect(await testDb.approval.count({ where: { requirementId: first.caseId } })).toBe(0);
  });

  it("a future session cannot take an attended outcome, only an acceptable absence", async () => {
    const ids = await bookedCase("2025-06-20");
    const before = await snapshot(ids.caseId);
    const attended = await record(staff.supervisor, ids, COMPLIED);
    expect(attended).toMatchObject({ ok: false, code: "OUTCOME_NOT_ALLOWED" });
    expect(await snapshot(ids.caseId)).toEqual(before);
    const stoodDown = await record(staff.coordinator, ids, {
      outcome: "ACCEPTABLE_ABSENCE",
      reasonCategory: "STOOD_DOWN",
      note: "Site closed",
    });
    expect(stoodDown.ok).toBe(true);
  });
});

describe("recordAttendance — enforcement due (R9)", () => {
  it("a failure makes a WARNING due, then a BREACH once a warning on the order is live", async () => {
    const ids = await bookedCase("2025-05-06");
    expect(expectOk(await record(staff.supervisor, ids, { outcome: "UNACCEPTABLE_ABSENCE" })).enforcementDue).toBe(
      "WARNING",
    );
    await testDb.enforcementAction.create({
      data: {
        requirementId: ids.caseId,
        orderId: ids.orderId,
        type: "WARNING",
        date: utcDateFromIsoDate("2025-05-08"),
      },
    });
    const next = await bookedCase("2025-05-13", {}, ids.caseId);
    const result = expectOk(await record(staff.supervisor, next, { outcome: "UNACCEPTABLE_ABSENCE" }));
    expect(result.enforcementDue).toBe("BREACH");
    expect(result.enforcementAction).toBeUndefined();
  });

  it("with the region's auto-enforcement on, creates the warning in the same transaction", async () => {
    const autoRegion = await makeRegion({ autoEnforcement: true });
    const autoStaff = await makeRegionalStaff(autoRegion);
    const autoPlacement = await makePlacement(autoRegion);
    const testCase = await makeCase(autoRegion, { sentenceDate: "2025-03-03" });
    const session = await testDb.session.create({
      data: {
        placementId: autoPlacement.id,
        date: utcDateFromIsoDate("2025-06-02"),
        startTime: "09:00",
        endTime: "16:00",
        capacity: 6,
      },
    });
    await makeAllocation(session.id, testCase.requirementId);
    const result = expectOk(
      await recordAttendance(
        autoStaff.coordinator,
        { sessionId: session.id, caseId: testCase.requirementId, outcome: "UNACCEPTABLE_ABSENCE" },
        options,
      ),
    );
    expect(result.enforcementDue).toBe("WARNING");
    expect(result.enforcementAction).toMatchObject({ type: "WARNING", date: TODAY, caseId: testCase.requirementId });
    const action = await testDb.enforcementAction.findUniqueOrThrow({ where: { id: result.enforcementAction!.id } });
    expect(action.failureAttendanceId).toBe(result.attendance.id);
    expect(await auditEventsFor("EnforcementAction", action.id)).toHaveLength(1);
  });
});

describe("recordAttendance — who may", () => {
  it("another region's coordinator, and another supervisor, get NOT_FOUND; a national lead is forbidden", async () => {
    const ids = await bookedCase("2025-06-02");
    const otherRegion = await makeRegion();
    const outsider = await makeUser("COORDINATOR", otherRegion);
    const otherSupervisor = await makeUser("SUPERVISOR", region);
    const national = await makeUser("NATIONAL_LEAD", null);
    const before = await snapshot(ids.caseId);
    for (const actor of [outsider, otherSupervisor]) {
      const error = await record(actor, ids, COMPLIED).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AccessError);
      expect((error as AccessError).code).toBe("NOT_FOUND");
    }
    await expect(record(national, ids, COMPLIED)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(ids.caseId)).toEqual(before);
  });
});

describe("PUT /api/v1/sessions/{id}/attendance/{caseId}", () => {
  it("records through the API wrapper; a retry with the same Idempotency-Key credits once", async () => {
    const ids = await bookedCase("2025-06-02");
    const { token } = await issueApiToken(testDb, { userId: staff.supervisor.id, name: "device", expiresAt: null });
    const put = (body: unknown, key: string) =>
      putAttendance(
        new Request(`http://localhost/api/v1/sessions/${ids.sessionId}/attendance/${ids.caseId}`, {
          method: "PUT",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": key },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id: ids.sessionId, caseId: ids.caseId }) },
      );
    const first = await put(COMPLIED, "retry-1");
    expect(first.status).toBe(200);
    const replay = await put(COMPLIED, "retry-1");
    expect(await replay.json()).toEqual(await first.json());
    expect(await testDb.attendance.count({ where: { requirementId: ids.caseId } })).toBe(1);
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } })).minutesCredited).toBe(420);
    const both = await put({ ...COMPLIED, minutesCredited: 60, leftAt: "10:00" }, "retry-2");
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: { fields: [{ field: "minutesCredited" }] } },
    });
  });
});

// R9 made whole, through the services on a real database: every action answers a failure
// (FAILURE_REQUIRED), a correction to an acceptable absence withdraws the action in the same
// transaction (and the next failure counts as a first), a manager withdraws with a reason, and
// four eyes on approvals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcDateFromIsoDate, type IsoDate } from "@/domain";
import { decideApproval } from "@/server/services/approvals/decide-approval";
import { recordAttendance } from "@/server/services/attendance/record-attendance";
import { listEnforcement } from "@/server/services/enforcement/list-enforcement";
import { startEnforcement } from "@/server/services/enforcement/start-enforcement";
import { withdrawEnforcement } from "@/server/services/enforcement/withdraw-enforcement";
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
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";

const TODAY: IsoDate = "2025-06-11";
const options = { today: TODAY };
let region: TestRegion;
let autoRegion: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let autoStaff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  autoRegion = await makeRegion({ autoEnforcement: true });
  staff = await makeRegionalStaff(region);
  autoStaff = await makeRegionalStaff(autoRegion);
});
afterAll(() => testDb.$disconnect());

async function bookedOn(r: TestRegion, caseId: string, date: IsoDate, supervisorId: string) {
  const placement = await makePlacement(r, { capacity: 50 });
  const session = await testDb.session.create({
    data: {
      placementId: placement.id,
      date: utcDateFromIsoDate(date),
      startTime: "09:00",
      endTime: "16:00",
      capacity: 50,
      supervisorId,
    },
  });
  await makeAllocation(session.id, caseId);
  return session.id;
}

async function snapshot(caseId: string) {
  const [actions, audits] = await Promise.all([
    testDb.enforcementAction.findMany({ where: { requirementId: caseId }, orderBy: { id: "asc" } }),
    testDb.auditEvent.count(),
  ]);
  return { actions, audits };
}

describe("every warning or breach answers a failure (FAILURE_REQUIRED)", () => {
  it("refuses a warning that names no failure, and writes nothing", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const before = await snapshot(requirementId);
    const result = await startEnforcement(
      staff.coordinator,
      { caseId: requirementId, type: "WARNING", date: TODAY },
      options,
    );
    expect(result).toMatchObject({ ok: false, code: "FAILURE_REQUIRED" });
    expect(await snapshot(requirementId)).toEqual(before);
  });

  it("refuses a warning for someone whose named attendance complied", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const sessionId = await bookedOn(region, requirementId, "2025-06-02", staff.supervisor.id);
    const allocation = await testDb.allocation.findFirstOrThrow({ where: { sessionId } });
    const complied = await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 420 });
    const result = await startEnforcement(
      staff.coordinator,
      { caseId: requirementId, type: "WARNING", date: TODAY, attendanceId: complied.id },
      options,
    );
    expect(result).toMatchObject({ ok: false, code: "OUTCOME_NOT_ALLOWED" });
  });

  it("accepts a described failure with its date, and shows it", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const warning = expectOk(
      await startEnforcement(
        staff.coordinator,
        {
          caseId: requirementId,
          type: "WARNING",
          date: TODAY,
          failureDate: "2025-06-09",
          failureDescription: "Did not go to the induction",
          deliveredBy: "IN_PERSON",
        },
        options,
      ),
    );
    expect(warning).toMatchObject({
      status: "ACTIVE",
      failureDate: "2025-06-09",
      failureDescription: "Did not go to the induction",
      attendanceId: null,
      deliveredBy: "IN_PERSON",
    });
  });
});

describe("a correction to an acceptable absence withdraws the action", () => {
  it("the reported sequence: warned → corrected to a medical absence → the next absence is 'warning due' and a new warning is accepted", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const first = await bookedOn(region, requirementId, "2025-05-12", staff.supervisor.id);
    const recorded = expectOk(
      await recordAttendance(
        staff.coordinator,
        { sessionId: first, caseId: requirementId, outcome: "UNACCEPTABLE_ABSENCE" },
        options,
      ),
    );
    expect(recorded.enforcementDue).toBe("WARNING");
    const warning = expectOk(
      await startEnforcement(
        staff.coordinator,
        { caseId: requirementId, type: "WARNING", date: "2025-05-14", attendanceId: recorded.attendance.id },
        options,
      ),
    );

    const corrected = expectOk(
      await recordAttendance(
        staff.coordinator,
        {
          sessionId: first,
          caseId: requirementId,
          outcome: "ACCEPTABLE_ABSENCE",
          reasonCategory: "MEDICAL",
          note: "GP's note arrived",
          version: recorded.attendance.version,
        },
        options,
      ),
    );
    expect(corrected.withdrawnEnforcement).toEqual([{ id: warning.id, type: "WARNING" }]);
    const list = expectOk(await listEnforcement(staff.coordinator, { caseId: requirementId }, options));
    expect(list.actions[0]).toMatchObject({ id: warning.id, status: "WITHDRAWN" });
    expect(list.actions[0]?.withdrawalReason).toMatch(/corrected/i);
    const audits = await auditEventsFor("EnforcementAction", warning.id);
    expect(audits.map((a) => a.action)).toEqual(["enforcement.warning", "enforcement.withdraw"]);

    const second = await bookedOn(region, requirementId, "2025-06-02", staff.supervisor.id);
    const next = expectOk(
      await recordAttendance(
        staff.coordinator,
        { sessionId: second, caseId: requirementId, outcome: "UNACCEPTABLE_ABSENCE" },
        options,
      ),
    );
    expect(next.enforcementDue).toBe("WARNING");
    expectOk(
      await startEnforcement(
        staff.coordinator,
        { caseId: requirementId, type: "WARNING", date: TODAY, attendanceId: next.attendance.id },
        options,
      ),
    );
  });

  it("an automatic warning is withdrawn too, and a correction back to unacceptable makes it due again", async () => {
    const { requirementId } = await makeCase(autoRegion, { sentenceDate: "2025-03-03" });
    const sessionId = await bookedOn(autoRegion, requirementId, "2025-06-02", autoStaff.supervisor.id);
    const recorded = expectOk(
      await recordAttendance(
        autoStaff.coordinator,
        { sessionId, caseId: requirementId, outcome: "UNACCEPTABLE_ABSENCE" },
        options,
      ),
    );
    expect(recorded.enforcementAction?.type).toBe("WARNING");
    const corrected = expectOk(
      await recordAttendance(
        autoStaff.coordinator,
        {
          sessionId,
          caseId: requirementId,
          outcome: "ACCEPTABLE_ABSENCE",
          reasonCategory: "EMPLOYMENT",
          note: "Shift letter",
        },
        options,
      ),
    );
    expect(corrected.withdrawnEnforcement).toHaveLength(1);
    const again = expectOk(
      await recordAttendance(
        autoStaff.coordinator,
        { sessionId, caseId: requirementId, outcome: "UNACCEPTABLE_ABSENCE", note: "Shift letter was forged" },
        options,
      ),
    );
    // Auto-enforcement answers it afresh: the withdrawn warning no longer counts, so a warning again.
    expect(again.enforcementAction?.type).toBe("WARNING");
    expect(await testDb.enforcementAction.count({ where: { requirementId, status: "ACTIVE" } })).toBe(1);
  });

  it("a correction from one failure to another keeps the action", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const sessionId = await bookedOn(region, requirementId, "2025-06-02", staff.supervisor.id);
    const recorded = expectOk(
      await recordAttendance(
        staff.coordinator,
        { sessionId, caseId: requirementId, outcome: "UNACCEPTABLE_ABSENCE" },
        options,
      ),
    );
    const warning = expectOk(
      await startEnforcement(
        staff.coordinator,
        { caseId: requirementId, type: "WARNING", date: TODAY, attendanceId: recorded.attendance.id },
        options,
      ),
    );
    const corrected = expectOk(
      await recordAttendance(
        staff.coordinator,
        {
          sessionId,
          caseId: requirementId,
          outcome: "ATTENDED_FAILED_TO_COMPLY",
          workQuality: "POOR",
          behaviour: "POOR",
          note: "Came late and refused work",
        },
        options,
      ),
    );
    expect(corrected.withdrawnEnforcement ?? []).toEqual([]);
    expect((await testDb.enforcementAction.findUniqueOrThrow({ where: { id: warning.id } })).status).toBe("ACTIVE");
  });
});

describe("withdrawEnforcement (managers, with a reason)", () => {
  it("withdraws, is audited, refuses a second time, and is for managers only", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const warning = expectOk(
      await startEnforcement(
        staff.coordinator,
        { caseId: requirementId, type: "WARNING", date: TODAY, failureDate: "2025-06-10", failureDescription: "Late" },
        options,
      ),
    );
    await expect(
      withdrawEnforcement(staff.coordinator, { actionId: warning.id, reason: "x" }, options),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const withdrawn = expectOk(
      await withdrawEnforcement(
        staff.manager,
        { actionId: warning.id, reason: "Given in error: wrong person" },
        options,
      ),
    );
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", withdrawalReason: "Given in error: wrong person" });
    expect((await auditEventsFor("EnforcementAction", warning.id)).at(-1)?.action).toBe("enforcement.withdraw");
    expect(await withdrawEnforcement(staff.manager, { actionId: warning.id, reason: "again" }, options)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("refuses to withdraw a breach the court has decided", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const breach = expectOk(
      await startEnforcement(
        staff.manager,
        {
          caseId: requirementId,
          type: "BREACH",
          date: "2025-06-01",
          failureDate: "2025-05-30",
          failureDescription: "Third failure",
        },
        options,
      ),
    );
    await testDb.enforcementOutcome.create({
      data: { actionId: breach.id, outcome: "CONTINUE", date: utcDateFromIsoDate("2025-06-05") },
    });
    expect(await withdrawEnforcement(staff.manager, { actionId: breach.id, reason: "x" }, options)).toMatchObject({
      ok: false,
      code: "OUTCOME_NOT_ALLOWED",
    });
  });
});

describe("four eyes on approvals", () => {
  it("whoever recorded or corrected the absence cannot approve it; another manager can", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const sessions = [];
    for (const date of ["2025-05-12", "2025-05-19", "2025-05-26"] as IsoDate[])
      sessions.push(await bookedOn(region, requirementId, date, staff.supervisor.id));
    for (const sessionId of sessions.slice(0, 2)) {
      expectOk(
        await recordAttendance(
          staff.coordinator,
          { sessionId, caseId: requirementId, outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL", note: "ill" },
          options,
        ),
      );
    }
    const third = expectOk(
      await recordAttendance(
        staff.manager,
        {
          sessionId: sessions[2]!,
          caseId: requirementId,
          outcome: "ACCEPTABLE_ABSENCE",
          reasonCategory: "MEDICAL",
          note: "ill again",
        },
        options,
      ),
    );
    expect(third.approval).toBeDefined();
    const refused = await decideApproval(
      staff.manager,
      { approvalId: third.approval!.id, decision: "APPROVE" },
      options,
    );
    expect(refused).toMatchObject({ ok: false, code: "FOUR_EYES_REQUIRED" });
    const other = await makeRegionalStaff(region);
    expectOk(await decideApproval(other.manager, { approvalId: third.approval!.id, decision: "APPROVE" }, options));
  });
});

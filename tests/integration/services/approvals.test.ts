// R8 → R9 through the approval services: a 3rd+ accepted absence waits for a manager; approval
// lets it stand, rejection makes it a failure to comply with the enforcement due.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { utcDateFromIsoDate, type IsoDate } from "@/domain";
import { decideApproval } from "@/server/services/approvals/decide-approval";
import { listApprovals } from "@/server/services/approvals/list-approvals";
import { recordAttendance } from "@/server/services/attendance/record-attendance";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import {
  auditEventsFor,
  makeAllocation,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeUser,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";

const TODAY: IsoDate = "2025-06-11";
const options = { today: TODAY };
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

/** A case with two accepted absences recorded and a third waiting for approval. */
async function pendingThirdAbsence(): Promise<{ caseId: string; approvalId: string; attendanceId: string }> {
  const { requirementId: caseId } = await makeCase(region, { sentenceDate: "2025-03-03" });
  let last: Awaited<ReturnType<typeof recordAttendance>> | null = null;
  for (const date of ["2025-05-05", "2025-05-12", "2025-05-19"]) {
    const session = await testDb.session.create({
      data: { placementId, date: utcDateFromIsoDate(date), startTime: "09:00", endTime: "16:00", capacity: 50 },
    });
    await makeAllocation(session.id, caseId);
    last = await recordAttendance(
      staff.coordinator,
      {
        sessionId: session.id,
        caseId,
        outcome: "ACCEPTABLE_ABSENCE",
        reasonCategory: "MEDICAL",
        note: "Doctor's note",
      },
      options,
    );
  }
  const recorded = expectOk(last!);
  if (!recorded.approval) throw new Error("expected a pending approval");
  return { caseId, approvalId: recorded.approval.id, attendanceId: recorded.attendance.id };
}

describe("decideApproval (R8)", () => {
  it("approve: the absence stands; the decision is audited", async () => {
    const { approvalId, attendanceId } = await pendingThirdAbsence();
    const decided = expectOk(
      await decideApproval(
        staff.manager,
        { approvalId, decision: "APPROVE", note: "Medical evidence seen", version: 1 },
        options,
      ),
    );
    expect(decided).toMatchObject({
      status: "APPROVED",
      decisionNote: "Medical evidence seen",
      enforcementDue: null,
      version: 2,
    });
    const attendance = await testDb.attendance.findUniqueOrThrow({ where: { id: attendanceId } });
    expect(attendance.approvalState).toBe("APPROVED");
    expect((await auditEventsFor("Approval", approvalId)).map((e) => e.action)).toEqual([
      "approval.request",
      "approval.approve",
    ]);
  });

  it("reject: the absence becomes a failure to comply and the result says a warning is due", async () => {
    const { approvalId, attendanceId } = await pendingThirdAbsence();
    const decided = expectOk(
      await decideApproval(staff.manager, { approvalId, decision: "REJECT", note: "No evidence" }, options),
    );
    expect(decided).toMatchObject({ status: "REJECTED", enforcementDue: "WARNING" });
    const attendance = await testDb.attendance.findUniqueOrThrow({ where: { id: attendanceId } });
    expect(attendance).toMatchObject({ outcome: "ACCEPTABLE_ABSENCE", approvalState: "REJECTED" });
  });

  it("refuses a stale version and a second decision, leaving the database unchanged", async () => {
    const { approvalId, attendanceId } = await pendingThirdAbsence();
    const snapshot = async () => ({
      approval: await testDb.approval.findUniqueOrThrow({ where: { id: approvalId } }),
      attendance: await testDb.attendance.findUniqueOrThrow({ where: { id: attendanceId } }),
      audits: await testDb.auditEvent.count(),
    });
    const before = await snapshot();
    expect(await decideApproval(staff.manager, { approvalId, decision: "APPROVE", version: 5 }, options)).toMatchObject(
      {
        ok: false,
        code: "STALE_VERSION",
      },
    );
    expect(await snapshot()).toEqual(before);
    expectOk(await decideApproval(staff.manager, { approvalId, decision: "APPROVE" }, options));
    expect(await decideApproval(staff.manager, { approvalId, decision: "REJECT" }, options)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("only a manager of the region decides: coordinators are forbidden, other regions get NOT_FOUND", async () => {
    const { approvalId } = await pendingThirdAbsence();
    await expect(decideApproval(staff.coordinator, { approvalId, decision: "APPROVE" }, options)).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    const outsider = await makeUser("MANAGER", await makeRegion());
    await expect(decideApproval(outsider, { approvalId, decision: "APPROVE" }, options)).rejects.toMatchObject({
      name: "AccessError",
      code: "NOT_FOUND",
    });
    expect((await testDb.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe("PENDING");
  });
});

describe("listApprovals", () => {
  it("lists the region's pending approvals for its manager, oldest first; another region sees none", async () => {
    const { approvalId } = await pendingThirdAbsence();
    const list = expectOk(await listApprovals(staff.manager, { status: "PENDING" }, options));
    expect(list.approvals.map((a) => a.id)).toContain(approvalId);
    expect(list.approvals.every((a) => a.status === "PENDING" && a.kind === "ACCEPTED_ABSENCE")).toBe(true);
    const outsider = await makeUser("MANAGER", await makeRegion());
    expect(expectOk(await listApprovals(outsider, {}, options)).approvals).toEqual([]);
    await expect(listApprovals(staff.supervisor, {}, options)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

// Issue 3 §2 commands through /api/v1 that the service tests do not already drive over HTTP:
// terminating a requirement, and correcting attendance (version check, rules re-run, audited).
// Completion has no command: a requirement is COMPLETED when its minutes reach the hours ordered
// (R7; tests/integration/services/record-attendance.test.ts and credit-ete.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postTermination } from "../../app/api/v1/cases/[id]/termination/route";
import { PUT as putAttendance } from "../../app/api/v1/sessions/[id]/attendance/[caseId]/route";
import { addDays, todayInLondon } from "@/domain";
import { db } from "@/server/db/client";
import { issueStaffTokens } from "../support/api-tokens";
import { testDb } from "../support/db";
import {
  auditEventsFor,
  makeAllocation,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";

const today = todayInLondon();
let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let tokens: Record<string, string>;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  tokens = await issueStaffTokens(staff, "commands");
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

const json = (method: string, url: string, token: string, body: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe("POST /api/v1/cases/{id}/termination", () => {
  const terminate = (caseId: string, token: string, body: unknown) =>
    postTermination(json("POST", `/api/v1/cases/${caseId}/termination`, token, body), {
      params: Promise.resolve({ id: caseId }),
    });

  it("a regional manager ends an active requirement: later bookings cancelled, audited; a second time is 422 REQUIREMENT_NOT_ACTIVE", async () => {
    const c = await makeCase(region, { sentenceDate: addDays(today, -60) });
    const placement = await makePlacement(region);
    const later = await makeSession(placement.id, { date: addDays(today, 7), supervisorId: staff.supervisor.id });
    await makeAllocation(later.id, c.requirementId);

    const response = await terminate(c.requirementId, tokens.manager ?? "", {
      reason: "EXPIRED_INCOMPLETE",
      note: "Period ran out",
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({
      caseId: c.requirementId,
      status: "TERMINATED",
      terminatedOn: today,
      cancelledAllocations: 1,
    });
    expect(await testDb.requirement.findUniqueOrThrow({ where: { id: c.requirementId } })).toMatchObject({
      status: "TERMINATED",
      terminationReason: "EXPIRED_INCOMPLETE",
    });
    expect((await auditEventsFor("Requirement", c.requirementId)).map((e) => e.action)).toEqual([
      "requirement.terminate",
    ]);

    const again = await terminate(c.requirementId, tokens.manager ?? "", { reason: "OTHER" });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({
      error: { code: "REQUIREMENT_NOT_ACTIVE", message: expect.stringContaining("already been terminated") },
    });
  });

  it("a coordinator is 403 and nothing changes; a future end date is 400", async () => {
    const c = await makeCase(region, { sentenceDate: addDays(today, -60) });
    const forbidden = await terminate(c.requirementId, tokens.coordinator ?? "", { reason: "OTHER" });
    expect(forbidden.status).toBe(403);
    const future = await terminate(c.requirementId, tokens.manager ?? "", { reason: "OTHER", date: addDays(today, 1) });
    expect(future.status).toBe(400);
    expect(await future.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: { fields: [{ field: "date" }] } },
    });
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: c.requirementId } })).status).toBe("ACTIVE");
    expect(await auditEventsFor("Requirement", c.requirementId)).toEqual([]);
  });
});

describe("PUT /api/v1/sessions/{id}/attendance/{caseId} — corrections", () => {
  it("a correction with the current version re-runs the rules (credit removed, warning now due) and is audited; a stale version is 409 with a reload message", async () => {
    const c = await makeCase(region, { sentenceDate: addDays(today, -30), hoursOrdered: 40 });
    const placement = await makePlacement(region);
    const session = await makeSession(placement.id, { date: addDays(today, -1), supervisorId: staff.supervisor.id });
    await makeAllocation(session.id, c.requirementId);
    const put = (token: string, body: unknown) =>
      putAttendance(json("PUT", `/api/v1/sessions/${session.id}/attendance/${c.requirementId}`, token, body), {
        params: Promise.resolve({ id: session.id, caseId: c.requirementId }),
      });

    const first = await put(tokens.supervisor ?? "", {
      outcome: "ATTENDED_COMPLIED",
      minutesCredited: 420,
      workQuality: "GOOD",
      behaviour: "GOOD",
    });
    expect(first.status, await first.clone().text()).toBe(200);
    const recorded = (await first.json()) as { attendance: { id: string; version: number } };
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: c.requirementId } })).minutesCredited).toBe(420);

    const stale = await put(tokens.coordinator ?? "", {
      outcome: "UNACCEPTABLE_ABSENCE",
      version: recorded.attendance.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: "STALE_VERSION", message: expect.stringContaining("Reload") },
    });

    const corrected = await put(tokens.coordinator ?? "", {
      outcome: "UNACCEPTABLE_ABSENCE",
      version: recorded.attendance.version,
    });
    expect(corrected.status, await corrected.clone().text()).toBe(200);
    expect(await corrected.json()).toMatchObject({
      attendance: { id: recorded.attendance.id, outcome: "UNACCEPTABLE_ABSENCE", minutesCredited: 0 },
      enforcementDue: "WARNING",
    });
    expect(await testDb.requirement.findUniqueOrThrow({ where: { id: c.requirementId } })).toMatchObject({
      minutesCredited: 0,
      status: "ACTIVE",
    });
    const events = await auditEventsFor("Attendance", recorded.attendance.id);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["attendance.record", staff.supervisor.id],
      ["attendance.correct", staff.coordinator.id],
    ]);
    expect(events[1]?.before).toMatchObject({ outcome: "ATTENDED_COMPLIED" });
  });
});

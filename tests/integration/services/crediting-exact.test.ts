// R7/R8 made exact, on a real database and through the API: the demo's examples — sent home
// with no leaving time, rained off at 09:15, a session a week before the sentence, ETE on a
// 13-month-old requirement, a supervisor deciding an absence was acceptable — each refused or
// credited as the law allows, and a refused write writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PUT as putAttendance } from "../../../app/api/v1/sessions/[id]/attendance/[caseId]/route";
import { POST as postEte } from "../../../app/api/v1/cases/[id]/ete-credits/route";
import { utcDateFromIsoDate, type IsoDate } from "@/domain";
import { issueApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db/client";
import { allocate } from "@/server/services/allocations/allocate";
import { recordAttendance } from "@/server/services/attendance/record-attendance";
import type { RecordAttendanceInput } from "@/server/services/attendance/record-attendance.types";
import { creditEte } from "@/server/services/ete/credit-ete";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import {
  makeAllocation,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type CaseSpec,
  type TestRegion,
  type TestUser,
} from "../../support/factories";

const TODAY: IsoDate = "2025-06-11";
const options = { today: TODAY };
const RATED = { workQuality: "SATISFACTORY", behaviour: "POOR" } as const;

let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let placementId: string;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  placementId = (await makePlacement(region, { capacity: 50 })).id;
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

async function bookedCase(date: IsoDate, spec: CaseSpec = {}) {
  const testCase = await makeCase(region, { sentenceDate: "2025-03-03", ...spec });
  const session = await makeSession(placementId, { date, supervisorId: staff.supervisor.id, capacity: 50 });
  await makeAllocation(session.id, testCase.requirementId);
  return { caseId: testCase.requirementId, sessionId: session.id };
}

function record(
  actor: TestUser,
  ids: { caseId: string; sessionId: string },
  body: Omit<RecordAttendanceInput, "caseId" | "sessionId">,
) {
  return recordAttendance(actor, { ...ids, ...body }, options);
}

async function snapshot(caseId: string) {
  const [requirement, attendances, credits, actions, audits] = await Promise.all([
    testDb.requirement.findUniqueOrThrow({ where: { id: caseId } }),
    testDb.attendance.findMany({ where: { requirementId: caseId } }),
    testDb.eteCredit.findMany({ where: { requirementId: caseId } }),
    testDb.enforcementAction.findMany({ where: { requirementId: caseId } }),
    testDb.auditEvent.count(),
  ]);
  return { requirement, attendances, credits, actions, audits };
}

async function bearer(user: TestUser): Promise<string> {
  const { token } = await issueApiToken(testDb, { userId: user.id, name: "test", expiresAt: null });
  return `Bearer ${token}`;
}

describe("sent home: credit stops at the time they were sent home", () => {
  it("sent home for behaviour with no leaving time is refused (not 7 hours credited) and writes nothing", async () => {
    const ids = await bookedCase("2025-06-02");
    const before = await snapshot(ids.caseId);
    const result = await record(staff.supervisor, ids, { outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", ...RATED });
    expect(result).toMatchObject({ ok: false, code: "LEAVING_TIME_REQUIRED", field: "leftAt" });
    expect(await snapshot(ids.caseId)).toEqual(before);
  });

  it("through the API the same refusal is a 422 with the field named", async () => {
    const ids = await bookedCase("2025-06-02");
    const response = await putAttendance(
      new Request(`http://localhost/api/v1/sessions/${ids.sessionId}/attendance/${ids.caseId}`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: await bearer(staff.supervisor) },
        body: JSON.stringify({ outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", ...RATED }),
      }),
      { params: Promise.resolve({ id: ids.sessionId, caseId: ids.caseId }) },
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "LEAVING_TIME_REQUIRED" } });
    expect(await testDb.attendance.count({ where: { requirementId: ids.caseId } })).toBe(0);
  });

  it("sent home for behaviour at 11:20 credits 2 h 20 min", async () => {
    const ids = await bookedCase("2025-06-02");
    const result = expectOk(
      await record(staff.supervisor, ids, { outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", ...RATED, leftAt: "11:20" }),
    );
    expect(result.attendance.minutesCredited).toBe(140);
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } })).minutesCredited).toBe(140);
  });

  it("rained off at 09:15 credits the 15 minutes present; without the time it is refused", async () => {
    const ids = await bookedCase("2025-06-03");
    const service = {
      outcome: "ATTENDED_SENT_HOME_SERVICE",
      workQuality: "NOT_APPLICABLE",
      behaviour: "GOOD",
    } as const;
    expect(await record(staff.supervisor, ids, service)).toMatchObject({ ok: false, code: "LEAVING_TIME_REQUIRED" });
    const result = expectOk(await record(staff.supervisor, ids, { ...service, leftAt: "09:15" }));
    expect(result.attendance.minutesCredited).toBe(15);
    expect(result.enforcementDue).toBeNull();
  });

  it("a correction from complied to sent home re-runs the credit in the same transaction", async () => {
    const ids = await bookedCase("2025-06-04");
    const first = expectOk(
      await record(staff.coordinator, ids, { outcome: "ATTENDED_COMPLIED", workQuality: "GOOD", behaviour: "GOOD" }),
    );
    expect(first.attendance.minutesCredited).toBe(420);
    const corrected = expectOk(
      await record(staff.coordinator, ids, {
        outcome: "ATTENDED_SENT_HOME_BEHAVIOUR",
        ...RATED,
        leftAt: "12:00",
        version: first.attendance.version,
      }),
    );
    expect(corrected.attendance.minutesCredited).toBe(180);
    expect(corrected.enforcementDue).toBe("WARNING");
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: ids.caseId } })).minutesCredited).toBe(180);
  });
});

describe("nothing before the sentence date (BEFORE_SENTENCE)", () => {
  it("a session a week before the sentence cannot be booked, even retrospectively", async () => {
    const testCase = await makeCase(region, { sentenceDate: "2025-06-02" });
    const session = await makeSession(placementId, {
      date: "2025-05-26",
      supervisorId: staff.supervisor.id,
      capacity: 50,
    });
    const result = await allocate(
      staff.coordinator,
      { sessionId: session.id, caseId: testCase.requirementId, retrospective: true },
      options,
    );
    expect(result).toMatchObject({ ok: false, code: "BEFORE_SENTENCE" });
    expect(await testDb.allocation.count({ where: { requirementId: testCase.requirementId } })).toBe(0);
  });

  it("an outcome for a session before the sentence is refused: no 420 minutes, not commenced before it was made", async () => {
    const ids = await bookedCase("2025-05-26", { sentenceDate: "2025-06-02" });
    const before = await snapshot(ids.caseId);
    const result = await record(staff.coordinator, ids, {
      outcome: "ATTENDED_COMPLIED",
      workQuality: "GOOD",
      behaviour: "GOOD",
    });
    expect(result).toMatchObject({ ok: false, code: "BEFORE_SENTENCE" });
    const after = await snapshot(ids.caseId);
    expect(after).toEqual(before);
    expect(after.requirement.commencedOn).toBeNull();
  });

  it("ETE dated before the sentence is refused with BEFORE_SENTENCE (422 through the API)", async () => {
    const testCase = await makeCase(region, {
      sentenceDate: "2025-06-02",
      assessment: { eteEligible: true, eteReason: "NOT_IN_WORK" },
    });
    const result = await creditEte(
      staff.coordinator,
      { caseId: testCase.requirementId, date: "2025-05-30", minutes: 60, activity: "Course" },
      options,
    );
    expect(result).toMatchObject({ ok: false, code: "BEFORE_SENTENCE", field: "date" });
    const response = await postEte(
      new Request(`http://localhost/api/v1/cases/${testCase.requirementId}/ete-credits`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: await bearer(staff.coordinator) },
        body: JSON.stringify({ date: "2025-05-30", minutes: 60, activity: "Course" }),
      }),
      { params: Promise.resolve({ id: testCase.requirementId }) },
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "BEFORE_SENTENCE" } });
    expect(await testDb.eteCredit.count({ where: { requirementId: testCase.requirementId } })).toBe(0);
  });
});

describe("no ETE past the effective end date without an extension (EXTENSION_REQUIRED)", () => {
  it("a requirement 13 months old, in the backlog, refuses a 2-hour ETE credit; an extension lets it through", async () => {
    const testCase = await makeCase(region, {
      sentenceDate: "2024-05-10",
      assessment: { eteEligible: true, eteReason: "NOT_IN_WORK" },
    });
    const before = await snapshot(testCase.requirementId);
    const input = { caseId: testCase.requirementId, date: "2025-06-10", minutes: 120, activity: "Forklift course" };
    expect(await creditEte(staff.coordinator, input, options)).toMatchObject({
      ok: false,
      code: "EXTENSION_REQUIRED",
      field: "date",
    });
    expect(await snapshot(testCase.requirementId)).toEqual(before);

    await testDb.extension.create({
      data: {
        requirementId: testCase.requirementId,
        grantedOn: utcDateFromIsoDate("2025-06-01"),
        newEndDate: utcDateFromIsoDate("2025-11-10"),
        court: "Test Magistrates' Court",
        reason: "Illness",
        createdById: staff.coordinator.id,
      },
    });
    expect(expectOk(await creditEte(staff.coordinator, input, options)).minutes).toBe(120);
  });
});

describe("supervisors record what they saw; acceptability is the office's correction", () => {
  it("a supervisor cannot record an acceptable absence; they record did-not-attend, and the office corrects it on evidence", async () => {
    const ids = await bookedCase("2025-06-05");
    const before = await snapshot(ids.caseId);
    const refused = await record(staff.supervisor, ids, {
      outcome: "ACCEPTABLE_ABSENCE",
      reasonCategory: "MEDICAL",
      note: "Says he was ill",
    });
    expect(refused).toMatchObject({ ok: false, code: "OUTCOME_NOT_ALLOWED", field: "outcome" });
    expect(await snapshot(ids.caseId)).toEqual(before);

    const absent = expectOk(await record(staff.supervisor, ids, { outcome: "UNACCEPTABLE_ABSENCE" }));
    expect(absent.enforcementDue).toBe("WARNING");
    const corrected = expectOk(
      await record(staff.coordinator, ids, {
        outcome: "ACCEPTABLE_ABSENCE",
        reasonCategory: "MEDICAL",
        note: "GP letter seen",
        version: absent.attendance.version,
      }),
    );
    expect(corrected.attendance.outcome).toBe("ACCEPTABLE_ABSENCE");
    expect(corrected.enforcementDue).toBeNull();
  });
});

// The coordinator's work queue (issue 4 §1): the five lists' definitions, their order, and scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "./../support/db";
import {
  makeAllocation,
  makeAttendance,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type CaseSpec,
  type TestRegion,
  type TestUser,
} from "../support/factories";
import { utcDateFromIsoDate } from "@/domain";
import { db } from "@/server/db/client";
import { loadWorkQueue } from "@/server/queries/work-queue";

// Monday 16 June 2025.
const asOf = "2025-06-16";

let region: TestRegion;
let coordinator: TestUser;
let manager: TestUser;

beforeAll(async () => {
  await seedReferenceData();
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

// A fresh region per test, so each list holds only that test's cases.
async function freshRegion() {
  region = await makeRegion();
  ({ coordinator, manager } = await makeRegionalStaff(region));
}

async function sessionOn(date: string, type: "GROUP" | "INDUCTION" = "GROUP") {
  const placement = await makePlacement(region, { type });
  return makeSession(placement.id, { date });
}

async function caseWith(spec: CaseSpec & { commencedOn?: string } = {}) {
  const { commencedOn, ...caseSpec } = spec;
  const made = await makeCase(region, caseSpec);
  if (commencedOn)
    await testDb.requirement.update({
      where: { id: made.requirementId },
      data: { commencedOn: utcDateFromIsoDate(commencedOn) },
    });
  return made.requirementId;
}

const idsOf = (section: { rows: { id: string }[] }) => section.rows.map((row) => row.id);

describe("work queue", () => {
  it("awaiting assessment or induction: an incomplete assessment, or assessed and not started without an induction", async () => {
    await freshRegion();
    const notAssessed = await caseWith({ sentenceDate: "2025-06-02", assessment: { complete: false } });
    const noAssessmentRow = await caseWith({ sentenceDate: "2025-06-03", assessment: null });
    const needsInduction = await caseWith({ sentenceDate: "2025-06-04" });
    const inductionBooked = await caseWith({ sentenceDate: "2025-06-05" });
    await makeAllocation((await sessionOn("2025-06-19", "INDUCTION")).id, inductionBooked);
    const started = await caseWith({ sentenceDate: "2025-05-01", commencedOn: "2025-05-10" });
    await caseWith({ sentenceDate: "2025-06-02", status: "COMPLETED", assessment: { complete: false } });

    const queue = await loadWorkQueue(coordinator, asOf);
    expect(idsOf(queue.awaitingAssessment)).toEqual([notAssessed, noAssessmentRow, needsInduction]);
    expect(queue.awaitingAssessment.rows.map((r) => r.needs)).toEqual(["ASSESSMENT", "ASSESSMENT", "INDUCTION"]);
    expect(queue.awaitingAssessment.total).toBe(3);
    expect(idsOf(queue.awaitingAssessment)).not.toContain(started);
  });

  it("no first session booked: assessed, not started, no future work session; overdue first with working days left", async () => {
    await freshRegion();
    // Sentenced Mon 12 May → deadline Tue 3 June (26 May is a bank holiday; overdue by 9 working days); Mon 2 June → deadline Mon 23 June (5 left).
    const overdue = await caseWith({ sentenceDate: "2025-05-12" });
    const dueSoon = await caseWith({ sentenceDate: "2025-06-02" });
    const onlyInduction = await caseWith({ sentenceDate: "2025-06-09" });
    await makeAllocation((await sessionOn("2025-06-17", "INDUCTION")).id, onlyInduction);
    const workBooked = await caseWith({ sentenceDate: "2025-06-02" });
    await makeAllocation((await sessionOn("2025-06-18")).id, workBooked);
    const pastBookingOnly = await caseWith({ sentenceDate: "2025-05-20" });
    await makeAllocation((await sessionOn("2025-06-11")).id, pastBookingOnly);
    await caseWith({ sentenceDate: "2025-06-02", assessment: { complete: false } });

    const queue = await loadWorkQueue(coordinator, asOf);
    expect(idsOf(queue.noFirstSession)).toEqual([overdue, pastBookingOnly, dueSoon, onlyInduction]);
    const byId = new Map(queue.noFirstSession.rows.map((r) => [r.id, r]));
    expect(byId.get(overdue)).toMatchObject({ startDeadline: "2025-06-03", workingDaysLeft: -9 });
    expect(byId.get(dueSoon)).toMatchObject({ startDeadline: "2025-06-23", workingDaysLeft: 5 });
  });

  it("active with no future session: started, nothing booked from today, with the last attendance", async () => {
    await freshRegion();
    const idle = await caseWith({ sentenceDate: "2025-03-03", commencedOn: "2025-03-10" });
    const past = await makeAllocation((await sessionOn("2025-06-04")).id, idle);
    await makeAttendance(past.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 420 });
    const busy = await caseWith({ sentenceDate: "2025-03-03", commencedOn: "2025-03-10" });
    await makeAllocation((await sessionOn("2025-06-16")).id, busy);
    const cancelled = await caseWith({ sentenceDate: "2025-03-04", commencedOn: "2025-03-11" });
    await makeAllocation((await sessionOn("2025-06-20")).id, cancelled, { status: "CANCELLED" });

    const queue = await loadWorkQueue(coordinator, asOf);
    expect(idsOf(queue.noFutureSession)).toEqual([idle, cancelled]);
    expect(queue.noFutureSession.rows[0]).toMatchObject({ lastAttendance: "2025-06-04" });
  });

  it("nearing end: within 8 weeks of the effective end date with hours outstanding, soonest first; an extension moves the end", async () => {
    await freshRegion();
    const endsIn2Weeks = await caseWith({ sentenceDate: "2024-07-01", commencedOn: "2024-07-10" });
    const endsIn7Weeks = await caseWith({ sentenceDate: "2024-08-04", commencedOn: "2024-08-10" });
    await caseWith({ sentenceDate: "2024-12-01", commencedOn: "2024-12-10" });
    const extended = await caseWith({ sentenceDate: "2024-07-01", commencedOn: "2024-07-10" });
    await testDb.extension.create({
      data: {
        requirementId: extended,
        grantedOn: utcDateFromIsoDate("2025-06-01"),
        newEndDate: utcDateFromIsoDate("2026-01-01"),
        court: "Test Crown Court",
        reason: "Illness",
      },
    });
    await caseWith({ sentenceDate: "2024-07-01", status: "COMPLETED", hoursOrdered: 40, minutesCredited: 2400 });

    const queue = await loadWorkQueue(coordinator, asOf);
    expect(idsOf(queue.nearingEnd)).toEqual([endsIn2Weeks, endsIn7Weeks]);
    expect(queue.nearingEnd.rows[0]).toMatchObject({ effectiveEndDate: "2025-07-01", outstandingMinutes: 6000 });
  });

  it("absences waiting for a decision: pending accepted-absence approvals only", async () => {
    await freshRegion();
    const person = await caseWith({ sentenceDate: "2025-03-03", commencedOn: "2025-03-10" });
    const allocation = await makeAllocation((await sessionOn("2025-06-11")).id, person);
    const absence = await makeAttendance(allocation.id, { outcome: "ACCEPTABLE_ABSENCE" });
    const pending = await testDb.approval.create({
      data: {
        kind: "ACCEPTED_ABSENCE",
        requirementId: person,
        regionId: region.id,
        attendanceId: absence.id,
        requestedById: coordinator.id,
      },
    });
    await testDb.approval.create({
      data: {
        kind: "ACCEPTED_ABSENCE",
        status: "APPROVED",
        requirementId: person,
        regionId: region.id,
        requestedById: coordinator.id,
        decidedById: manager.id,
        decidedAt: new Date(),
      },
    });

    const queue = await loadWorkQueue(coordinator, asOf);
    expect(queue.absences.total).toBe(1);
    expect(queue.absences.rows).toEqual([
      expect.objectContaining({ id: pending.id, requirementId: person, absenceDate: "2025-06-11" }),
    ]);
  });

  it("pages every list to its end: 27 cases awaiting assessment are 25 on page 1 and 2 on page 2 (issue 13)", async () => {
    await freshRegion();
    const made: string[] = [];
    for (let i = 0; i < 27; i++)
      made.push(await caseWith({ sentenceDate: "2025-06-02", assessment: { complete: false } }));
    const first = await loadWorkQueue(coordinator, asOf);
    expect(first.awaitingAssessment).toMatchObject({ total: 27, page: 1, pageCount: 2 });
    expect(first.awaitingAssessment.rows).toHaveLength(25);
    const second = await loadWorkQueue(coordinator, asOf, { awaitingAssessment: 2 });
    expect(second.awaitingAssessment).toMatchObject({ total: 27, page: 2, pageCount: 2 });
    expect(second.awaitingAssessment.rows).toHaveLength(2);
    // Together the pages hold every case once.
    expect(new Set([...idsOf(first.awaitingAssessment), ...idsOf(second.awaitingAssessment)])).toEqual(new Set(made));
    // A page past the end shows the last page; the other lists stay on page 1.
    const past = await loadWorkQueue(coordinator, asOf, { awaitingAssessment: 9 });
    expect(past.awaitingAssessment.page).toBe(2);
    expect(past.noFirstSession).toMatchObject({ page: 1, pageCount: 1 });
  });

  it("shows only the caller's region", async () => {
    await freshRegion();
    const mine = await caseWith({ sentenceDate: "2025-06-02", assessment: { complete: false } });
    const elsewhere = await makeRegion();
    await makeCase(elsewhere, { sentenceDate: "2025-06-02", assessment: { complete: false } });
    const queue = await loadWorkQueue(coordinator, asOf);
    expect(idsOf(queue.awaitingAssessment)).toEqual([mine]);
    const managerQueue = await loadWorkQueue(manager, asOf);
    expect(idsOf(managerQueue.awaitingAssessment)).toEqual([mine]);
  });
});

// R9 through the enforcement services: no second warning within 12 months on the same order,
// a manager's breach for a failure under another requirement, and the court's outcomes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { utcDateFromIsoDate, type IsoDate } from "@/domain";
import { listEnforcement } from "@/server/services/enforcement/list-enforcement";
import { recordBreachOutcome } from "@/server/services/enforcement/record-breach-outcome";
import { startEnforcement } from "@/server/services/enforcement/start-enforcement";
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
  makeSession,
  makeUser,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";

const TODAY: IsoDate = "2025-06-11";
const options = { today: TODAY };
let region: TestRegion;
let coordinator: TestUser;
let manager: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, manager } = await makeRegionalStaff(region));
});
afterAll(() => testDb.$disconnect());

const newCase = (hoursOrdered = 100) => makeCase(region, { sentenceDate: "2024-03-04", hoursOrdered });

async function snapshot(caseId: string) {
  const [requirement, actions, outcomes, audits] = await Promise.all([
    testDb.requirement.findUniqueOrThrow({ where: { id: caseId } }),
    testDb.enforcementAction.findMany({ where: { requirementId: caseId }, orderBy: { id: "asc" } }),
    testDb.enforcementOutcome.findMany({ where: { action: { requirementId: caseId } }, orderBy: { id: "asc" } }),
    testDb.auditEvent.count(),
  ]);
  return { requirement, actions, outcomes, audits };
}

async function openBreach(caseId: string, date: IsoDate = "2025-05-01") {
  return expectOk(
    await startEnforcement(
      coordinator,
      { caseId, type: "BREACH", date, failureDate: date, failureDescription: "A third unacceptable absence" },
      options,
    ),
  );
}

describe("startEnforcement (R9)", () => {
  it("refuses a second warning within 12 months of a warning on the same ORDER, allows it 12 months + 1 day later", async () => {
    const first = await newCase();
    // A second requirement of the same order (same person, same order).
    const order = await testDb.order.findUniqueOrThrow({ where: { id: first.orderId } });
    const sibling = await testDb.requirement.create({
      data: {
        orderId: order.id,
        personId: first.personId,
        regionId: region.id,
        managedBy: order.managedBy,
        orderType: order.type,
        sentenceDate: order.sentenceDate,
        hoursOrdered: 60,
        originalHoursOrdered: 60,
      },
    });
    const warning = expectOk(
      await startEnforcement(
        coordinator,
        {
          caseId: first.requirementId,
          type: "WARNING",
          date: "2024-06-10",
          failureDate: "2024-06-10",
          failureDescription: "Did not attend a work session",
          note: "Missed session",
        },
        options,
      ),
    );
    expect(warning).toMatchObject({ type: "WARNING", date: "2024-06-10", openBreach: false });
    expect((await auditEventsFor("EnforcementAction", warning.id)).map((e) => e.action)).toEqual([
      "enforcement.warning",
    ]);

    const before = await snapshot(sibling.id);
    const second = await startEnforcement(
      coordinator,
      {
        caseId: sibling.id,
        type: "WARNING",
        date: "2025-06-10",
        failureDate: "2025-06-10",
        failureDescription: "Did not attend a work session",
      },
      options,
    );
    expect(second).toMatchObject({
      ok: false,
      code: "SECOND_WARNING_NOT_ALLOWED",
      details: { previousWarningDate: "2024-06-10" },
    });
    expect(await snapshot(sibling.id)).toEqual(before);

    const later = await startEnforcement(
      coordinator,
      {
        caseId: sibling.id,
        type: "WARNING",
        date: "2025-06-11",
        failureDate: "2025-06-11",
        failureDescription: "Did not attend a work session",
      },
      options,
    );
    expect(later.ok).toBe(true);
  });

  it("a manager may start a breach for a failure under another requirement of the order, with a note", async () => {
    const first = await newCase();
    const sibling = await makeCase(region, { sentenceDate: "2024-03-04", personId: first.personId });
    await testDb.requirement.update({ where: { id: sibling.requirementId }, data: { orderId: first.orderId } });
    const placement = await makePlacement(region);
    const session = await makeSession(placement.id, { date: "2025-06-02" });
    const allocation = await makeAllocation(session.id, first.requirementId);
    const failureRow = await makeAttendance(allocation.id, { outcome: "UNACCEPTABLE_ABSENCE" });
    const input = {
      caseId: sibling.requirementId,
      type: "BREACH" as const,
      date: "2025-06-05",
      attendanceId: failureRow.id,
    };

    await expect(startEnforcement(coordinator, { ...input, note: "n" }, options)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await startEnforcement(manager, input, options)).toMatchObject({ ok: false, field: "note" });
    const breach = expectOk(
      await startEnforcement(manager, { ...input, note: "Failure under the other requirement" }, options),
    );
    expect(breach).toMatchObject({
      type: "BREACH",
      attendanceId: failureRow.id,
      failureDate: "2025-06-02",
      openBreach: true,
    });
    expect(await startEnforcement(manager, { ...input, note: "again" }, options)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("another region's manager gets NOT_FOUND and nothing is written", async () => {
    const { requirementId } = await newCase();
    const outsider = await makeUser("MANAGER", await makeRegion());
    const before = await snapshot(requirementId);
    await expect(
      startEnforcement(
        outsider,
        {
          caseId: requirementId,
          type: "WARNING",
          date: TODAY,
          failureDate: TODAY,
          failureDescription: "Did not attend a work session",
        },
        options,
      ),
    ).rejects.toMatchObject({
      name: "AccessError",
      code: "NOT_FOUND",
    });
    expect(await snapshot(requirementId)).toEqual(before);
  });
});

describe("recordBreachOutcome (R9)", () => {
  it("is for managers only", async () => {
    const { requirementId } = await newCase();
    const breach = await openBreach(requirementId);
    await expect(
      recordBreachOutcome(coordinator, { actionId: breach.id, outcome: "CONTINUE", date: TODAY }, options),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("CONTINUE closes the breach", async () => {
    const { requirementId } = await newCase();
    const breach = await openBreach(requirementId);
    const closed = expectOk(
      await recordBreachOutcome(manager, { actionId: breach.id, outcome: "CONTINUE", date: "2025-06-01" }, options),
    );
    expect(closed).toMatchObject({ openBreach: false, underWarrant: false, version: 2 });
    expect(
      await recordBreachOutcome(manager, { actionId: breach.id, outcome: "CONTINUE", date: "2025-06-02" }, options),
    ).toMatchObject({
      ok: false,
      code: "OUTCOME_NOT_ALLOWED",
    });
  });

  it("HOURS_ADDED sets the new hours ordered; more than 300 is refused and changes nothing", async () => {
    const { requirementId } = await newCase(250);
    const breach = await openBreach(requirementId);
    const before = await snapshot(requirementId);
    const tooMany = await recordBreachOutcome(
      manager,
      { actionId: breach.id, outcome: "HOURS_ADDED", date: "2025-06-01", newHoursOrdered: 301 },
      options,
    );
    expect(tooMany).toMatchObject({ ok: false, code: "HOURS_OUT_OF_RANGE" });
    expect(await snapshot(requirementId)).toEqual(before);
    const added = expectOk(
      await recordBreachOutcome(
        manager,
        { actionId: breach.id, outcome: "HOURS_ADDED", date: "2025-06-01", newHoursOrdered: 300, version: 1 },
        options,
      ),
    );
    expect(added.outcomes).toEqual([expect.objectContaining({ outcome: "HOURS_ADDED", newHoursOrdered: 300 })]);
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } });
    expect(requirement).toMatchObject({ hoursOrdered: 300, originalHoursOrdered: 250, status: "ACTIVE" });
  });

  it("REVOKED terminates the requirement", async () => {
    const { requirementId } = await newCase();
    const breach = await openBreach(requirementId);
    expectOk(
      await recordBreachOutcome(manager, { actionId: breach.id, outcome: "REVOKED", date: "2025-06-02" }, options),
    );
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } });
    expect(requirement).toMatchObject({
      status: "TERMINATED",
      terminationReason: "REVOKED",
      terminatedOn: utcDateFromIsoDate("2025-06-02"),
    });
    const events = await auditEventsFor("EnforcementAction", breach.id);
    expect(events.map((e) => e.action)).toEqual(["enforcement.breach", "enforcement.outcome"]);
  });

  it("WARRANT_ISSUED keeps the breach open and the case under warrant until WARRANT_EXECUTED", async () => {
    const { requirementId } = await newCase();
    const breach = await openBreach(requirementId);
    const issued = expectOk(
      await recordBreachOutcome(
        manager,
        { actionId: breach.id, outcome: "WARRANT_ISSUED", date: "2025-05-10" },
        options,
      ),
    );
    expect(issued).toMatchObject({ openBreach: true, underWarrant: true });
    expect(await listEnforcement(coordinator, { caseId: requirementId }, options)).toMatchObject({
      ok: true,
      value: { underWarrant: true },
    });
    // The court cannot decide while the warrant is outstanding.
    expect(
      await recordBreachOutcome(manager, { actionId: breach.id, outcome: "CONTINUE", date: "2025-05-11" }, options),
    ).toMatchObject({
      ok: false,
      code: "OUTCOME_NOT_ALLOWED",
    });
    const stale = await recordBreachOutcome(
      manager,
      { actionId: breach.id, outcome: "WARRANT_EXECUTED", date: "2025-05-20", version: 1 },
      options,
    );
    expect(stale).toMatchObject({ ok: false, code: "STALE_VERSION" });
    const executed = expectOk(
      await recordBreachOutcome(
        manager,
        { actionId: breach.id, outcome: "WARRANT_EXECUTED", date: "2025-05-20" },
        options,
      ),
    );
    expect(executed).toMatchObject({ openBreach: true, underWarrant: false });
  });
});

describe("listEnforcement", () => {
  it("lists warnings and breaches newest first; other regions get NOT_FOUND", async () => {
    const { requirementId } = await newCase();
    expectOk(
      await startEnforcement(
        coordinator,
        {
          caseId: requirementId,
          type: "WARNING",
          date: "2024-05-01",
          failureDate: "2024-05-01",
          failureDescription: "Did not attend a work session",
        },
        options,
      ),
    );
    expectOk(
      await startEnforcement(
        coordinator,
        {
          caseId: requirementId,
          type: "BREACH",
          date: "2025-02-01",
          failureDate: "2025-02-01",
          failureDescription: "Did not attend a work session",
        },
        options,
      ),
    );
    const list = expectOk(await listEnforcement(manager, { caseId: requirementId }, options));
    expect(list.actions.map((a) => [a.type, a.date])).toEqual([
      ["BREACH", "2025-02-01"],
      ["WARNING", "2024-05-01"],
    ]);
    expect(list.openBreach).toBe(true);
    const outsider = await makeUser("COORDINATOR", await makeRegion());
    await expect(listEnforcement(outsider, { caseId: requirementId }, options)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

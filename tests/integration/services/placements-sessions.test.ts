// Placements, one-off sessions and weekly runs (skipping bank holidays), and terminating a requirement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
import { db } from "@/server/db/client";
import { createPlacement } from "@/server/services/placements/create-placement";
import { createSession } from "@/server/services/sessions/create-session";
import { createSessionSeries } from "@/server/services/sessions/create-session-series";
import { terminateRequirement } from "@/server/services/cases/terminate-requirement";

const today = "2025-06-16";
const options = { today };
let region: TestRegion;
let coordinator: TestUser;
let manager: TestUser;
let supervisor: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, manager, supervisor } = await makeRegionalStaff(region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

describe("createPlacement", () => {
  it("adds a placement with its beneficiary, audited", async () => {
    const result = await createPlacement(
      coordinator,
      {
        name: "Canal towpath clearance",
        type: "GROUP",
        region: region.code,
        capacity: 8,
        features: ["TOOLS", "WELFARE_FACILITIES"],
        beneficiary: "Canal trust",
      },
      options,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        name: "Canal towpath clearance",
        capacity: 8,
        region: region.code,
        beneficiary: "Canal trust",
        active: true,
      },
    });
    if (result.ok)
      expect((await auditEventsFor("Placement", result.value.id)).map((e) => e.action)).toEqual(["placement.create"]);
  });

  it("refuses another region with 403", async () => {
    const elsewhere = await makeRegion();
    await expect(
      createPlacement(
        coordinator,
        { name: "X", type: "GROUP", region: elsewhere.code, capacity: 5, features: [] },
        options,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("createSession", () => {
  it("defaults capacity to the placement's and shows the booking limit", async () => {
    const placement = await makePlacement(region, { capacity: 5 });
    const result = await createSession(
      coordinator,
      {
        placementId: placement.id,
        date: "2025-06-21",
        startTime: "09:00",
        endTime: "16:00",
        supervisorId: supervisor.id,
      },
      options,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        capacity: 5,
        bookingLimit: 6,
        booked: 0,
        date: "2025-06-21",
        supervisorId: supervisor.id,
        allocations: [],
      },
    });
  });

  it("needs a supervisor of the placement's region, and an end after the start", async () => {
    const placement = await makePlacement(region);
    const otherSupervisor = await makeUser("SUPERVISOR", await makeRegion());
    const base = { placementId: placement.id, date: "2025-06-21", startTime: "09:00", endTime: "16:00" };
    expect(await createSession(coordinator, { ...base, supervisorId: otherSupervisor.id }, options)).toMatchObject({
      ok: false,
      field: "supervisorId",
    });
    expect(await createSession(coordinator, { ...base, supervisorId: coordinator.id }, options)).toMatchObject({
      ok: false,
      field: "supervisorId",
    });
    expect(await createSession(coordinator, { ...base, endTime: "08:00" }, options)).toMatchObject({
      ok: false,
      field: "endTime",
    });
  });

  it("a placement in another region is not found", async () => {
    const placement = await makePlacement(await makeRegion());
    await expect(
      createSession(
        coordinator,
        { placementId: placement.id, date: "2025-06-21", startTime: "09:00", endTime: "16:00" },
        options,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("createSessionSeries", () => {
  it("creates weekly Monday sessions and skips the bank holidays, saying so", async () => {
    const placement = await makePlacement(region, { capacity: 6 });
    // Mondays 5 May – 2 June 2025: 5 May and 26 May are bank holidays.
    const result = await createSessionSeries(
      coordinator,
      {
        placementId: placement.id,
        fromDate: "2025-05-01",
        toDate: "2025-06-02",
        weekday: 1,
        startTime: "09:00",
        endTime: "16:00",
      },
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sessions.map((s) => s.date)).toEqual(["2025-05-12", "2025-05-19", "2025-06-02"]);
    expect(result.value.skippedBankHolidays).toEqual(["2025-05-05", "2025-05-26"]);
    expect(result.value.message).toContain("bank holidays");
    expect(await testDb.session.count({ where: { seriesId: result.value.seriesId } })).toBe(3);
  });

  it("defaults the weekday to the first date's", async () => {
    const placement = await makePlacement(region);
    const result = await createSessionSeries(
      coordinator,
      { placementId: placement.id, fromDate: "2025-06-21", toDate: "2025-07-05", startTime: "09:00", endTime: "16:00" },
      options,
    );
    expect(result).toMatchObject({ ok: true, value: { weekday: 6, skippedBankHolidays: [] } });
    if (result.ok) expect(result.value.sessions.map((s) => s.date)).toEqual(["2025-06-21", "2025-06-28", "2025-07-05"]);
  });
});

describe("terminateRequirement", () => {
  it("a manager terminates an active requirement; later bookings are cancelled; audited", async () => {
    const c = await makeCase(region, { sentenceDate: "2025-06-02" });
    const placement = await makePlacement(region);
    const later = await makeSession(placement.id, { date: "2025-06-28" });
    await makeAllocation(later.id, c.requirementId);
    const result = await terminateRequirement(
      manager,
      { caseId: c.requirementId, reason: "REVOKED", note: "Revoked at court" },
      options,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { status: "TERMINATED", terminatedOn: today, cancelledAllocations: 1 },
    });
    expect(await testDb.requirement.findUniqueOrThrow({ where: { id: c.requirementId } })).toMatchObject({
      status: "TERMINATED",
      terminationReason: "REVOKED",
    });
    expect((await auditEventsFor("Requirement", c.requirementId)).map((e) => e.action)).toEqual([
      "requirement.terminate",
    ]);
    const again = await terminateRequirement(manager, { caseId: c.requirementId, reason: "OTHER" }, options);
    expect(again).toMatchObject({ ok: false, code: "REQUIREMENT_NOT_ACTIVE" });
  });

  it("only a manager may terminate; another region's manager gets NOT_FOUND", async () => {
    const c = await makeCase(region);
    await expect(
      terminateRequirement(coordinator, { caseId: c.requirementId, reason: "OTHER" }, options),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await makeUser("MANAGER", await makeRegion());
    await expect(
      terminateRequirement(outsider, { caseId: c.requirementId, reason: "OTHER" }, options),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: c.requirementId } })).status).toBe("ACTIVE");
  });
});

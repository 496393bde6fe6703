// The everyday scheduling verbs against real PostgreSQL: cancel and move a booking, stand a
// session down, cancel it, change its times, supervisor and capacity — each audited, each
// re-running the rules, and safe when two coordinators act at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { AccessError } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { allocate } from "@/server/services/allocations/allocate";
import { cancelAllocation } from "@/server/services/allocations/cancel-allocation";
import { moveAllocation } from "@/server/services/allocations/move-allocation";
import { cancelSession, standDownSession } from "@/server/services/sessions/stand-down-session";
import { updateSession } from "@/server/services/sessions/update-session";
import { recordAttendance } from "@/server/services/attendance/record-attendance";

const today = "2025-06-16";
const options = { today };
const SENTENCED = "2025-06-02";
const WEDNESDAY = "2025-06-18";
const THURSDAY = "2025-06-19";

let region: TestRegion;
let coordinator: TestUser;
let manager: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, manager } = await makeRegionalStaff(region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

async function session(date = WEDNESDAY, capacity = 6) {
  const supervisor = await makeUser("SUPERVISOR", region, { gender: "MALE" });
  const placement = await makePlacement(region, { capacity });
  return makeSession(placement.id, { date, supervisorId: supervisor.id });
}
const man = () => makeCase(region, { sentenceDate: SENTENCED, gender: "MALE" });

describe("cancel a booking", () => {
  it("cancels with a reason, audited; a second cancel is refused clearly", async () => {
    const s = await session();
    const person = await man();
    const booking = await makeAllocation(s.id, person.requirementId);
    const result = await cancelAllocation(
      coordinator,
      { allocationId: booking.id, reason: "Started a new job" },
      options,
    );
    expect(result).toMatchObject({ ok: true, value: { status: "CANCELLED", cancellationReason: "Started a new job" } });
    expect((await auditEventsFor("Allocation", booking.id)).map((e) => e.action)).toEqual(["allocation.cancel"]);
    expect(await cancelAllocation(coordinator, { allocationId: booking.id, reason: "Again" }, options)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("is refused once an outcome is recorded, and for a stale version", async () => {
    const s = await session();
    const booking = await makeAllocation(s.id, (await man()).requirementId);
    expect(
      await cancelAllocation(coordinator, { allocationId: booking.id, reason: "x", version: 9 }, options),
    ).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      details: { yourVersion: 9, currentVersion: 1 },
    });
    await makeAttendance(booking.id, { outcome: "UNACCEPTABLE_ABSENCE" });
    expect(await cancelAllocation(coordinator, { allocationId: booking.id, reason: "x" }, options)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("a supervisor may not cancel, and another region's booking is not found", async () => {
    const s = await session();
    const booking = await makeAllocation(s.id, (await man()).requirementId);
    const supervisor = await makeUser("SUPERVISOR", region);
    await expect(
      cancelAllocation(supervisor, { allocationId: booking.id, reason: "x" }, options),
    ).rejects.toBeInstanceOf(AccessError);
    const other = await makeRegion();
    const { coordinator: outsider } = await makeRegionalStaff(other);
    await expect(cancelAllocation(outsider, { allocationId: booking.id, reason: "x" }, options)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("cancelling the other woman leaves one woman among men: the reply warns and the conflict is listed", async () => {
    const s = await session();
    const w1 = await makeCase(region, { sentenceDate: SENTENCED, gender: "FEMALE" });
    const w2 = await makeCase(region, { sentenceDate: SENTENCED, gender: "FEMALE" });
    await makeAllocation(s.id, w1.requirementId);
    const second = await makeAllocation(s.id, w2.requirementId);
    await makeAllocation(s.id, (await man()).requirementId);
    const result = await cancelAllocation(coordinator, { allocationId: second.id, reason: "Moved area" }, options);
    expect(result.ok && result.warnings?.map((w) => w.code)).toEqual(["BOOKING_CONFLICTS"]);
    expect(
      await testDb.bookingConflict.count({
        where: { requirementId: w1.requirementId, resolvedAt: null, code: "LONE_WOMAN_CONSENT_REQUIRED" },
      }),
    ).toBe(1);
  });
});

describe("move a booking", () => {
  it("moves in one step through the same checks, and audits both halves", async () => {
    const from = await session();
    const to = await session(THURSDAY);
    const person = await man();
    const booked = await allocate(coordinator, { sessionId: from.id, caseId: person.requirementId }, options);
    if (!booked.ok) throw new Error(booked.message);
    const moved = await moveAllocation(
      coordinator,
      { allocationId: booked.value.id, toSessionId: to.id, reason: "Asked for Thursdays" },
      options,
    );
    expect(moved).toMatchObject({ ok: true, value: { sessionId: to.id, status: "BOOKED" } });
    const old = await testDb.allocation.findUniqueOrThrow({
      where: { id: booked.value.id },
      select: { status: true, cancellationReason: true },
    });
    expect(old.status).toBe("CANCELLED");
    expect(old.cancellationReason).toContain("Asked for Thursdays");
  });

  it("a refused move changes nothing: the old booking stands", async () => {
    const from = await session();
    const full = await session(THURSDAY, 1);
    await makeAllocation(full.id, (await man()).requirementId);
    const person = await man();
    const booking = await makeAllocation(from.id, person.requirementId);
    const moved = await moveAllocation(
      coordinator,
      { allocationId: booking.id, toSessionId: full.id, reason: "Try" },
      options,
    );
    expect(moved).toMatchObject({ ok: false, code: "SESSION_FULL" });
    expect((await testDb.allocation.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("BOOKED");
  });

  it("two coordinators moving the same booking at once: one wins, the other is told", async () => {
    const from = await session();
    const a = await session(THURSDAY);
    const b = await session("2025-06-20");
    const person = await man();
    const booking = await makeAllocation(from.id, person.requirementId);
    const results = await Promise.all([
      moveAllocation(coordinator, { allocationId: booking.id, toSessionId: a.id, reason: "A" }, options),
      moveAllocation(manager, { allocationId: booking.id, toSessionId: b.id, reason: "B" }, options),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await testDb.allocation.count({ where: { requirementId: person.requirementId, status: "BOOKED" } })).toBe(1);
  });

  it("two coordinators booking the last place: one wins, the other SESSION_FULL", async () => {
    const s = await session(WEDNESDAY, 1);
    // Capacity 1 × 120 % = 1 place.
    const results = await Promise.all(
      [man(), man()].map(async (p) =>
        allocate(coordinator, { sessionId: s.id, caseId: (await p).requirementId }, options),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "SESSION_FULL" });
  });
});

describe("stand a session down", () => {
  it("every booking becomes an acceptable STOOD_DOWN absence that does not count towards the third-absence approval", async () => {
    const person = await man();
    // Two accepted absences already: a third ordinary one would need a manager's approval.
    for (const date of ["2025-06-09", "2025-06-10"]) {
      const past = await session(date);
      const b = await makeAllocation(past.id, person.requirementId);
      await testDb.attendance.create({
        data: {
          allocationId: b.id,
          requirementId: person.requirementId,
          sessionDate: new Date(`${date}T00:00:00Z`),
          outcome: "ACCEPTABLE_ABSENCE",
          reasonCategory: "MEDICAL",
          note: "Ill",
        },
      });
    }
    const s = await session();
    await makeAllocation(s.id, person.requirementId);
    await makeAllocation(s.id, (await man()).requirementId);
    const result = await standDownSession(
      coordinator,
      { sessionId: s.id, reason: "WEATHER", note: "Storm warning" },
      options,
    );
    expect(result).toMatchObject({ ok: true, value: { status: "STOOD_DOWN" } });
    const absences = await testDb.attendance.findMany({
      where: { allocation: { sessionId: s.id } },
      select: { outcome: true, reasonCategory: true, approvalState: true },
    });
    expect(absences).toHaveLength(2);
    for (const a of absences)
      expect(a).toEqual({ outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "STOOD_DOWN", approvalState: "NOT_NEEDED" });
    expect((await auditEventsFor("Session", s.id)).map((e) => e.action)).toEqual(["session.stand-down"]);
    // Nobody can be booked on it now; a second stand-down is refused.
    expect(
      await allocate(coordinator, { sessionId: s.id, caseId: (await man()).requirementId }, options),
    ).toMatchObject({ ok: false, code: "SESSION_STOOD_DOWN" });
    expect(await standDownSession(coordinator, { sessionId: s.id, reason: "WEATHER" }, options)).toMatchObject({
      ok: false,
      code: "SESSION_STOOD_DOWN",
    });
  });

  it("a supervisor cannot record attendance on a stood-down session", async () => {
    const supervisor = await makeUser("SUPERVISOR", region, { gender: "MALE" });
    const placement = await makePlacement(region);
    const s = await makeSession(placement.id, { date: today, supervisorId: supervisor.id });
    const person = await man();
    await makeAllocation(s.id, person.requirementId);
    expect((await standDownSession(coordinator, { sessionId: s.id, reason: "NO_SUPERVISOR" }, options)).ok).toBe(true);
    const recorded = await recordAttendance(
      supervisor,
      { sessionId: s.id, caseId: person.requirementId, outcome: "UNACCEPTABLE_ABSENCE" },
      options,
    );
    expect(recorded).toMatchObject({ ok: false, code: "SESSION_STOOD_DOWN" });
  });
});

describe("cancel a session", () => {
  it("cancels every booking with the reason; refused once attendance is recorded", async () => {
    const s = await session();
    const booking = await makeAllocation(s.id, (await man()).requirementId);
    const result = await cancelSession(coordinator, { sessionId: s.id, reason: "Site closed for works" }, options);
    expect(result).toMatchObject({ ok: true, value: { status: "CANCELLED" } });
    expect(
      await testDb.allocation.findUniqueOrThrow({
        where: { id: booking.id },
        select: { status: true, cancellationReason: true },
      }),
    ).toEqual({
      status: "CANCELLED",
      cancellationReason: "Session cancelled: Site closed for works",
    });
    const withRecord = await session();
    const b = await makeAllocation(withRecord.id, (await man()).requirementId);
    await makeAttendance(b.id, { outcome: "ACCEPTABLE_ABSENCE" });
    expect(await cancelSession(coordinator, { sessionId: withRecord.id, reason: "x" }, options)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});

describe("change a session (PATCH)", () => {
  it("changes times and capacity, version-checked: a stale version is a 409 with both values", async () => {
    const s = await session();
    const changed = await updateSession(
      coordinator,
      { sessionId: s.id, version: 1, startTime: "10:00", endTime: "15:00", capacity: 5 },
      options,
    );
    expect(changed).toMatchObject({
      ok: true,
      value: { startTime: "10:00", endTime: "15:00", capacity: 5, version: 2 },
    });
    const stale = await updateSession(coordinator, { sessionId: s.id, version: 1, capacity: 4 }, options);
    expect(stale).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      details: { yourVersion: 1, currentVersion: 2, current: { capacity: 5 } },
    });
    expect((await auditEventsFor("Session", s.id)).map((e) => e.action)).toEqual(["session.update"]);
  });

  it("refuses a capacity below the people booked, and times that double-book someone", async () => {
    const s = await session();
    const person = await man();
    await makeAllocation(s.id, person.requirementId);
    await makeAllocation(s.id, (await man()).requirementId);
    expect(await updateSession(coordinator, { sessionId: s.id, version: 1, capacity: 1 }, options)).toMatchObject({
      ok: false,
      code: "SESSION_FULL",
    });
    const placement = await makePlacement(region);
    const evening = await makeSession(placement.id, { date: WEDNESDAY, startTime: "17:00", endTime: "19:00" });
    await makeAllocation(evening.id, person.requirementId);
    expect(await updateSession(coordinator, { sessionId: s.id, version: 1, endTime: "18:00" }, options)).toMatchObject({
      ok: false,
      code: "DOUBLE_BOOKED",
    });
  });
});

describe("edit, close and reopen a placement", () => {
  it("edits with a version check, closes (no new sessions) and reopens, audited", async () => {
    const { updatePlacement } = await import("@/server/services/placements/update-placement");
    const { createSession } = await import("@/server/services/sessions/create-session");
    const placement = await makePlacement(region, { capacity: 6 });
    const renamed = await updatePlacement(
      coordinator,
      { placementId: placement.id, version: 1, name: "Towpath clearance" },
      options,
    );
    expect(renamed).toMatchObject({ ok: true, value: { name: "Towpath clearance", version: 2 } });
    expect(
      await updatePlacement(coordinator, { placementId: placement.id, version: 1, capacity: 4 }, options),
    ).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      details: { yourVersion: 1, currentVersion: 2 },
    });
    expect(
      (await updatePlacement(coordinator, { placementId: placement.id, version: 2, active: false }, options)).ok,
    ).toBe(true);
    expect(
      await createSession(
        coordinator,
        { placementId: placement.id, date: THURSDAY, startTime: "09:00", endTime: "16:00" },
        options,
      ),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await updatePlacement(coordinator, { placementId: placement.id, version: 3, active: true }, options),
    ).toMatchObject({ ok: true, value: { active: true } });
    expect((await auditEventsFor("Placement", placement.id)).map((e) => e.action)).toEqual([
      "placement.update",
      "placement.close",
      "placement.reopen",
    ]);
  });

  it("children now present: a booked person with risk to children is listed as a conflict", async () => {
    const { updatePlacement } = await import("@/server/services/placements/update-placement");
    const placement = await makePlacement(region, { capacity: 6 });
    const s = await makeSession(placement.id, { date: WEDNESDAY });
    const rc = await makeCase(region, { sentenceDate: SENTENCED, assessment: { riskCodes: ["RC"] } });
    await makeAllocation(s.id, rc.requirementId);
    const changed = await updatePlacement(
      coordinator,
      { placementId: placement.id, version: 1, features: ["CHILDREN_PRESENT"] },
      options,
    );
    expect(changed.ok && changed.warnings?.map((w) => w.code)).toEqual(["BOOKING_CONFLICTS"]);
    expect(
      await testDb.bookingConflict.count({
        where: { requirementId: rc.requirementId, resolvedAt: null, code: "RISK_CONFLICT" },
      }),
    ).toBe(1);
  });
});

describe("the work queue's scheduling lists", () => {
  it("a stood-down person is listed to re-book until booked again; an unsafe booking is listed with its problem", async () => {
    const { listOpenBookingConflicts, listPeopleToRebook } = await import("@/server/queries/scheduling");
    const { saveAssessment } = await import("@/server/services/cases/save-assessment");
    const own = await makeRegion();
    const staff = await makeRegionalStaff(own);
    const person = await makeCase(own, { sentenceDate: SENTENCED });
    const placement = await makePlacement(own);
    const rained = await makeSession(placement.id, { date: WEDNESDAY });
    await makeAllocation(rained.id, person.requirementId);
    expect((await standDownSession(staff.coordinator, { sessionId: rained.id, reason: "WEATHER" }, options)).ok).toBe(
      true,
    );
    const waiting = await listPeopleToRebook(staff.coordinator, { asOf: today });
    expect(waiting.rows.map((r) => [r.caseId, r.why])).toEqual([[person.requirementId, "Stood down"]]);

    const female = await makeUser("SUPERVISOR", own, { gender: "FEMALE" });
    const later = await makeSession(placement.id, { date: THURSDAY, supervisorId: female.id });
    expect((await allocate(staff.coordinator, { sessionId: later.id, caseId: person.requirementId }, options)).ok).toBe(
      true,
    );
    expect((await listPeopleToRebook(staff.coordinator, { asOf: today })).total).toBe(0);

    await saveAssessment(
      staff.coordinator,
      { caseId: person.requirementId, version: 1, rosh: "LOW", riskCodes: ["RW"], eteEligible: false, complete: true },
      options,
    );
    const conflicts = await listOpenBookingConflicts(staff.coordinator, { asOf: today });
    expect(conflicts.rows.map((r) => [r.caseId, r.code])).toEqual([[person.requirementId, "RISK_CONFLICT"]]);
    expect(
      (await listOpenBookingConflicts(staff.coordinator, { asOf: today, caseId: person.requirementId })).total,
    ).toBe(1);
    // Another region sees none of it.
    const { coordinator: outsider } = await makeRegionalStaff(await makeRegion());
    expect((await listOpenBookingConflicts(outsider, { asOf: today })).total).toBe(0);
    expect((await listPeopleToRebook(outsider, { asOf: today })).total).toBe(0);
  });
});

describe("a single session on a bank holiday", () => {
  it("asks to confirm, then adds it", async () => {
    const { createSession } = await import("@/server/services/sessions/create-session");
    const placement = await makePlacement(region);
    // Monday 25 August 2025: the summer bank holiday.
    const input = { placementId: placement.id, date: "2025-08-25", startTime: "09:00", endTime: "16:00" };
    expect(await createSession(coordinator, input, options)).toMatchObject({
      ok: false,
      code: "BANK_HOLIDAY_CONFIRMATION_REQUIRED",
      field: "bankHolidayConfirmed",
    });
    expect((await createSession(coordinator, { ...input, bankHolidayConfirmed: true }, options)).ok).toBe(true);
  });
});

describe("a person's schedule", () => {
  it("lists every session booked from today, not cancelled or stood-down ones, and is not found outside the region", async () => {
    const { loadPersonSchedule } = await import("@/server/queries/person-schedule");
    const person = await man();
    const first = await session(WEDNESDAY);
    const second = await session(THURSDAY);
    const gone = await session("2025-06-20");
    await makeAllocation(first.id, person.requirementId);
    await makeAllocation(second.id, person.requirementId);
    const cancelled = await makeAllocation(gone.id, person.requirementId);
    expect(
      (await cancelAllocation(coordinator, { allocationId: cancelled.id, reason: "Changed plans" }, options)).ok,
    ).toBe(true);
    const schedule = await loadPersonSchedule(coordinator, person.requirementId, today);
    expect(schedule?.sessions.map((s) => s.date)).toEqual([WEDNESDAY, THURSDAY]);
    const { coordinator: outsider } = await makeRegionalStaff(await makeRegion());
    expect(await loadPersonSchedule(outsider, person.requirementId, today)).toBeNull();
  });
});

// R10 allocation against real PostgreSQL: every refusal code, overrides, scope and concurrency.
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
import { AccessError } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { allocate } from "@/server/services/allocations/allocate";
import { checkAllocation } from "@/server/services/allocations/check-allocation";

// Monday 16 June 2025. Sentenced Mon 2 June → start deadline Mon 23 June, end 2 June 2026.
const today = "2025-06-16";
const options = { today };
const SENTENCED = "2025-06-02";
const WEDNESDAY = "2025-06-18";

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

async function groupSession(
  spec: {
    date?: string;
    capacity?: number;
    features?: NonNullable<Parameters<typeof makePlacement>[1]>["features"];
    type?: "GROUP" | "INDIVIDUAL" | "INDUCTION";
    supervisorId?: string;
  } = {},
) {
  const placement = await makePlacement(region, {
    type: spec.type ?? "GROUP",
    capacity: spec.capacity ?? 6,
    features: spec.features ?? [],
  });
  return makeSession(placement.id, { date: spec.date ?? WEDNESDAY, supervisorId: spec.supervisorId ?? supervisor.id });
}

async function bookings(sessionId: string) {
  return testDb.allocation.count({ where: { sessionId, status: "BOOKED" } });
}

describe("allocate — R10 refusals", () => {
  it("books a person whose assessment is complete, and audits it", async () => {
    const session = await groupSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const result = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      sessionId: session.id,
      caseId: person.requirementId,
      sessionDate: WEDNESDAY,
      status: "BOOKED",
    });
    expect(result.warnings?.map((w) => w.code)).toContain("NO_INDUCTION_YET");
    const events = await auditEventsFor("Allocation", result.value.id);
    expect(events.map((e) => e.action)).toEqual(["allocation.create"]);
  });

  it("ASSESSMENT_INCOMPLETE when the assessment is not complete", async () => {
    const session = await groupSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED, assessment: { complete: false } });
    const result = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(result).toMatchObject({ ok: false, code: "ASSESSMENT_INCOMPLETE" });
    expect(await bookings(session.id)).toBe(0);
  });

  it("REQUIREMENT_NOT_ACTIVE for a completed requirement", async () => {
    const session = await groupSession();
    const person = await makeCase(region, {
      sentenceDate: SENTENCED,
      status: "COMPLETED",
      hoursOrdered: 40,
      minutesCredited: 2400,
    });
    const result = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(result).toMatchObject({ ok: false, code: "REQUIREMENT_NOT_ACTIVE" });
  });

  it("SESSION_IN_PAST unless booked as retrospective, which is audited as such", async () => {
    const session = await groupSession({ date: "2025-06-11" });
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const refused = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(refused).toMatchObject({ ok: false, code: "SESSION_IN_PAST", field: "sessionId" });
    const booked = await allocate(
      coordinator,
      { sessionId: session.id, caseId: person.requirementId, retrospective: true },
      options,
    );
    expect(booked.ok).toBe(true);
    if (!booked.ok) return;
    expect(booked.value.retrospective).toBe(true);
    expect((await auditEventsFor("Allocation", booked.value.id)).map((e) => e.action)).toEqual([
      "allocation.create-retrospective",
    ]);
  });

  it("SESSION_FULL at capacity × 120 % (6 places → 7), with an over-capacity warning before that", async () => {
    const session = await groupSession({ capacity: 6 });
    for (let i = 0; i < 6; i++)
      await makeAllocation(session.id, (await makeCase(region, { sentenceDate: SENTENCED })).requirementId);
    const seventh = await allocate(
      coordinator,
      { sessionId: session.id, caseId: (await makeCase(region, { sentenceDate: SENTENCED })).requirementId },
      options,
    );
    expect(seventh.ok).toBe(true);
    if (seventh.ok) expect(seventh.warnings?.map((w) => w.code)).toContain("OVER_CAPACITY");
    const eighth = await allocate(
      coordinator,
      { sessionId: session.id, caseId: (await makeCase(region, { sentenceDate: SENTENCED })).requirementId },
      options,
    );
    expect(eighth).toMatchObject({ ok: false, code: "SESSION_FULL", details: { limit: 7, allocationsCount: 7 } });
    expect(await bookings(session.id)).toBe(7);
  });

  it("SESSION_FULL follows the region's own over-subscription limit", async () => {
    const strict = await makeRegion({ overSubscriptionPercent: 100 });
    const staff = await makeRegionalStaff(strict);
    const placement = await makePlacement(strict, { capacity: 2 });
    const session = await makeSession(placement.id, { date: WEDNESDAY });
    for (let i = 0; i < 2; i++)
      await makeAllocation(session.id, (await makeCase(strict, { sentenceDate: SENTENCED })).requirementId);
    const result = await allocate(
      staff.coordinator,
      { sessionId: session.id, caseId: (await makeCase(strict, { sentenceDate: SENTENCED })).requirementId },
      options,
    );
    expect(result).toMatchObject({ ok: false, code: "SESSION_FULL", details: { limit: 2 } });
  });

  it("DOUBLE_BOOKED when the person is already booked at an overlapping time (any of their requirements)", async () => {
    const morning = await groupSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const secondOrder = await makeCase(region, { sentenceDate: SENTENCED, personId: person.personId });
    await makeAllocation(morning.id, secondOrder.requirementId);
    const other = await makePlacement(region, { capacity: 6 });
    const clash = await makeSession(other.id, { date: WEDNESDAY, startTime: "13:00", endTime: "17:00" });
    const result = await allocate(coordinator, { sessionId: clash.id, caseId: person.requirementId }, options);
    expect(result).toMatchObject({ ok: false, code: "DOUBLE_BOOKED", field: "caseId" });
    // The same session twice is a double booking too.
    const again = await allocate(coordinator, { sessionId: morning.id, caseId: secondOrder.requirementId }, options);
    expect(again).toMatchObject({ ok: false, code: "DOUBLE_BOOKED" });
  });

  it("RISK_CONFLICT for risk to children where children are present; a coordinator's override is refused", async () => {
    const session = await groupSession({ features: ["CHILDREN_PRESENT"] });
    const person = await makeCase(region, { sentenceDate: SENTENCED, assessment: { riskCodes: ["RC"] } });
    const plain = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(plain).toMatchObject({ ok: false, code: "RISK_CONFLICT" });
    const overridden = await allocate(
      coordinator,
      { sessionId: session.id, caseId: person.requirementId, overrideReason: "Works away from the play area" },
      options,
    );
    expect(overridden).toMatchObject({ ok: false, code: "RISK_CONFLICT" });
    if (!overridden.ok) {
      const codes = (overridden.details?.refusals as { code: string }[]).map((r) => r.code);
      expect(codes).toEqual(["RISK_CONFLICT", "OVERRIDE_NOT_ALLOWED"]);
    }
    expect(await bookings(session.id)).toBe(0);
  });

  it("a regional manager's override with a reason books it and records an approved RISK_OVERRIDE", async () => {
    const session = await groupSession({ features: ["CHILDREN_PRESENT"] });
    const person = await makeCase(region, { sentenceDate: SENTENCED, assessment: { riskCodes: ["RC"] } });
    const withoutReason = await allocate(manager, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(withoutReason).toMatchObject({ ok: false, code: "RISK_CONFLICT" });
    const result = await allocate(
      manager,
      { sessionId: session.id, caseId: person.requirementId, overrideReason: "Site closed to the public that day" },
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings?.map((w) => w.code)).toContain("RISK_CONFLICT_OVERRIDDEN");
    expect(result.value.approvals).toEqual([expect.objectContaining({ kind: "RISK_OVERRIDE", status: "APPROVED" })]);
    const approval = await testDb.approval.findFirstOrThrow({ where: { allocationId: result.value.id } });
    expect(approval).toMatchObject({ decidedById: manager.id, reason: "Site closed to the public that day" });
  });

  it("RISK_CONFLICT for risk to women working alone with a female supervisor", async () => {
    const woman = await makeUser("SUPERVISOR", region, { gender: "FEMALE" });
    const session = await groupSession({ features: ["LONE_WORKING"], supervisorId: woman.id });
    const person = await makeCase(region, { sentenceDate: SENTENCED, assessment: { riskCodes: ["RW"] } });
    const result = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(result).toMatchObject({ ok: false, code: "RISK_CONFLICT" });
  });

  it("WOMEN_ONLY_PLACEMENT for a man on a female-only placement, even with a manager's override", async () => {
    const session = await groupSession({ features: ["FEMALE_ONLY"] });
    const person = await makeCase(region, { sentenceDate: SENTENCED, gender: "MALE" });
    const result = await allocate(
      manager,
      { sessionId: session.id, caseId: person.requirementId, overrideReason: "Please" },
      options,
    );
    expect(result).toMatchObject({ ok: false, code: "WOMEN_ONLY_PLACEMENT" });
  });

  it("LONE_WOMAN_CONSENT_REQUIRED for a woman alone in an all-male group, until her consent is recorded", async () => {
    const session = await groupSession();
    await makeAllocation(
      session.id,
      (await makeCase(region, { sentenceDate: SENTENCED, gender: "MALE" })).requirementId,
    );
    const woman = await makeCase(region, { sentenceDate: SENTENCED, gender: "FEMALE" });
    const refused = await allocate(coordinator, { sessionId: session.id, caseId: woman.requirementId }, options);
    expect(refused).toMatchObject({ ok: false, code: "LONE_WOMAN_CONSENT_REQUIRED", field: "consentRecorded" });
    const booked = await allocate(
      coordinator,
      { sessionId: session.id, caseId: woman.requirementId, consentRecorded: true },
      options,
    );
    expect(booked).toMatchObject({ ok: true, value: { consentRecorded: true } });
  });

  it("LATE_START_REASON_REQUIRED for a first work session after the start deadline (R2)", async () => {
    // Sentenced Thu 1 May 2025: 15 working days, skipping the 5 and 26 May bank holidays → Fri 23 May.
    const session = await groupSession();
    const person = await makeCase(region, { sentenceDate: "2025-05-01" });
    const refused = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(refused).toMatchObject({
      ok: false,
      code: "LATE_START_REASON_REQUIRED",
      details: { startDeadline: "2025-05-23" },
    });
    const noNote = await allocate(
      coordinator,
      { sessionId: session.id, caseId: person.requirementId, lateStartReason: "HEALTH" },
      options,
    );
    expect(noNote).toMatchObject({ ok: false, code: "LATE_START_REASON_REQUIRED" });
    const booked = await allocate(
      coordinator,
      {
        sessionId: session.id,
        caseId: person.requirementId,
        lateStartReason: { category: "HEALTH", note: "In hospital until 10 June" },
      },
      options,
    );
    expect(booked).toMatchObject({
      ok: true,
      value: { lateStartReason: "HEALTH", lateStartNote: "In hospital until 10 June" },
    });
  });

  it("EXTENSION_REQUIRED for a session after the effective end date (R3), and not once the court extends", async () => {
    const session = await groupSession();
    const person = await makeCase(region, { sentenceDate: "2024-06-03" });
    await testDb.allocation.create({
      data: {
        sessionId: (await groupSession({ date: "2024-06-10" })).id,
        requirementId: person.requirementId,
        sessionDate: new Date("2024-06-10"),
      },
    });
    const refused = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(refused).toMatchObject({
      ok: false,
      code: "EXTENSION_REQUIRED",
      details: { effectiveEndDate: "2025-06-03" },
    });
    await testDb.extension.create({
      data: {
        requirementId: person.requirementId,
        grantedOn: new Date("2025-06-12"),
        newEndDate: new Date("2025-12-03"),
        court: "Test Crown Court",
        reason: "Illness",
      },
    });
    const booked = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(booked.ok).toBe(true);
  });

  it("APPROVAL_REQUIRED for high RoSH on an individual placement; a manager's booking with a reason is the approval", async () => {
    const session = await groupSession({ type: "INDIVIDUAL", capacity: 1 });
    const person = await makeCase(region, { sentenceDate: SENTENCED, assessment: { rosh: "HIGH" } });
    const refused = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(refused).toMatchObject({ ok: false, code: "APPROVAL_REQUIRED", details: { rosh: "HIGH" } });
    const booked = await allocate(
      manager,
      {
        sessionId: session.id,
        caseId: person.requirementId,
        overrideReason: "Known to the charity; supervised by its manager",
      },
      options,
    );
    expect(booked.ok).toBe(true);
    if (booked.ok)
      expect(booked.value.approvals).toEqual([
        expect.objectContaining({ kind: "HIGH_ROSH_INDIVIDUAL", status: "APPROVED" }),
      ]);
  });

  it("a standing manager approval lets a coordinator book high RoSH on an individual placement", async () => {
    const session = await groupSession({ type: "INDIVIDUAL", capacity: 1 });
    const person = await makeCase(region, { sentenceDate: SENTENCED, assessment: { rosh: "VERY_HIGH" } });
    await testDb.approval.create({
      data: {
        kind: "HIGH_ROSH_INDIVIDUAL",
        status: "APPROVED",
        requirementId: person.requirementId,
        regionId: region.id,
        decidedById: manager.id,
        decidedAt: new Date(),
      },
    });
    const booked = await allocate(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(booked).toMatchObject({ ok: true, value: { approvals: [] } });
  });
});

describe("allocate — scope", () => {
  it("another region's coordinator gets NOT_FOUND and nothing is written", async () => {
    const session = await groupSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const elsewhere = await makeRegion();
    const outsider = await makeUser("COORDINATOR", elsewhere);
    const auditBefore = await testDb.auditEvent.count();
    const attempt = allocate(outsider, { sessionId: session.id, caseId: person.requirementId }, options);
    await expect(attempt).rejects.toBeInstanceOf(AccessError);
    await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await bookings(session.id)).toBe(0);
    expect(await testDb.auditEvent.count()).toBe(auditBefore);
  });

  it("an unknown or malformed id is not found", async () => {
    const session = await groupSession();
    await expect(allocate(coordinator, { sessionId: session.id, caseId: "not-a-uuid" }, options)).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await expect(
      allocate(coordinator, { sessionId: "00000000-0000-4000-8000-000000000000", caseId: "not-a-uuid" }, options),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a supervisor cannot book anyone", async () => {
    const session = await groupSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    await makeAllocation(session.id, (await makeCase(region, { sentenceDate: SENTENCED })).requirementId);
    await expect(
      allocate(supervisor, { sessionId: session.id, caseId: person.requirementId }, options),
    ).rejects.toBeInstanceOf(AccessError);
  });
});

describe("check-allocation", () => {
  it("explains every reason without writing anything", async () => {
    const session = await groupSession({ features: ["FEMALE_ONLY", "CHILDREN_PRESENT"] });
    const person = await makeCase(region, {
      sentenceDate: "2025-05-01",
      gender: "MALE",
      assessment: { complete: false, riskCodes: ["RC"] },
    });
    const result = await checkAllocation(coordinator, { sessionId: session.id, caseId: person.requirementId }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.allowed).toBe(false);
    expect(result.value.refusals.map((r) => r.code)).toEqual([
      "ASSESSMENT_INCOMPLETE",
      "WOMEN_ONLY_PLACEMENT",
      "RISK_CONFLICT",
      "LATE_START_REASON_REQUIRED",
    ]);
    expect(await bookings(session.id)).toBe(0);
  });

  it("agrees with allocate on an allowed booking", async () => {
    const session = await groupSession();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const preview = await checkAllocation(
      coordinator,
      { sessionId: session.id, caseId: person.requirementId },
      options,
    );
    expect(preview).toMatchObject({ ok: true, value: { allowed: true, refusals: [] } });
    expect(await bookings(session.id)).toBe(0);
  });
});

describe("allocate — concurrency", () => {
  it("20 coordinators booking at once never overfill a session beyond capacity × 120 %", async () => {
    const session = await groupSession({ capacity: 5 }); // limit 6
    const people = await Promise.all(Array.from({ length: 20 }, () => makeCase(region, { sentenceDate: SENTENCED })));
    const results = await Promise.all(
      people.map((p) => allocate(coordinator, { sessionId: session.id, caseId: p.requirementId }, options)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(14);
    expect(new Set(refused.map((r) => (r.ok ? "" : r.code)))).toEqual(new Set(["SESSION_FULL"]));
    expect(await bookings(session.id)).toBe(6);
  });

  it("one person booked twice at once on overlapping sessions gets one booking", async () => {
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const sessions = await Promise.all([groupSession(), groupSession(), groupSession()]);
    const results = await Promise.all(
      sessions.map((s) => allocate(coordinator, { sessionId: s.id, caseId: person.requirementId }, options)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await testDb.allocation.count({ where: { requirementId: person.requirementId, status: "BOOKED" } })).toBe(1);
  });
});

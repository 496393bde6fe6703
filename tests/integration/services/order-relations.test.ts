// Concurrent and consecutive orders on a real database: the relation is recorded by the service
// and the API (POST /cases) and shown in the case; a consecutive requirement takes no booking and
// no ETE credit until the earlier one has ended; a concurrent one is booked by its own bookings (its
// hours count towards both: concurrent-crediting.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as postCase } from "../../../app/api/v1/cases/route";
import { utcDateFromIsoDate, type IsoDate } from "@/domain";
import { issueApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db/client";
import { loadPersonRequirements } from "@/server/queries/person-requirements";
import { allocate } from "@/server/services/allocations/allocate";
import { createCase } from "@/server/services/cases/create-case";
import type { CreateCaseInput } from "@/server/services/cases/create-case.types";
import { creditEte } from "@/server/services/ete/credit-ete";
import { correctEteCredit } from "@/server/services/ete/correct-ete-credit";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import {
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";

const TODAY: IsoDate = "2025-06-11";
const options = { today: TODAY };
/** These first sessions are after R2's start deadline, which needs a recorded reason. */
const late = { lateStartReason: "OTHER", lateStartNote: "Runs after another order" } as const;
let region: TestRegion;
let coordinator: TestUser;
let placementId: string;
let token: string;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
  placementId = (await makePlacement(region, { capacity: 50 })).id;
  token = (await issueApiToken(testDb, { userId: coordinator.id, name: "test", expiresAt: null })).token;
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

/** A second order for the person of `earlier`, made through the service. */
async function secondOrder(earlierId: string, overrides: Partial<CreateCaseInput> = {}) {
  const person = await testDb.requirement.findUniqueOrThrow({ where: { id: earlierId }, select: { person: true } });
  return createCase(
    coordinator,
    {
      crn: person.person.crn,
      firstName: person.person.firstName,
      lastName: person.person.lastName,
      dateOfBirth: "1990-01-01",
      gender: "MALE",
      region: region.code,
      orderType: "COMMUNITY_ORDER",
      managedBy: "STANDALONE_UPW",
      sentenceDate: "2025-04-01",
      court: "Second Magistrates' Court",
      hoursOrdered: 60,
      ...overrides,
    },
    options,
  );
}

async function assessed(requirementId: string) {
  await testDb.assessment.update({
    where: { requirementId },
    data: { complete: true, rosh: "LOW", eteEligible: true, eteReason: "NOT_IN_WORK" },
  });
}

describe("recording the relation", () => {
  it("a consecutive order names the earlier requirement; the case and the person's list show it", async () => {
    const earlier = await makeCase(region, { sentenceDate: "2025-03-03" });
    const later = expectOk(
      await secondOrder(earlier.requirementId, { orderRelation: "CONSECUTIVE", relatedCaseId: earlier.requirementId }),
    );
    expect(later).toMatchObject({ orderRelation: "CONSECUTIVE", relatedCaseId: earlier.requirementId });
    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { entityId: later.id, action: "requirement.create" },
    });
    expect(audit.after).toMatchObject({ orderRelation: "CONSECUTIVE", relatedCaseId: earlier.requirementId });

    const list = await loadPersonRequirements(coordinator, later.id, TODAY);
    expect(list?.requirements.find((r) => r.id === later.id)).toMatchObject({
      relation: { kind: "CONSECUTIVE", relatedId: earlier.requirementId },
    });
    expect(list?.requirements.find((r) => r.id === earlier.requirementId)).toMatchObject({
      relation: null,
      followedBy: [{ id: later.id, kind: "CONSECUTIVE" }],
    });
  });

  it("refuses a relation without its other half, another person's requirement, and a second successor; nothing is written", async () => {
    const earlier = await makeCase(region);
    const stranger = await makeCase(region);
    const before = await testDb.requirement.count();
    expect(await secondOrder(earlier.requirementId, { orderRelation: "CONCURRENT" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      field: "relatedCaseId",
    });
    expect(await secondOrder(earlier.requirementId, { relatedCaseId: earlier.requirementId })).toMatchObject({
      ok: false,
      field: "orderRelation",
    });
    expect(
      await secondOrder(earlier.requirementId, { orderRelation: "CONCURRENT", relatedCaseId: stranger.requirementId }),
    ).toMatchObject({
      ok: false,
      field: "relatedCaseId",
    });
    expect(await testDb.requirement.count()).toBe(before);
    expectOk(
      await secondOrder(earlier.requirementId, { orderRelation: "CONSECUTIVE", relatedCaseId: earlier.requirementId }),
    );
    expect(
      await secondOrder(earlier.requirementId, {
        orderRelation: "CONSECUTIVE",
        relatedCaseId: earlier.requirementId,
        court: "Third Court",
      }),
    ).toMatchObject({ ok: false, field: "relatedCaseId" });
  });

  it("the API takes the relation and returns it; a malformed relatedCaseId is a 400", async () => {
    const earlier = await makeCase(region);
    const person = await testDb.person.findUniqueOrThrow({ where: { id: earlier.personId } });
    const body = {
      crn: person.crn,
      firstName: person.firstName,
      lastName: person.lastName,
      dateOfBirth: "1990-01-01",
      gender: "MALE",
      region: region.code,
      orderType: "COMMUNITY_ORDER",
      managedBy: "STANDALONE_UPW",
      sentenceDate: "2025-04-01",
      court: "API Court",
      hoursOrdered: 50,
      orderRelation: "CONCURRENT",
      relatedCaseId: earlier.requirementId,
    };
    const post = (b: unknown) =>
      postCase(
        new Request("http://localhost/api/v1/cases", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(b),
        }),
      );
    const bad = await post({ ...body, relatedCaseId: "not-an-id" });
    expect(bad.status).toBe(400);
    const response = await post(body);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      orderRelation: "CONCURRENT",
      relatedCaseId: earlier.requirementId,
      pendingTransfer: null,
    });
  });
});

describe("crediting in the order the court set", () => {
  it("a consecutive requirement cannot be booked or credited ETE while the earlier one has hours to do", async () => {
    const earlier = await makeCase(region, { sentenceDate: "2025-03-03" });
    const later = expectOk(
      await secondOrder(earlier.requirementId, { orderRelation: "CONSECUTIVE", relatedCaseId: earlier.requirementId }),
    );
    await assessed(later.id);
    const session = await makeSession(placementId, { date: "2025-06-16", capacity: 50 });

    const booking = await allocate(coordinator, { sessionId: session.id, caseId: later.id, ...late }, options);
    expect(booking).toMatchObject({ ok: false, code: "CONSECUTIVE_ORDER_NOT_STARTED" });
    const ete = await creditEte(
      coordinator,
      { caseId: later.id, date: "2025-06-10", minutes: 60, activity: "Course" },
      options,
    );
    expect(ete).toMatchObject({ ok: false, code: "CONSECUTIVE_ORDER_NOT_STARTED" });
    expect(await testDb.allocation.count({ where: { requirementId: later.id } })).toBe(0);
    expect(await testDb.eteCredit.count({ where: { requirementId: later.id } })).toBe(0);

    // The earlier one still takes the booking.
    expect(
      (await allocate(coordinator, { sessionId: session.id, caseId: earlier.requirementId, ...late }, options)).ok,
    ).toBe(true);
  });

  it("once the earlier one is completed (on 9 June), the later one takes credit from that day, not before", async () => {
    const earlier = await makeCase(region, { sentenceDate: "2025-03-03" });
    const later = expectOk(
      await secondOrder(earlier.requirementId, { orderRelation: "CONSECUTIVE", relatedCaseId: earlier.requirementId }),
    );
    await assessed(later.id);
    await testDb.requirement.update({
      where: { id: earlier.requirementId },
      data: { status: "COMPLETED", completedOn: utcDateFromIsoDate("2025-06-09"), minutesCredited: 6000 },
    });
    const before = await creditEte(
      coordinator,
      { caseId: later.id, date: "2025-06-08", minutes: 60, activity: "Course" },
      options,
    );
    expect(before).toMatchObject({
      ok: false,
      code: "CONSECUTIVE_ORDER_NOT_STARTED",
      details: { startsOn: "2025-06-09" },
    });
    expect(
      (await creditEte(coordinator, { caseId: later.id, date: "2025-06-09", minutes: 60, activity: "Course" }, options))
        .ok,
    ).toBe(true);
    const session = await makeSession(placementId, { date: "2025-06-16", capacity: 50 });
    expect((await allocate(coordinator, { sessionId: session.id, caseId: later.id, ...late }, options)).ok).toBe(true);
  });

  it("a correction cannot move a consecutive requirement's ETE credit before the earlier one ended", async () => {
    const earlier = await makeCase(region, { sentenceDate: "2025-03-03" });
    const later = expectOk(
      await secondOrder(earlier.requirementId, { orderRelation: "CONSECUTIVE", relatedCaseId: earlier.requirementId }),
    );
    await assessed(later.id);
    await testDb.requirement.update({
      where: { id: earlier.requirementId },
      data: { status: "COMPLETED", completedOn: utcDateFromIsoDate("2025-06-09"), minutesCredited: 6000 },
    });
    const credit = expectOk(
      await creditEte(coordinator, { caseId: later.id, date: "2025-06-10", minutes: 60, activity: "Course" }, options),
    );
    const moved = await correctEteCredit(
      coordinator,
      {
        caseId: later.id,
        creditId: credit.id,
        version: credit.version,
        date: "2025-06-08",
        minutes: 60,
        activity: "Course",
        reason: "Wrong date",
      },
      options,
    );
    expect(moved).toMatchObject({ ok: false, code: "CONSECUTIVE_ORDER_NOT_STARTED" });
    expect((await testDb.eteCredit.findUniqueOrThrow({ where: { id: credit.id } })).date).toEqual(
      utcDateFromIsoDate("2025-06-10"),
    );
  });

  it("a concurrent requirement is booked and credited by its own bookings while the other runs", async () => {
    const first = await makeCase(region, { sentenceDate: "2025-03-03" });
    const second = expectOk(
      await secondOrder(first.requirementId, { orderRelation: "CONCURRENT", relatedCaseId: first.requirementId }),
    );
    await assessed(second.id);
    const session = await makeSession(placementId, { date: "2025-06-17", capacity: 50 });
    expect(await allocate(coordinator, { sessionId: session.id, caseId: second.id, ...late }, options)).toMatchObject({
      ok: true,
    });
    expect(
      (
        await creditEte(
          coordinator,
          { caseId: second.id, date: "2025-06-10", minutes: 30, activity: "Course" },
          options,
        )
      ).ok,
    ).toBe(true);
  });
});

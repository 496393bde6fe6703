// Several people booked on one session in one go (issue 13 §3): each checked by the one booking
// rule in turn, each booked or refused with its reasons; the last place goes to one booking only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import {
  makeAllocation,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  makeSession,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";
import { AccessError } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { allocate } from "@/server/services/allocations/allocate";
import { allocateMany } from "@/server/services/allocations/allocate-many";
import { expectOk } from "@/server/services/result";

// Monday 16 June 2025. Sentenced Mon 9 June → start deadline Tue 1 July.
const today = "2025-06-16";
const options = { today };
const SENTENCED = "2025-06-09";

let region: TestRegion;
let otherRegion: TestRegion;
let coordinator: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  otherRegion = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

const booked = (sessionId: string) => testDb.allocation.count({ where: { sessionId, status: "BOOKED" } });

describe("allocateMany", () => {
  it("books three people at once and refuses the others one by one with their reasons", async () => {
    const session = await makeSession((await makePlacement(region, { capacity: 6 })).id, { date: "2025-06-20" });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => makeCase(region, { sentenceDate: SENTENCED })));
    const unassessed = await makeCase(region, { sentenceDate: SENTENCED, assessment: { complete: false } });
    const elsewhere = await makeCase(otherRegion, { sentenceDate: SENTENCED });
    const result = expectOk(
      await allocateMany(
        coordinator,
        {
          sessionId: session.id,
          bookings: [a, b, unassessed, elsewhere, c].map((p) => ({ caseId: p!.requirementId })),
        },
        options,
      ),
    );
    expect(result.booked.map((x) => x.caseId)).toEqual([a!.requirementId, b!.requirementId, c!.requirementId]);
    expect(result.refused).toEqual([
      expect.objectContaining({ caseId: unassessed.requirementId, code: "ASSESSMENT_INCOMPLETE" }),
      expect.objectContaining({ caseId: elsewhere.requirementId, code: "NOT_FOUND" }),
    ]);
    expect(result.refused[0]?.refusals.map((r) => r.code)).toContain("ASSESSMENT_INCOMPLETE");
    expect(await booked(session.id)).toBe(3);
    // Each booking is audited on its own.
    expect(
      await testDb.auditEvent.count({
        where: { action: "allocation.create", entityId: { in: result.booked.map((x) => x.id) } },
      }),
    ).toBe(3);
  });

  it("the checks for each person see the bookings made before them in the same go (capacity)", async () => {
    const session = await makeSession((await makePlacement(region, { capacity: 1 })).id, { date: "2025-06-20" }); // limit 1
    const people = await Promise.all([1, 2].map(() => makeCase(region, { sentenceDate: SENTENCED })));
    const result = expectOk(
      await allocateMany(
        coordinator,
        { sessionId: session.id, bookings: people.map((p) => ({ caseId: p.requirementId })) },
        options,
      ),
    );
    expect(result.booked).toHaveLength(1);
    expect(result.refused.map((r) => r.code)).toEqual(["SESSION_FULL"]);
  });

  it("a session in another region is not found", async () => {
    const session = await makeSession((await makePlacement(otherRegion)).id, { date: "2025-06-20" });
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    await expect(
      allocateMany(coordinator, { sessionId: session.id, bookings: [{ caseId: person.requirementId }] }, options),
    ).rejects.toBeInstanceOf(AccessError);
    expect(await booked(session.id)).toBe(0);
  });
});

describe("the last place, 20 at once", () => {
  it("20 coordinators booking the last place: one wins, the others are told it is full, nothing double-books", async () => {
    const session = await makeSession((await makePlacement(region, { capacity: 5 })).id, { date: "2025-06-20" }); // limit 6
    for (let i = 0; i < 5; i++)
      await makeAllocation(session.id, (await makeCase(region, { sentenceDate: SENTENCED })).requirementId);
    const people = await Promise.all(Array.from({ length: 20 }, () => makeCase(region, { sentenceDate: SENTENCED })));
    // Half book one by one, half through "add people" at once.
    const results = await Promise.all(
      people.map((p, i) =>
        i % 2 === 0
          ? allocate(coordinator, { sessionId: session.id, caseId: p.requirementId }, options).then((r) => r.ok)
          : allocateMany(coordinator, { sessionId: session.id, bookings: [{ caseId: p.requirementId }] }, options).then(
              (r) => r.ok && r.value.booked.length === 1,
            ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await booked(session.id)).toBe(6);
  });
});

// The allocation page's read: every session explained by the one booking rule, ranked.
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
import { explainBooking } from "@/server/services/allocations/explain-booking";
import { suggestPeopleForSession } from "@/server/services/allocations/suggest-people";
import { suggestSessions } from "@/server/services/allocations/suggest-sessions";
import { expectOk } from "@/server/services/result";

// Monday 16 June 2025. Sentenced Mon 9 June → start deadline Tue 1 July.
const today = "2025-06-16";
const options = { today };

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

describe("suggestSessions", () => {
  it("explains every session of the next 4 weeks with the booking rule's own reasons, bookable first", async () => {
    const person = await makeCase(region, {
      sentenceDate: "2025-06-09",
      gender: "MALE",
      assessment: { riskCodes: ["RC"] },
    });
    const ordinary = await makeSession((await makePlacement(region, { name: "Ordinary" })).id, { date: "2025-06-20" });
    const induction = await makeSession((await makePlacement(region, { name: "Induction", type: "INDUCTION" })).id, {
      date: "2025-06-25",
    });
    const full = await makeSession((await makePlacement(region, { name: "Full", capacity: 1 })).id, {
      date: "2025-06-18",
    });
    await makeAllocation(full.id, (await makeCase(region)).requirementId);
    const school = await makeSession(
      (await makePlacement(region, { name: "School", features: ["CHILDREN_PRESENT"] })).id,
      { date: "2025-06-17" },
    );
    const women = await makeSession(
      (await makePlacement(region, { name: "Women", type: "INDIVIDUAL", features: ["FEMALE_ONLY"] })).id,
      { date: "2025-06-19" },
    );
    await makeSession((await makePlacement(region, { name: "Too late" })).id, { date: "2025-07-14" });

    const result = expectOk(await suggestSessions(coordinator, { caseId: person.requirementId }, options));
    expect(result.from).toBe("2025-06-16");
    expect(result.to).toBe("2025-07-13");
    expect(result.choices.map((c) => c.placementName)).toEqual(["Induction", "Ordinary", "School", "Full", "Women"]);
    const byId = new Map(result.choices.map((c) => [c.id, c]));
    expect(byId.get(induction.id)).toMatchObject({ standing: "BOOKABLE", refusals: [] });
    expect(byId.get(ordinary.id)?.warnings.map((w) => w.code)).toContain("NO_INDUCTION_YET");
    expect(byId.get(full.id)).toMatchObject({ standing: "BLOCKED", booked: 1, limit: 1, freePlaces: 0 });
    expect(byId.get(full.id)?.refusals.map((r) => r.code)).toEqual(["SESSION_FULL"]);
    expect(byId.get(school.id)?.refusals.map((r) => r.code)).toEqual(["RISK_CONFLICT"]);
    expect(byId.get(women.id)?.refusals.map((r) => r.code)).toEqual(["WOMEN_ONLY_PLACEMENT"]);

    // The same question the booking asks: what the page said is what allocate answers.
    const booking = await allocate(coordinator, { sessionId: school.id, caseId: person.requirementId }, options);
    expect(booking).toMatchObject({
      ok: false,
      code: "RISK_CONFLICT",
      message: byId.get(school.id)?.refusals[0]?.message,
    });

    // A manager can clear the risk conflict on the booking form.
    const forManager = expectOk(await suggestSessions(manager, { caseId: person.requirementId }, options));
    expect(forManager.choices.find((c) => c.id === school.id)?.standing).toBe("NEEDS_DETAILS");
  });

  it("a past day lists that day's sessions as paper-register bookings", async () => {
    const person = await makeCase(region, { sentenceDate: "2025-06-02" });
    const past = await makeSession((await makePlacement(region, { name: "Last week" })).id, { date: "2025-06-11" });
    const result = expectOk(
      await suggestSessions(coordinator, { caseId: person.requirementId, on: "2025-06-11" }, options),
    );
    expect(result.retrospective).toBe(true);
    expect(result.choices.map((c) => c.id)).toEqual([past.id]);
    expect(result.choices[0]?.refusals.map((r) => r.code)).not.toContain("SESSION_IN_PAST");
  });

  it("explainBooking and suggestPeopleForSession give the same reasons; another region's case is not found", async () => {
    const late = await makeCase(region, { sentenceDate: "2025-05-12" });
    const session = await makeSession((await makePlacement(region)).id, { date: "2025-06-20" });
    const one = expectOk(
      await explainBooking(coordinator, { caseId: late.requirementId, sessionId: session.id }, options),
    );
    expect(one.session).toMatchObject({ standing: "NEEDS_DETAILS" });
    expect(one.session.refusals.map((r) => r.code)).toEqual(["LATE_START_REASON_REQUIRED"]);
    const people = expectOk(await suggestPeopleForSession(coordinator, { sessionId: session.id }, options));
    expect(people.people.find((p) => p.caseId === late.requirementId)?.refusals).toEqual(one.session.refusals);

    const elsewhere = await makeRegion();
    const outsider = await makeCase(elsewhere);
    await expect(
      explainBooking(coordinator, { caseId: outsider.requirementId, sessionId: session.id }, options),
    ).rejects.toBeInstanceOf(AccessError);
    await expect(suggestSessions(coordinator, { caseId: outsider.requirementId }, options)).rejects.toBeInstanceOf(
      AccessError,
    );
  });
});

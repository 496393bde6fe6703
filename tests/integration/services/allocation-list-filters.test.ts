// The allocation list at scale (issue 13 §3): date, placement, weekday and part-of-day filters,
// paging past any fixed limit, and one message when the case itself cannot be booked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { addDays } from "@/domain";
import { db } from "@/server/db/client";
import { suggestSessions } from "@/server/services/allocations/suggest-sessions";
import { expectOk } from "@/server/services/result";

// Monday 16 June 2025.
const today = "2025-06-16";
const options = { today };

let region: TestRegion;
let coordinator: TestUser;
let park: { id: string };
let hall: { id: string };

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
  park = await makePlacement(region, { name: "Park" });
  hall = await makePlacement(region, { name: "Hall" });
  // 90 sessions at the park: one a day from today (more than the old limit of 80 in range).
  for (let i = 0; i < 90; i++) await makeSession(park.id, { date: addDays(today, i) });
  // Evenings at the hall on the two Saturdays after today.
  await makeSession(hall.id, { date: "2025-06-21", startTime: "17:30", endTime: "20:30" });
  await makeSession(hall.id, { date: "2025-06-28", startTime: "18:00", endTime: "21:00" });
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

describe("suggestSessions filters and paging", () => {
  it("pages through every session of a long date range, 20 at a time, none twice", async () => {
    const person = await makeCase(region, { sentenceDate: "2025-06-09" });
    const seen = new Set<string>();
    const first = expectOk(
      await suggestSessions(coordinator, { caseId: person.requirementId, to: addDays(today, 89) }, options),
    );
    expect(first).toMatchObject({ total: 92, pageCount: 5, page: 1 });
    for (let page = 1; page <= first.pageCount; page++) {
      const result = expectOk(
        await suggestSessions(coordinator, { caseId: person.requirementId, to: addDays(today, 89), page }, options),
      );
      for (const choice of result.choices) seen.add(choice.id);
    }
    expect(seen.size).toBe(92);
    // A page past the end shows the last page.
    expect(
      expectOk(
        await suggestSessions(coordinator, { caseId: person.requirementId, to: addDays(today, 89), page: 99 }, options),
      ).page,
    ).toBe(5);
  });

  it("filters by placement, day of the week and part of the day", async () => {
    const person = await makeCase(region, { sentenceDate: "2025-06-09" });
    const hallOnly = expectOk(
      await suggestSessions(coordinator, { caseId: person.requirementId, placementId: hall.id }, options),
    );
    expect(hallOnly.choices.map((c) => c.date).sort()).toEqual(["2025-06-21", "2025-06-28"]);
    const saturdays = expectOk(
      await suggestSessions(coordinator, { caseId: person.requirementId, days: ["SAT"] }, options),
    );
    expect(saturdays.total).toBe(6); // 4 park Saturdays in 4 weeks + 2 hall evenings
    expect(saturdays.choices.every((c) => new Date(`${c.date}T00:00:00Z`).getUTCDay() === 6)).toBe(true);
    const evenings = expectOk(
      await suggestSessions(coordinator, { caseId: person.requirementId, parts: ["EVE"] }, options),
    );
    expect(evenings.choices.map((c) => c.placementName)).toEqual(["Hall", "Hall"]);
    const mornings = expectOk(
      await suggestSessions(
        coordinator,
        { caseId: person.requirementId, parts: ["AM"], from: "2025-06-20", to: "2025-06-22" },
        options,
      ),
    );
    expect(mornings.choices.map((c) => c.date)).toEqual(["2025-06-20", "2025-06-21", "2025-06-22"]);
  });

  it("an unassessed case gets one reason, not one refusal per session", async () => {
    const person = await makeCase(region, { sentenceDate: "2025-06-09", assessment: { complete: false } });
    const result = expectOk(await suggestSessions(coordinator, { caseId: person.requirementId }, options));
    expect(result.caseRefusals.map((r) => r.code)).toEqual(["ASSESSMENT_INCOMPLETE"]);
    expect(result.choices).toEqual([]);
  });
});

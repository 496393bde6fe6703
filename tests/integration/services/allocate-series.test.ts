// Bulk allocation of a weekly series: the same R10 rule for each session, one transaction,
// per-session refusals reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import {
  auditEventsFor,
  makeAllocation,
  makeCase,
  makePlacement,
  makeRegion,
  makeRegionalStaff,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";
import { utcDateFromIsoDate, type PlacementFeature } from "@/domain";
import { AccessError } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { allocateSeries } from "@/server/services/allocations/allocate-series";

// Monday 16 June 2025. Sentenced Mon 2 June → start deadline Mon 23 June.
const today = "2025-06-16";
const options = { today };
const SENTENCED = "2025-06-02";
// Wednesdays: one in the past, four from today.
const WEDNESDAYS = ["2025-06-11", "2025-06-18", "2025-06-25", "2025-07-02", "2025-07-09"];

let region: TestRegion;
let coordinator: TestUser;
let supervisor: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, supervisor } = await makeRegionalStaff(region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

async function weeklySeries(spec: { capacity?: number; features?: PlacementFeature[] } = {}) {
  const placement = await makePlacement(region, { capacity: spec.capacity ?? 6, features: spec.features ?? [] });
  const series = await testDb.sessionSeries.create({
    data: {
      placementId: placement.id,
      weekday: 3,
      startTime: "09:00",
      endTime: "16:00",
      fromDate: utcDateFromIsoDate(WEDNESDAYS[0]!),
      toDate: utcDateFromIsoDate(WEDNESDAYS[4]!),
    },
  });
  const sessions = [];
  for (const date of WEDNESDAYS) {
    sessions.push(
      await testDb.session.create({
        data: {
          placementId: placement.id,
          seriesId: series.id,
          date: utcDateFromIsoDate(date),
          startTime: "09:00",
          endTime: "16:00",
          capacity: spec.capacity ?? 6,
          supervisorId: supervisor.id,
        },
        select: { id: true },
      }),
    );
  }
  return { seriesId: series.id, sessionIds: sessions.map((s) => s.id) };
}

const bookedDates = async (requirementId: string) =>
  (
    await testDb.allocation.findMany({
      where: { requirementId, status: "BOOKED" },
      select: { sessionDate: true },
      orderBy: { sessionDate: "asc" },
    })
  ).map((a) => a.sessionDate.toISOString().slice(0, 10));

describe("allocateSeries", () => {
  it("books every future session of the series in one go, skipping the past one, and audits it", async () => {
    const { seriesId } = await weeklySeries();
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const result = await allocateSeries(coordinator, { seriesId, caseId: person.requirementId }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.booked.map((b) => b.sessionDate)).toEqual(WEDNESDAYS.slice(1));
    expect(result.value.refused).toEqual([]);
    expect(await bookedDates(person.requirementId)).toEqual(WEDNESDAYS.slice(1));
    const events = await auditEventsFor("SessionSeries", seriesId);
    expect(events.map((e) => e.action)).toEqual(["allocation.create-series"]);
    for (const booking of result.value.booked) {
      expect((await auditEventsFor("Allocation", booking.id)).map((e) => e.action)).toEqual(["allocation.create"]);
    }
  });

  it("reports each refused session with its reasons and books the others", async () => {
    const { seriesId, sessionIds } = await weeklySeries({ capacity: 1 });
    // Session 3 (2 July) is full: capacity 1 × 120 % = 1 place, already taken.
    const other = await makeCase(region, { sentenceDate: SENTENCED });
    await makeAllocation(sessionIds[3]!, other.requirementId);
    const person = await makeCase(region, { sentenceDate: SENTENCED });
    const result = await allocateSeries(coordinator, { seriesId, caseId: person.requirementId }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.booked.map((b) => b.sessionDate)).toEqual(["2025-06-18", "2025-06-25", "2025-07-09"]);
    expect(result.value.refused).toHaveLength(1);
    expect(result.value.refused[0]).toMatchObject({
      sessionId: sessionIds[3],
      date: "2025-07-02",
      code: "SESSION_FULL",
    });
    expect(result.value.refused[0]?.reasons[0]).toMatch(/This session is full/);
  });

  it("asks for a late-start reason only for the first work session, and records it on that booking", async () => {
    const { seriesId } = await weeklySeries();
    // Sentenced 12 May → start deadline 2 June, already passed.
    const person = await makeCase(region, { sentenceDate: "2025-05-12" });
    const refused = await allocateSeries(coordinator, { seriesId, caseId: person.requirementId }, options);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.code).toBe("LATE_START_REASON_REQUIRED");
    expect(await bookedDates(person.requirementId)).toEqual([]);

    const result = await allocateSeries(
      coordinator,
      {
        seriesId,
        caseId: person.requirementId,
        lateStartReason: { category: "SERVICE_CAPACITY", note: "No places before the deadline" },
      },
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.booked).toHaveLength(4);
    expect(result.value.booked.map((b) => b.lateStartReason)).toEqual(["SERVICE_CAPACITY", null, null, null]);
  });

  it("writes nothing when no session can be booked (a man on a women-only placement)", async () => {
    const { seriesId } = await weeklySeries({ features: ["FEMALE_ONLY"] });
    const person = await makeCase(region, { sentenceDate: SENTENCED, gender: "MALE" });
    const result = await allocateSeries(coordinator, { seriesId, caseId: person.requirementId }, options);
    expect(result).toMatchObject({ ok: false, code: "WOMEN_ONLY_PLACEMENT" });
    if (result.ok) return;
    expect((result.details?.refused as unknown[]).length).toBe(4);
    expect(await bookedDates(person.requirementId)).toEqual([]);
    expect(await auditEventsFor("SessionSeries", seriesId)).toEqual([]);
  });

  it("a series in another region is not found", async () => {
    const { seriesId } = await weeklySeries();
    const elsewhere = await makeRegion();
    const { coordinator: outsider } = await makeRegionalStaff(elsewhere);
    const person = await makeCase(elsewhere, { sentenceDate: SENTENCED });
    await expect(allocateSeries(outsider, { seriesId, caseId: person.requirementId }, options)).rejects.toBeInstanceOf(
      AccessError,
    );
  });
});

// Concurrent orders on a real database (decisions 0049, 0094): an hour credited to either
// requirement of a concurrent pair counts towards the other too — from the other's sentence date —
// each capped at its own hours; a correction on one recomputes both; R6's cap holds for both; R1
// counts the pair once; writes on both at once neither deadlock nor lose a credit; the dashboard's
// figure facts still agree with a full recount.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { todayInLondon, utcDateFromIsoDate, type IsoDate } from "@/domain";
import { db } from "@/server/db/client";
import { computeDashboardTallies } from "@/server/queries/dashboard";
import { computeTallies } from "@/server/queries/dashboard-cache";
import { refreshFigureFacts } from "@/server/queries/figure-facts";
import { loadPersonRequirements } from "@/server/queries/person-requirements";
import { recordAttendance } from "@/server/services/attendance/record-attendance";
import { createCase } from "@/server/services/cases/create-case";
import type { CreateCaseInput } from "@/server/services/cases/create-case.types";
import { getCase } from "@/server/services/cases/get-case";
import { listCasesForApi } from "@/server/services/cases/list-cases";
import { correctEteCredit, removeEteCredit } from "@/server/services/ete/correct-ete-credit";
import { creditEte } from "@/server/services/ete/credit-ete";
import { expectOk } from "@/server/services/result";
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
import { canonicalTallies } from "../../support/tallies";

const TODAY: IsoDate = "2025-06-11";
const options = { today: TODAY };
const RATED = { workQuality: "GOOD", behaviour: "GOOD" } as const;
let region: TestRegion;
let coordinator: TestUser;
let placementId: string;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
  placementId = (await makePlacement(region, { capacity: 50 })).id;
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

/** A first order (sentenced 3 March 2025) and a second one for the same person, concurrent with it by default. */
async function pair(first: { hoursOrdered: number }, second: Partial<CreateCaseInput> = {}) {
  const a = await makeCase(region, { sentenceDate: "2025-03-03", hoursOrdered: first.hoursOrdered });
  const person = await testDb.person.findUniqueOrThrow({ where: { id: a.personId } });
  const created = await createCase(
    coordinator,
    {
      crn: person.crn,
      firstName: person.firstName,
      lastName: person.lastName,
      dateOfBirth: "1990-01-01",
      gender: "MALE",
      region: region.code,
      orderType: "COMMUNITY_ORDER",
      managedBy: "STANDALONE_UPW",
      sentenceDate: "2025-04-01",
      court: "Second Magistrates' Court",
      hoursOrdered: 40,
      orderRelation: "CONCURRENT",
      relatedCaseId: a.requirementId,
      ...second,
    },
    options,
  );
  const b = expectOk(created);
  for (const id of [a.requirementId, b.id]) {
    await testDb.assessment.update({
      where: { requirementId: id },
      data: { complete: true, rosh: "LOW", eteEligible: true, eteReason: "NOT_IN_WORK" },
    });
  }
  return { a: a.requirementId, b: b.id, created };
}

/** Books `caseId` on a new session dated `date` and records `minutes` worked there. */
async function worked(caseId: string, date: IsoDate, minutes = 420) {
  const session = await makeSession(placementId, { date, capacity: 50 });
  await makeAllocation(session.id, caseId);
  const recorded = expectOk(
    await recordAttendance(
      coordinator,
      { sessionId: session.id, caseId, outcome: "ATTENDED_COMPLIED", ...RATED, minutesCredited: minutes },
      options,
    ),
  );
  return { sessionId: session.id, version: recorded.attendance.version };
}

const warningCodes = (result: Awaited<ReturnType<typeof createCase>>) =>
  result.ok ? (result.warnings ?? []).map((w) => w.code) : [];

const stored = (id: string) =>
  testDb.requirement.findUniqueOrThrow({
    where: { id },
    select: { minutesCredited: true, minutesEte: true, status: true, completedOn: true, commencedOn: true },
  });

describe("hours worked count towards both concurrent orders", () => {
  it("an attendance on A credits B, but not one dated the day before B's sentence date", async () => {
    const { a, b } = await pair({ hoursOrdered: 100 });
    await worked(a, "2025-03-31");
    expect(await stored(b)).toMatchObject({ minutesCredited: 0, commencedOn: null });
    await worked(a, "2025-04-01");
    expect(await stored(a)).toMatchObject({ minutesCredited: 840 });
    expect(await stored(b)).toMatchObject({
      minutesCredited: 420,
      status: "ACTIVE",
      commencedOn: utcDateFromIsoDate("2025-04-01"),
    });
    // B's own session credits A too.
    await worked(b, "2025-04-08");
    expect((await stored(a)).minutesCredited).toBe(1260);
    expect((await stored(b)).minutesCredited).toBe(840);
    // The case (GET /cases/{id}) says the same.
    expect(expectOk(await getCase(coordinator, { caseId: b }, options))).toMatchObject({ minutesCredited: 840 });
    // So does the case list (one statement of its own), for both.
    const crn = (await testDb.requirement.findUniqueOrThrow({ where: { id: b }, select: { person: true } })).person.crn;
    const listed = expectOk(await listCasesForApi(coordinator, { q: crn }, options)).cases;
    expect(listed.find((c) => c.id === b)).toMatchObject({ minutesCredited: 840 });
    expect(listed.find((c) => c.id === a)).toMatchObject({ minutesCredited: 1260 });
  });

  it("the smaller order completes first; a correction on A takes B back from COMPLETED to ACTIVE", async () => {
    const { a, b } = await pair({ hoursOrdered: 100 });
    const dates: IsoDate[] = ["2025-04-01", "2025-04-08", "2025-04-15", "2025-04-22", "2025-04-29"];
    for (const date of dates) await worked(a, date);
    const last = await worked(a, "2025-05-06");
    // B: 40 hours = 2,400 minutes, reached on the sixth 7-hour day; A (100 hours) runs on.
    expect(await stored(b)).toMatchObject({
      minutesCredited: 2400,
      status: "COMPLETED",
      completedOn: utcDateFromIsoDate("2025-05-06"),
    });
    expect(await stored(a)).toMatchObject({ minutesCredited: 2520, status: "ACTIVE" });

    // The office corrects the last session on A: the person did not come.
    expectOk(
      await recordAttendance(
        coordinator,
        { sessionId: last.sessionId, caseId: a, outcome: "UNACCEPTABLE_ABSENCE", version: last.version },
        options,
      ),
    );
    expect(await stored(b)).toMatchObject({ minutesCredited: 2100, status: "ACTIVE", completedOn: null });
    expect((await stored(a)).minutesCredited).toBe(2100);
  });

  it("R6: an ETE credit on A is refused if it would take B past its 30 % allowance; the cap holds both ways", async () => {
    // A: 100 hours (1,800 ETE minutes); B: 40 hours (720).
    const { a, b } = await pair({ hoursOrdered: 100 });
    const tooMuch = await creditEte(
      coordinator,
      { caseId: a, date: "2025-04-02", minutes: 721, activity: "Course" },
      options,
    );
    expect(tooMuch).toMatchObject({ ok: false, code: "ETE_CAP_EXCEEDED" });
    // Before B's sentence date B receives nothing, so only A's cap applies.
    expectOk(
      await creditEte(coordinator, { caseId: a, date: "2025-03-20", minutes: 900, activity: "Course" }, options),
    );
    const onA = expectOk(
      await creditEte(coordinator, { caseId: a, date: "2025-04-02", minutes: 700, activity: "Course" }, options),
    );
    expect(await stored(b)).toMatchObject({ minutesEte: 700, minutesCredited: 700 });
    // B has 20 minutes of its allowance left: its own 21 are refused.
    expect(
      await creditEte(coordinator, { caseId: b, date: "2025-04-03", minutes: 21, activity: "Course" }, options),
    ).toMatchObject({ ok: false, code: "ETE_CAP_EXCEEDED" });
    // A correction is judged without the credit as it was: 700 → 720 fits B; 721 does not.
    const corrected = await correctEteCredit(
      coordinator,
      {
        caseId: a,
        creditId: onA.id,
        version: onA.version,
        date: "2025-04-02",
        minutes: 721,
        activity: "Course",
        reason: "Typo",
      },
      options,
    );
    expect(corrected).toMatchObject({ ok: false, code: "ETE_CAP_EXCEEDED" });
    const fixed = expectOk(
      await correctEteCredit(
        coordinator,
        {
          caseId: a,
          creditId: onA.id,
          version: onA.version,
          date: "2025-04-02",
          minutes: 720,
          activity: "Course",
          reason: "Typo",
        },
        options,
      ),
    );
    expect(await stored(b)).toMatchObject({ minutesEte: 720, minutesCredited: 720 });
    expect(await stored(a)).toMatchObject({ minutesEte: 1620, minutesCredited: 1620 });
    // Removing it from A takes it from B too.
    expectOk(
      await removeEteCredit(
        coordinator,
        { caseId: a, creditId: fixed.id, version: fixed.version, reason: "Not ETE" },
        options,
      ),
    );
    expect(await stored(b)).toMatchObject({ minutesEte: 0, minutesCredited: 0 });
  });

  it("R1: a concurrent pair counts once in the outstanding total (the larger remainder); consecutive orders add up", async () => {
    const concurrent = await pair({ hoursOrdered: 200 }, { hoursOrdered: 150 });
    expect(warningCodes(concurrent.created)).toEqual([]);
    const list = await loadPersonRequirements(coordinator, concurrent.b, TODAY);
    expect(list).toMatchObject({ activeOutstandingMinutes: 200 * 60, warning: null });

    const consecutive = await pair({ hoursOrdered: 200 }, { hoursOrdered: 150, orderRelation: "CONSECUTIVE" });
    expect(warningCodes(consecutive.created)).toEqual(["OUTSTANDING_OVER_300_HOURS"]);
  });

  it("writes on A and on B at once neither deadlock nor lose a credit", async () => {
    const { a, b } = await pair({ hoursOrdered: 200 }, { hoursOrdered: 200 });
    const sessions = await Promise.all(
      ["2025-05-01", "2025-05-02", "2025-05-05", "2025-05-06"].flatMap((date) =>
        [a, b].map(async (caseId) => {
          const session = await makeSession(placementId, { date, capacity: 50 });
          await makeAllocation(session.id, caseId);
          return { sessionId: session.id, caseId };
        }),
      ),
    );
    const results = await Promise.all(
      sessions.map((s) =>
        recordAttendance(coordinator, { ...s, outcome: "ATTENDED_COMPLIED", ...RATED, minutesCredited: 60 }, options),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await stored(a)).minutesCredited).toBe(8 * 60);
    expect((await stored(b)).minutesCredited).toBe(8 * 60);
  });

  it("a write on A marks B's figure facts stale, and the figures from the facts equal a full recount", async () => {
    const { a, b } = await pair({ hoursOrdered: 100 });
    const today = todayInLondon();
    await refreshFigureFacts(testDb, today, undefined);
    await worked(a, "2025-05-12");
    const marked = (
      await testDb.$queryRaw<{ id: string | null }[]>`SELECT "requirementId"::text AS id FROM "FigureFactMark"`
    ).map((m) => m.id);
    expect(marked).toEqual(expect.arrayContaining([a, b]));
    const scope = { asOf: today, regionId: region.id };
    expect(canonicalTallies(await computeTallies(testDb, scope))).toBe(
      canonicalTallies(await computeDashboardTallies(testDb, scope)),
    );
  });
});

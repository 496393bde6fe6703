// R6 through the creditEte service: the 30 % allowance on the current hours ordered, its
// message, eligibility, and the cap holding under twenty concurrent requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { utcDateFromIsoDate, type IsoDate } from "@/domain";
import { creditEte } from "@/server/services/ete/credit-ete";
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
let supervisor: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, supervisor } = await makeRegionalStaff(region));
});
afterAll(() => testDb.$disconnect());

const eligibleCase = (hoursOrdered: number) =>
  makeCase(region, {
    sentenceDate: "2025-03-03",
    hoursOrdered,
    assessment: { eteEligible: true, eteReason: "NOT_IN_WORK" },
  });

const credit = (caseId: string, minutes: number, date: IsoDate = "2025-06-02", actor: TestUser = coordinator) =>
  creditEte(actor, { caseId, date, minutes, activity: "Forklift licence course", provider: "City College" }, options);

async function snapshot(caseId: string) {
  const [requirement, credits, audits] = await Promise.all([
    testDb.requirement.findUniqueOrThrow({ where: { id: caseId } }),
    testDb.eteCredit.findMany({ where: { requirementId: caseId } }),
    testDb.auditEvent.count(),
  ]);
  return { requirement, credits, audits };
}

describe("creditEte (R6)", () => {
  it("41 hours allow 738 minutes of ETE; the credit counts towards the hours and is audited", async () => {
    const { requirementId } = await eligibleCase(41);
    const first = expectOk(await credit(requirementId, 700));
    expect(first).toMatchObject({
      minutes: 700,
      minutesEte: 700,
      eteAllowanceMinutes: 738,
      eteRemainingMinutes: 38,
      minutesCredited: 700,
    });
    const last = expectOk(await credit(requirementId, 38));
    expect(last).toMatchObject({ minutesEte: 738, eteRemainingMinutes: 0 });
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } });
    expect(requirement).toMatchObject({ minutesEte: 738, minutesCredited: 738, status: "ACTIVE" });
    const events = await auditEventsFor("EteCredit", first.id);
    expect(events.map((e) => e.action)).toEqual(["ete.credit"]);
  });

  it("refuses a credit past the allowance with the remaining allowance in the message, changing nothing", async () => {
    const { requirementId } = await eligibleCase(41);
    expectOk(await credit(requirementId, 700));
    const before = await snapshot(requirementId);
    const result = await credit(requirementId, 39);
    expect(result).toMatchObject({
      ok: false,
      code: "ETE_CAP_EXCEEDED",
      details: { remainingMinutes: 38, allowanceMinutes: 738 },
    });
    expect(result.ok ? "" : result.message).toContain("38 minutes remain");
    expect(await snapshot(requirementId)).toEqual(before);
  });

  it("refuses ETE for a person not assessed as eligible", async () => {
    const { requirementId } = await makeCase(region, {
      sentenceDate: "2025-03-03",
      assessment: { eteEligible: false },
    });
    const before = await snapshot(requirementId);
    expect(await credit(requirementId, 60)).toMatchObject({ ok: false, code: "ETE_NOT_ELIGIBLE" });
    expect(await snapshot(requirementId)).toEqual(before);
  });

  it("refuses a credit that would take the total past the hours ordered, and completes at exactly them", async () => {
    const { requirementId } = await eligibleCase(40); // 2,400 minutes
    const placement = await makePlacement(region);
    const session = await makeSession(placement.id, { date: "2025-05-01" });
    const allocation = await makeAllocation(session.id, requirementId);
    await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 2350 });
    const before = await snapshot(requirementId);
    const over = await credit(requirementId, 51);
    expect(over).toMatchObject({ ok: false, code: "HOURS_EXCEED_ORDERED", details: { outstandingMinutes: 50 } });
    expect(await snapshot(requirementId)).toEqual(before);
    const done = expectOk(await credit(requirementId, 50, "2025-06-10"));
    expect(done).toMatchObject({ minutesCredited: 2400, caseStatus: "COMPLETED" });
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } });
    expect(requirement).toMatchObject({
      status: "COMPLETED",
      completedOn: utcDateFromIsoDate("2025-06-10"),
      minutesEte: 50,
    });
  });

  it("refuses a credit dated in the future", async () => {
    const { requirementId } = await eligibleCase(100);
    expect(await credit(requirementId, 60, "2025-06-12")).toMatchObject({ ok: false, field: "date" });
  });

  it("20 concurrent credits never pass the cap", async () => {
    const { requirementId } = await eligibleCase(41); // 738 minutes
    const results = await Promise.all(Array.from({ length: 20 }, () => credit(requirementId, 60)));
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBe(12); // 12 × 60 = 720 ≤ 738 < 780
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "ETE_CAP_EXCEEDED")).toBe(true);
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } });
    const rows = await testDb.eteCredit.aggregate({ where: { requirementId }, _sum: { minutes: true }, _count: true });
    expect(rows._count).toBe(12);
    expect(rows._sum.minutes).toBe(720);
    expect(requirement.minutesEte).toBe(720);
  });

  it("is for coordinators and managers of the region: others get NOT_FOUND or FORBIDDEN", async () => {
    const { requirementId } = await eligibleCase(100);
    const outsider = await makeUser("MANAGER", await makeRegion());
    await expect(credit(requirementId, 60, "2025-06-02", outsider)).rejects.toMatchObject({
      name: "AccessError",
      code: "NOT_FOUND",
    });
    // A supervisor does not see a case that is not on one of their sessions.
    await expect(credit(requirementId, 60, "2025-06-02", supervisor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const national = await makeUser("NATIONAL_LEAD", null);
    await expect(credit(requirementId, 60, "2025-06-02", national)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.eteCredit.count({ where: { requirementId } })).toBe(0);
  });
});

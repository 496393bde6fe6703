// Correcting and removing an ETE credit (issue 13, decision 0064): version-checked, audited with
// the reason, and R6 (the cap) and R7 (hours done, completion) replayed in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IsoDate } from "@/domain";
import { creditEte } from "@/server/services/ete/credit-ete";
import { correctEteCredit, removeEteCredit } from "@/server/services/ete/correct-ete-credit";
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

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
});
afterAll(() => testDb.$disconnect());

const eligibleCase = (hoursOrdered: number) =>
  makeCase(region, {
    sentenceDate: "2025-03-03",
    hoursOrdered,
    assessment: { eteEligible: true, eteReason: "NOT_IN_WORK" },
  });

const credit = async (caseId: string, minutes: number, date: IsoDate = "2025-06-02") =>
  expectOk(await creditEte(coordinator, { caseId, date, minutes, activity: "Forklift licence course" }, options));

const correction = (caseId: string, creditId: string, minutes: number, version = 1) => ({
  caseId,
  creditId,
  version,
  date: "2025-06-03",
  minutes,
  activity: "Forklift licence course",
  provider: "City College",
  reason: "The certificate shows three hours, not two",
});

describe("correctEteCredit (R6, R7)", () => {
  it("changes the credit, bumps its version, replays the totals and audits before, after and the reason", async () => {
    const { requirementId } = await eligibleCase(41);
    const first = await credit(requirementId, 120);
    expect(first.version).toBe(1);
    const corrected = expectOk(await correctEteCredit(coordinator, correction(requirementId, first.id, 180), options));
    expect(corrected).toMatchObject({
      id: first.id,
      version: 2,
      date: "2025-06-03",
      minutes: 180,
      provider: "City College",
      minutesEte: 180,
      minutesCredited: 180,
      eteRemainingMinutes: 558,
    });
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } });
    expect(requirement).toMatchObject({ minutesEte: 180, minutesCredited: 180 });
    const events = await auditEventsFor("EteCredit", first.id);
    expect(events.map((e) => e.action)).toEqual(["ete.credit", "ete.correct"]);
    const audit = events[1];
    expect(audit?.before).toMatchObject({ minutes: 120, version: 1 });
    expect(audit?.after).toMatchObject({ minutes: 180, reason: "The certificate shows three hours, not two" });
  });

  it("judges the 30 % cap without the credit being corrected", async () => {
    const { requirementId } = await eligibleCase(41); // 738 minutes allowed
    const big = await credit(requirementId, 700);
    // 738 on its own is allowed even though 700 + 738 would not be.
    expect(
      expectOk(await correctEteCredit(coordinator, correction(requirementId, big.id, 738), options)),
    ).toMatchObject({ minutesEte: 738, eteRemainingMinutes: 0 });
    const over = await correctEteCredit(coordinator, correction(requirementId, big.id, 739, 2), options);
    expect(over).toMatchObject({ ok: false, code: "ETE_CAP_EXCEEDED" });
    expect((await testDb.eteCredit.findUniqueOrThrow({ where: { id: big.id } })).minutes).toBe(738);
  });

  it("refuses a stale version with 409 details carrying both versions and the current credit, changing nothing", async () => {
    const { requirementId } = await eligibleCase(41);
    const first = await credit(requirementId, 120);
    expectOk(await correctEteCredit(coordinator, correction(requirementId, first.id, 150), options));
    const auditsBefore = await testDb.auditEvent.count();
    const stale = await correctEteCredit(coordinator, correction(requirementId, first.id, 90, 1), options);
    expect(stale).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      details: { yourVersion: 1, currentVersion: 2, current: { minutes: 150 } },
    });
    expect((await testDb.eteCredit.findUniqueOrThrow({ where: { id: first.id } })).minutes).toBe(150);
    expect(await testDb.auditEvent.count()).toBe(auditsBefore);
  });

  it("re-opens a case that a wrong credit had completed (R7)", async () => {
    const { requirementId } = await eligibleCase(40); // 2,400 minutes
    const placement = await makePlacement(region);
    const session = await makeSession(placement.id, { date: "2025-05-01" });
    const allocation = await makeAllocation(session.id, requirementId);
    await makeAttendance(allocation.id, { outcome: "ATTENDED_COMPLIED", minutesCredited: 2350 });
    const last = await credit(requirementId, 50, "2025-06-10");
    expect(last.caseStatus).toBe("COMPLETED");
    const corrected = expectOk(await correctEteCredit(coordinator, correction(requirementId, last.id, 20), options));
    expect(corrected).toMatchObject({ caseStatus: "ACTIVE", minutesCredited: 2370 });
    const requirement = await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } });
    expect(requirement).toMatchObject({ status: "ACTIVE", completedOn: null, minutesCredited: 2370 });
  });

  it("refuses a credit from another case, and a caller from another region, as not found", async () => {
    const { requirementId } = await eligibleCase(41);
    const other = await eligibleCase(41);
    const theirs = await credit(other.requirementId, 60);
    await expect(
      correctEteCredit(coordinator, correction(requirementId, theirs.id, 90), options),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const outsider = await makeUser("MANAGER", await makeRegion());
    await expect(
      correctEteCredit(outsider, correction(other.requirementId, theirs.id, 90), options),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await testDb.eteCredit.findUniqueOrThrow({ where: { id: theirs.id } })).minutes).toBe(60);
  });
});

describe("removeEteCredit (R6, R7)", () => {
  it("deletes the credit, replays the totals, and keeps the whole credit and the reason in the audit trail", async () => {
    const { requirementId } = await eligibleCase(41);
    const keep = await credit(requirementId, 60, "2025-06-01");
    const wrong = await credit(requirementId, 120);
    const removed = expectOk(
      await removeEteCredit(
        coordinator,
        { caseId: requirementId, creditId: wrong.id, version: 1, reason: "Credited to the wrong person" },
        options,
      ),
    );
    expect(removed).toMatchObject({ removed: true, minutesEte: 60, minutesCredited: 60, eteRemainingMinutes: 678 });
    expect(await testDb.eteCredit.findMany({ where: { requirementId }, select: { id: true } })).toEqual([
      { id: keep.id },
    ]);
    expect(await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } })).toMatchObject({
      minutesEte: 60,
      minutesCredited: 60,
    });
    const events = await auditEventsFor("EteCredit", wrong.id);
    expect(events.map((e) => e.action)).toEqual(["ete.credit", "ete.remove"]);
    expect(events[1]?.before).toMatchObject({ minutes: 120, activity: "Forklift licence course", date: "2025-06-02" });
    expect(events[1]?.after).toMatchObject({ removed: true, reason: "Credited to the wrong person" });
  });

  it("re-opens a completed case, and refuses a stale version", async () => {
    const { requirementId } = await eligibleCase(40);
    const placement = await makePlacement(region);
    const session = await makeSession(placement.id, { date: "2025-05-01" });
    await makeAttendance((await makeAllocation(session.id, requirementId)).id, {
      outcome: "ATTENDED_COMPLIED",
      minutesCredited: 2350,
    });
    const last = await credit(requirementId, 50, "2025-06-10");
    expect(
      await removeEteCredit(
        coordinator,
        { caseId: requirementId, creditId: last.id, version: 2, reason: "Wrong" },
        options,
      ),
    ).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      details: { yourVersion: 2, currentVersion: 1 },
    });
    expectOk(
      await removeEteCredit(
        coordinator,
        { caseId: requirementId, creditId: last.id, version: 1, reason: "Wrong" },
        options,
      ),
    );
    expect(await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } })).toMatchObject({
      status: "ACTIVE",
      completedOn: null,
      minutesCredited: 2350,
    });
  });

  it("is refused to a supervisor and a national lead", async () => {
    const { requirementId } = await eligibleCase(41);
    const c = await credit(requirementId, 60);
    const national = await makeUser("NATIONAL_LEAD", null);
    await expect(
      removeEteCredit(national, { caseId: requirementId, creditId: c.id, version: 1, reason: "x" }, options),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.eteCredit.count({ where: { id: c.id } })).toBe(1);
  });
});

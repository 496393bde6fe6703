// Sentencing Act 2026 through the services and every reader: s.36 (no 12-month period) across its
// commencement date, and s.37 (the earned reduction of hours) from the officer's decision to completion.
// The commencement dates are global settings, so this file removes them when it is done.
import { loadPersonRequirements } from "@/server/queries/person-requirements";
import { loadPersonSchedule } from "@/server/queries/person-schedule";
import { listIncomingTransfers } from "@/server/queries/transfers";
import { requestTransfer } from "@/server/services/transfers/request-transfer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IsoDate } from "@/domain";
import { resolveDashboardScope } from "@/server/api/contracts/dashboard";
import { loadDashboardFigures } from "@/server/queries/dashboard";
import { loadTrends } from "@/server/queries/trends";
import { loadRuleCommencements } from "@/server/rules/rule-commencements";
import { getCase } from "@/server/services/cases/get-case";
import { decideEarnedReduction } from "@/server/services/earned-reduction/decide-earned-reduction";
import { recordExtension } from "@/server/services/extensions/record-extension";
import { expectOk } from "@/server/services/result";
import { setRuleCommencements } from "@/server/services/rule-commencements/set-rule-commencements";
import { testDb } from "../support/db";
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
  type TestRegion,
  type TestUser,
} from "../support/factories";

const S36_FROM: IsoDate = "2026-04-01";
const S37_FROM: IsoDate = "2026-06-01";
let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let admin: TestUser;
let placementId: string;

beforeAll(async () => {
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  admin = await makeUser("ADMIN", null);
  placementId = (await makePlacement(region)).id;
});

afterAll(async () => {
  await testDb.policySetting.deleteMany({
    where: { key: { in: ["twelveMonthPeriodAbolishedFrom", "earnedReductionFrom"] } },
  });
  await testDb.$disconnect();
});

/** Attended sessions of `minutes` each on the given dates. */
async function worked(
  requirementId: string,
  dates: IsoDate[],
  minutes = 420,
  outcome: "ATTENDED_COMPLIED" | "UNACCEPTABLE_ABSENCE" = "ATTENDED_COMPLIED",
) {
  for (const date of dates) {
    const session = await makeSession(placementId, { date });
    const allocation = await makeAllocation(session.id, requirementId);
    await makeAttendance(allocation.id, { outcome, minutesCredited: outcome === "UNACCEPTABLE_ABSENCE" ? 0 : minutes });
  }
}

const days = (from: IsoDate, count: number): IsoDate[] =>
  Array.from({ length: count }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });

describe("rule commencement dates (administrators)", () => {
  it("only an administrator records them; the change is audited with before and after", async () => {
    await expect(
      setRuleCommencements(staff.manager, { twelveMonthPeriodAbolishedFrom: S36_FROM, earnedReductionFrom: null }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await loadRuleCommencements(testDb)).toEqual({
      twelveMonthPeriodAbolishedFrom: null,
      earnedReductionFrom: null,
    });
    expectOk(
      await setRuleCommencements(
        admin,
        { twelveMonthPeriodAbolishedFrom: S36_FROM, earnedReductionFrom: S37_FROM },
        { today: "2026-03-20" },
      ),
    );
    expect(await loadRuleCommencements(testDb)).toEqual({
      twelveMonthPeriodAbolishedFrom: S36_FROM,
      earnedReductionFrom: S37_FROM,
    });
    const [event] = await auditEventsFor("PolicySetting", "rule-commencements");
    expect(event).toMatchObject({
      action: "rule-commencements.set",
      before: { twelveMonthPeriodAbolishedFrom: null, earnedReductionFrom: null },
      after: { twelveMonthPeriodAbolishedFrom: S36_FROM, earnedReductionFrom: S37_FROM },
    });
  });
});

describe("s.36 across its commencement date: case view, API answer, dashboard and trends agree", () => {
  let pastTwelveMonths: string;
  let nearingEnd: string;

  beforeAll(async () => {
    // 12 months end 15 January 2026: in backlog in February and March, never from 1 April.
    pastTwelveMonths = (await makeCase(region, { sentenceDate: "2025-01-15" })).requirementId;
    // 12 months end 20 May 2026: within 8 weeks of it on 31 March.
    nearingEnd = (await makeCase(region, { sentenceDate: "2025-05-20" })).requirementId;
  });

  const caseOn = async (id: string, asOf: IsoDate) =>
    expectOk(await getCase(staff.manager, { caseId: id, asOf }, { today: "2026-05-15" }));
  const figuresOn = async (asOf: IsoDate) =>
    loadDashboardFigures(testDb, await resolveDashboardScope(testDb, staff.manager, { asOf }, "2026-05-15"));

  it("before the date: the 12-month rules stand", async () => {
    const view = await caseOn(pastTwelveMonths, "2026-03-31");
    expect(view).toMatchObject({ inBacklog: true, effectiveEndDate: "2026-01-15" });
    const figures = await figuresOn("2026-03-31");
    expect(figures.backlogCount).toBe(1);
    const near = figures.nearingEnd;
    expect(near.red + near.amber + near.green).toBe(2);
  });

  it("from the date: no end date, no backlog, no nearing-end rating, RAG by pace only", async () => {
    const view = await caseOn(pastTwelveMonths, "2026-04-30");
    expect(view).toMatchObject({ inBacklog: false, effectiveEndDate: null, rag: "RED" }); // nothing worked in 8 weeks
    expect((await caseOn(nearingEnd, "2026-04-30")).effectiveEndDate).toBeNull();
    const figures = await figuresOn("2026-04-30");
    expect(figures.backlogCount).toBe(0);
    expect(figures.nearingEnd).toEqual({ red: 0, amber: 0, green: 0 });
    expect(figures.activeCaseload).toBe(2);
  });

  it("a trend drawn after the date is right on both sides of it", async () => {
    const trends = await loadTrends(testDb, {
      asOf: "2026-05-15",
      regionId: region.id,
      pduId: null,
      teamType: null,
      rules: await loadRuleCommencements(testDb),
    });
    const at = (monthEnd: string) => trends.backlog.find((p) => p.monthEnd === monthEnd)?.backlog;
    expect(at("2026-02-28")).toBe(1);
    expect(at("2026-03-31")).toBe(1);
    expect(at("2026-04-30")).toBe(0);
  });

  it("no extension can be recorded once the period is gone", async () => {
    const refused = await recordExtension(
      staff.coordinator,
      {
        caseId: nearingEnd,
        grantedOn: "2026-04-10",
        newEndDate: "2026-12-31",
        court: "Test Crown Court",
        reason: "Illness",
      },
      { today: "2026-04-10" },
    );
    expect(refused).toMatchObject({ ok: false, code: "NO_TWELVE_MONTH_PERIOD" });
    expect(await testDb.extension.count({ where: { requirementId: nearingEnd } })).toBe(0);
  });
});

describe("s.37 earned reduction: the app proposes, the officer decides", () => {
  it("100 hours, 36 worked after commencement: 5 h 30 min proposed; confirming lowers the hours required", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2026-05-20", hoursOrdered: 100 });
    await worked(requirementId, days("2026-06-01", 6), 360); // 36 hours
    const before = expectOk(
      await getCase(staff.coordinator, { caseId: requirementId, asOf: "2026-06-10" }, { today: "2026-06-10" }),
    );
    expect(before).toMatchObject({
      minutesRequired: 6000,
      earnedReduction: {
        status: "QUALIFIED",
        qualifyingMinutes: 1500,
        currentMinutes: 330,
        projectedMinutes: 1500,
        decision: null,
      },
    });

    const after = expectOk(
      await decideEarnedReduction(
        staff.coordinator,
        { caseId: requirementId, decision: "CONFIRM", note: "Attended every session" },
        { today: "2026-06-10" },
      ),
    );
    expect(after).toMatchObject({
      minutesRequired: 5670,
      outstandingMinutes: 5670 - 2160,
      earnedReduction: { decision: "CONFIRMED", currentMinutes: 330 },
    });
    const event = (await auditEventsFor("Requirement", requirementId)).find(
      (e) => e.action === "earned-reduction.decide",
    );
    expect(event).toMatchObject({
      action: "earned-reduction.decide",
      before: { decision: null, minutesRequired: 6000 },
    });
    // The person's printed schedule says the same hours still to do as the case.
    const schedule = await loadPersonSchedule(staff.coordinator, requirementId, "2026-06-10");
    expect(schedule?.outstandingMinutes).toBe(5670 - 2160);
    // And so do the person's requirements on the case page, row and total.
    const person = await loadPersonRequirements(staff.coordinator, requirementId, "2026-06-10");
    expect(person?.requirements.find((r) => r.id === requirementId)?.outstandingMinutes).toBe(5670 - 2160);
    expect(person?.activeOutstandingMinutes).toBe(5670 - 2160);
    // A manager asked to take the case into another region is told the same hours left.
    const receiving = await makeRegionalStaff(await makeRegion());
    const transfer = await requestTransfer(
      staff.coordinator,
      { caseId: requirementId, toRegion: receiving.manager.regionCode ?? "", reason: "Moved house" },
      { today: "2026-06-10" },
    );
    expect(transfer.ok).toBe(true);
    const incoming = await listIncomingTransfers(receiving.manager);
    expect(incoming.find((t) => t.caseId === requirementId)?.outstandingMinutes).toBe(5670 - 2160);
  });

  it("before the commencement date nothing changes", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2026-04-01", hoursOrdered: 100 });
    await worked(requirementId, days("2026-05-01", 6), 360);
    const view = expectOk(
      await getCase(staff.coordinator, { caseId: requirementId, asOf: "2026-05-31" }, { today: "2026-05-31" }),
    );
    expect(view).toMatchObject({
      minutesRequired: 6000,
      earnedReduction: { status: "NOT_IN_FORCE", currentMinutes: 0 },
    });
    expect(
      await decideEarnedReduction(
        staff.coordinator,
        { caseId: requirementId, decision: "CONFIRM" },
        { today: "2026-05-31" },
      ),
    ).toMatchObject({
      ok: false,
      code: "EARNED_REDUCTION_NOT_AVAILABLE",
    });
  });

  it("a failure to attend before the qualifying amount: disqualified, and a confirmation is refused until it is corrected", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2026-05-20", hoursOrdered: 100 });
    await worked(requirementId, ["2026-06-01"], 420);
    await worked(requirementId, ["2026-06-02"], 0, "UNACCEPTABLE_ABSENCE");
    await worked(requirementId, days("2026-06-03", 5), 420);
    const refused = await decideEarnedReduction(
      staff.manager,
      { caseId: requirementId, decision: "CONFIRM" },
      { today: "2026-06-10" },
    );
    expect(refused).toMatchObject({ ok: false, code: "EARNED_REDUCTION_NOT_AVAILABLE" });
    expect(await testDb.earnedReductionDecision.count({ where: { requirementId } })).toBe(0);
    const view = expectOk(
      await decideEarnedReduction(
        staff.manager,
        { caseId: requirementId, decision: "REFUSE" },
        { today: "2026-06-10" },
      ),
    );
    expect(view).toMatchObject({
      minutesRequired: 6000,
      earnedReduction: { status: "DISQUALIFIED", decision: "REFUSED" },
    });
  });

  it("completion: a confirmation after 80 hours worked completes the work at 75 hours on the decision date", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2026-05-20", hoursOrdered: 100 });
    await worked(requirementId, days("2026-06-01", 10), 480); // 80 hours
    const view = expectOk(
      await decideEarnedReduction(
        staff.coordinator,
        { caseId: requirementId, decision: "CONFIRM" },
        { today: "2026-06-20" },
      ),
    );
    expect(view).toMatchObject({
      status: "COMPLETED",
      completedOn: "2026-06-20",
      minutesRequired: 4500,
      earnedReduction: { currentMinutes: 1500 },
    });
    const stored = await testDb.requirement.findUniqueOrThrow({
      where: { id: requirementId },
      select: { status: true, completedOn: true },
    });
    expect(stored.status).toBe("COMPLETED");
    expect(stored.completedOn?.toISOString().slice(0, 10)).toBe("2026-06-20");
  });

  it("is for coordinators and managers of the region", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2026-05-20" });
    // A supervisor sees only the people on their sessions: the case is not found, not forbidden.
    await expect(
      decideEarnedReduction(staff.supervisor, { caseId: requirementId, decision: "REFUSE" }, { today: "2026-06-10" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const national = await makeUser("NATIONAL_LEAD", null);
    await expect(
      decideEarnedReduction(national, { caseId: requirementId, decision: "REFUSE" }, { today: "2026-06-10" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.earnedReductionDecision.count({ where: { requirementId } })).toBe(0);
    const outsider = await makeUser("MANAGER", await makeRegion());
    await expect(
      decideEarnedReduction(outsider, { caseId: requirementId, decision: "REFUSE" }, { today: "2026-06-10" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

// The reads behind the coordinator's forms (src/server/queries/case-forms.ts, case-enforcement.ts,
// warning-letter.ts and placement-detail.ts): scoped to the caller's region (another region's
// record is null → 404), failures to comply already answered are not offered again, the warning
// letter is only for a warning, and opening the assessment form is audited as a view of risk
// information.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "@/domain";
import { findAssessmentForForm, findCaseForForm } from "@/server/queries/case-forms";
import { listCaseEnforcement, listUnansweredFailures } from "@/server/queries/case-enforcement";
import { findWarningLetter } from "@/server/queries/warning-letter";
import { caseViewRecord, recordView } from "@/server/view-audit";
import { db } from "@/server/db/client";
import { findPlacementDetail, listPlacementChoices, listSupervisorChoices } from "@/server/queries/placement-detail";
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
  seedReferenceData,
  type TestCase,
  type TestRegion,
  type TestUser,
} from "../support/factories";

let region: TestRegion;
let coordinator: TestUser;
let supervisor: TestUser;
let outsider: TestUser;
let placementId: string;
let theCase: TestCase;
let answeredFailureId: string;
let openFailureId: string;
let warningId: string;
let breachId: string;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, supervisor } = await makeRegionalStaff(region));
  ({ coordinator: outsider } = await makeRegionalStaff(await makeRegion()));
  theCase = await makeCase(region, {
    sentenceDate: "2025-03-03",
    assessment: { complete: true, rosh: "MEDIUM", riskCodes: ["RC"], eteEligible: true, eteReason: "NOT_IN_WORK" },
  });
  placementId = (await makePlacement(region, { capacity: 5 })).id;

  const failureOn = async (date: string) => {
    const session = await makeSession(placementId, { date });
    const allocation = await makeAllocation(session.id, theCase.requirementId);
    return (await makeAttendance(allocation.id, { outcome: "UNACCEPTABLE_ABSENCE" })).id;
  };
  answeredFailureId = await failureOn("2025-04-01");
  openFailureId = await failureOn("2025-04-08");
  const order = { requirementId: theCase.requirementId, orderId: theCase.orderId };
  warningId = (
    await testDb.enforcementAction.create({
      data: {
        ...order,
        type: "WARNING",
        date: new Date("2025-04-02T00:00:00Z"),
        failureAttendanceId: answeredFailureId,
      },
    })
  ).id;
  breachId = (
    await testDb.enforcementAction.create({
      data: { ...order, type: "BREACH", date: new Date("2025-04-09T00:00:00Z"), note: "Second failure" },
    })
  ).id;
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

describe("case form reads", () => {
  it("find the case for its own region only", async () => {
    const found = await findCaseForForm(coordinator, theCase.requirementId);
    expect(found).toMatchObject({
      id: theCase.requirementId,
      crn: theCase.crn,
      status: "ACTIVE",
      assessmentComplete: true,
      eteEligible: true,
    });
    expect(found?.view.eteAllowanceMinutes).toBe(1800);
    expect(await findCaseForForm(outsider, theCase.requirementId)).toBeNull();
    expect(await findAssessmentForForm(outsider, theCase.requirementId)).toBeNull();
  });

  it("give the saved assessment with its risk codes, and audit the view", async () => {
    const before = (await auditEventsFor("Requirement", theCase.requirementId)).length;
    // What the assessment page does: the query, then the view's audit row beside it.
    const saved = await findAssessmentForForm(coordinator, theCase.requirementId);
    await recordView(coordinator, caseViewRecord("assessment-form", saved!.requirement));
    expect(saved?.assessment).toMatchObject({
      rosh: "MEDIUM",
      riskCodes: ["RC"],
      eteEligible: true,
      eteReason: "NOT_IN_WORK",
      complete: true,
    });
    expect(saved?.version).toBeGreaterThan(0);
    const after = await auditEventsFor("Requirement", theCase.requirementId);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.action).toBe("risk.view");
  });

  it("list warnings and breaches newest first, with the breach open", async () => {
    const actions = await listCaseEnforcement(coordinator, theCase.requirementId);
    expect(actions.map((a) => [a.id, a.type, a.openBreach])).toEqual([
      [breachId, "BREACH", true],
      [warningId, "WARNING", false],
    ]);
    expect(await listCaseEnforcement(outsider, theCase.requirementId)).toEqual([]);
  });

  it("offer only the failures to comply that no warning or breach answers", async () => {
    const failures = await listUnansweredFailures(coordinator, theCase.requirementId);
    expect(failures.map((f) => [f.id, f.date, f.outcome])).toEqual([
      [openFailureId, "2025-04-08", "UNACCEPTABLE_ABSENCE"],
    ]);
    expect(await listUnansweredFailures(outsider, theCase.requirementId)).toEqual([]);
  });

  it("give a warning letter for a warning of this case only, with the failure it answers", async () => {
    const letter = await findWarningLetter(coordinator, theCase.requirementId, warningId);
    expect(letter).toMatchObject({ crn: theCase.crn, warningDate: "2025-04-02", void: false });
    expect(letter?.letter.paragraphs.join(" ")).toContain(
      "On 1 April 2025 you failed to comply with the requirements of your order: you did not come to your work session",
    );
    expect(await findWarningLetter(coordinator, theCase.requirementId, breachId)).toBeNull();
    expect(await findWarningLetter(outsider, theCase.requirementId, warningId)).toBeNull();
  });
});

describe("placement reads", () => {
  it("give a placement of the caller's region with its upcoming sessions and booking limit (R10)", async () => {
    const upcoming = await makeSession(placementId, { date: addDays(todayInLondon(), 3) });
    await makeAllocation(upcoming.id, theCase.requirementId);
    const placement = await findPlacementDetail(coordinator, placementId);
    expect(placement?.overSubscriptionPercent).toBe(120);
    // Only sessions from today: the April 2025 ones are past.
    expect(placement?.sessions.map((s) => [s.id, s.booked, s.limit])).toEqual([[upcoming.id, 1, 6]]);
    expect(await findPlacementDetail(outsider, placementId)).toBeNull();
  });

  it("offer only the caller's region's placements and supervisors", async () => {
    expect((await listPlacementChoices(coordinator)).map((p) => p.id)).toContain(placementId);
    expect((await listPlacementChoices(outsider)).map((p) => p.id)).not.toContain(placementId);
    expect((await listSupervisorChoices(region.id)).map((s) => s.id)).toEqual([supervisor.id]);
  });
});

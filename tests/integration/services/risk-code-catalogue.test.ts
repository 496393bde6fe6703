// Administrators maintain the risk-code catalogue (decision 0074): a change to a code's title,
// guidance or conflicting features never alters the meaning of an assessment already recorded —
// not on the case page, not on the supervisor's roster, not in the booking checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { loadCaseDetail } from "@/server/queries/case-detail";
import { allocate } from "@/server/services/allocations/allocate";
import { saveAssessment } from "@/server/services/cases/save-assessment";
import type { SaveAssessmentInput } from "@/server/services/cases/save-assessment.types";
import { expectOk } from "@/server/services/result";
import { addRiskCode } from "@/server/services/risk-codes/add-risk-code";
import { setRiskCodeActive } from "@/server/services/risk-codes/set-risk-code-active";
import { updateRiskCode } from "@/server/services/risk-codes/update-risk-code";
import { testDb } from "../../support/db";
import {
  auditEventsFor,
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

// Monday 16 June 2025; sessions on Wednesday 18 June.
const options = { today: "2025-06-16" };
let region: TestRegion;
let coordinator: TestUser;
let admin: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
  admin = await makeUser("ADMIN", null);
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

const uniqueCode = () => `T${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
const assessment = (caseId: string, version: number, riskCodes: string[]): SaveAssessmentInput => ({
  caseId,
  version,
  rosh: "LOW",
  riskCodes,
  eteEligible: false,
  complete: true,
});

describe("the risk-code catalogue", () => {
  it("a change applies to codes recorded from then on; an assessment already recorded keeps its meaning everywhere", async () => {
    const code = uniqueCode();
    const added = expectOk(
      await addRiskCode(admin, {
        code: code.toLowerCase(),
        title: "Old title",
        guidance: "Old guidance",
        conflictsWith: ["TOOLS"],
      }),
    );
    expect(added).toMatchObject({ code, version: 1, active: true });
    const before = await makeCase(region, { sentenceDate: "2025-06-02", assessment: { complete: false } });
    expectOk(await saveAssessment(coordinator, assessment(before.requirementId, 1, [code]), options));

    const changed = expectOk(
      await updateRiskCode(admin, {
        riskCodeId: added.id,
        version: 1,
        title: "New title",
        guidance: "New guidance",
        conflictsWith: [],
      }),
    );
    expect(changed).toMatchObject({ title: "New title", conflictsWith: [], version: 2 });
    const [, event] = await auditEventsFor("RiskCode", added.id);
    expect(event).toMatchObject({
      action: "risk-code.change",
      before: { title: "Old title", conflictsWith: ["TOOLS"] },
      after: { title: "New title", conflictsWith: [] },
    });
    expect(
      await updateRiskCode(admin, {
        riskCodeId: added.id,
        version: 1,
        title: "Stale",
        guidance: "Stale",
        conflictsWith: [],
      }),
    ).toMatchObject({ ok: false, code: "STALE_VERSION" });

    // The case page still reads the code as it was recorded.
    const detail = await loadCaseDetail(coordinator, before.requirementId);
    expect(detail?.assessment?.riskCodes).toEqual([
      expect.objectContaining({ title: "Old title", guidance: "Old guidance", riskCode: { code } }),
    ]);

    // The booking check still holds the conflict with tools it was recorded with.
    const tools = await makeSession(
      (await makePlacement(region, { type: "GROUP", capacity: 8, features: ["TOOLS"] })).id,
      { date: "2025-06-18" },
    );
    expect(await allocate(coordinator, { sessionId: tools.id, caseId: before.requirementId }, options)).toMatchObject({
      ok: false,
      code: "RISK_CONFLICT",
    });

    // Saving the assessment again with the code keeps the recorded meaning.
    expectOk(await saveAssessment(coordinator, assessment(before.requirementId, 2, [code]), options));
    expect(
      await testDb.assessmentRiskCode.findFirst({
        where: { riskCodeId: added.id, assessment: { requirementId: before.requirementId } },
      }),
    ).toMatchObject({ title: "Old title", conflictsWith: ["TOOLS"], catalogueVersion: 1 });

    // A code recorded after the change takes the new meaning: no conflict with tools.
    const after = await makeCase(region, { sentenceDate: "2025-06-02", assessment: { complete: false } });
    expectOk(await saveAssessment(coordinator, assessment(after.requirementId, 1, [code]), options));
    expect(
      await testDb.assessmentRiskCode.findFirst({
        where: { riskCodeId: added.id, assessment: { requirementId: after.requirementId } },
      }),
    ).toMatchObject({ title: "New title", conflictsWith: [], catalogueVersion: 2 });
    expect((await allocate(coordinator, { sessionId: tools.id, caseId: after.requirementId }, options)).ok).toBe(true);
  });

  it("a retired code cannot be added to an assessment, but one that has it keeps it", async () => {
    const code = uniqueCode();
    const added = expectOk(
      await addRiskCode(admin, { code, title: "To retire", guidance: "Guidance", conflictsWith: [] }),
    );
    const holder = await makeCase(region, { sentenceDate: "2025-06-02", assessment: { complete: false } });
    expectOk(await saveAssessment(coordinator, assessment(holder.requirementId, 1, [code]), options));
    expect(expectOk(await setRiskCodeActive(admin, { riskCodeId: added.id, version: 1, active: false }))).toMatchObject(
      { active: false, version: 2 },
    );

    const other = await makeCase(region, { sentenceDate: "2025-06-02", assessment: { complete: false } });
    expect(await saveAssessment(coordinator, assessment(other.requirementId, 1, [code]), options)).toMatchObject({
      ok: false,
      field: "riskCodes",
    });
    expect((await saveAssessment(coordinator, assessment(holder.requirementId, 2, [code]), options)).ok).toBe(true);

    expect(await addRiskCode(admin, { code, title: "Again", guidance: "Again", conflictsWith: [] })).toMatchObject({
      ok: false,
      field: "code",
    });
    expect((await auditEventsFor("RiskCode", added.id)).map((e) => e.action)).toEqual([
      "risk-code.add",
      "risk-code.retire",
    ]);
  });

  it("is for administrators only", async () => {
    await expect(
      addRiskCode(coordinator, { code: uniqueCode(), title: "X", guidance: "Y", conflictsWith: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

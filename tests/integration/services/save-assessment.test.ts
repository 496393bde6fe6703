// The post-sentence assessment: optimistic locking, the risk-code catalogue, ETE eligibility, completion.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testDb } from "../../support/db";
import {
  auditEventsFor,
  makeCase,
  makeRegion,
  makeRegionalStaff,
  makeUser,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";
import { db } from "@/server/db/client";
import { saveAssessment } from "@/server/services/cases/save-assessment";
import { saveAssessmentInput, type SaveAssessmentInput } from "@/server/services/cases/save-assessment.types";

const today = "2025-06-16";
const options = { today };
let region: TestRegion;
let coordinator: TestUser;

const body = (caseId: string, overrides: Partial<SaveAssessmentInput> = {}): SaveAssessmentInput => ({
  caseId,
  version: 1,
  rosh: "MEDIUM",
  riskCodes: ["RC", "SUB"],
  eteEligible: true,
  eteReason: "NOT_IN_WORK",
  availability: { MON: ["AM", "PM"], SAT: ["AM"] },
  notes: "Prefers outdoor work",
  complete: true,
  ...overrides,
});

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

describe("saveAssessment", () => {
  it("saves, completes (who and when), bumps the version and audits", async () => {
    const c = await makeCase(region, {
      sentenceDate: "2025-06-02",
      hoursOrdered: 100,
      assessment: { complete: false },
    });
    const result = await saveAssessment(coordinator, body(c.requirementId), options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      version: 2,
      assessmentComplete: true,
      rosh: "MEDIUM",
      eteEligible: true,
      eteAllowanceMinutes: 1800,
      eteRemainingMinutes: 1800,
    });
    expect([...result.value.riskCodes].sort()).toEqual(["RC", "SUB"]);
    const row = await testDb.assessment.findUniqueOrThrow({ where: { requirementId: c.requirementId } });
    expect(row).toMatchObject({
      complete: true,
      completedById: coordinator.id,
      eteReason: "NOT_IN_WORK",
      availability: { MON: ["AM", "PM"], SAT: ["AM"] },
    });
    expect(row.completedOn?.toISOString().slice(0, 10)).toBe(today);
    expect((await auditEventsFor("Assessment", row.id)).map((e) => e.action)).toEqual(["assessment.complete"]);
  });

  it("refuses a stale version with STALE_VERSION and leaves the row unchanged", async () => {
    const c = await makeCase(region, { assessment: { complete: false } });
    expect((await saveAssessment(coordinator, body(c.requirementId, { complete: false }), options)).ok).toBe(true);
    const before = await testDb.assessment.findUniqueOrThrow({
      where: { requirementId: c.requirementId },
      include: { riskCodes: true },
    });
    const stale = await saveAssessment(
      coordinator,
      body(c.requirementId, { version: 1, rosh: "VERY_HIGH", riskCodes: [] }),
      options,
    );
    expect(stale).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      message: "This record was changed by someone else. Reload it to see their changes, then try again.",
    });
    const after = await testDb.assessment.findUniqueOrThrow({
      where: { requirementId: c.requirementId },
      include: { riskCodes: true },
    });
    expect(after).toEqual(before);
  });

  it("refuses a risk code that is not in the catalogue, naming the field", async () => {
    const c = await makeCase(region, { assessment: { complete: false } });
    const result = await saveAssessment(coordinator, body(c.requirementId, { riskCodes: ["RC", "XX"] }), options);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", field: "riskCodes" });
    if (!result.ok) expect(result.message).toContain("XX");
    expect((await testDb.assessment.findUniqueOrThrow({ where: { requirementId: c.requirementId } })).version).toBe(1);
  });

  it("needs an ETE reason when the person is ETE eligible (R6), in the schema", () => {
    const parsed = saveAssessmentInput.safeParse(body("x", { eteReason: null }));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(["eteReason"]);
  });

  it("another region's coordinator gets NOT_FOUND and nothing changes", async () => {
    const c = await makeCase(region, { assessment: { complete: false } });
    const outsider = await makeUser("COORDINATOR", await makeRegion());
    await expect(saveAssessment(outsider, body(c.requirementId), options)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await testDb.assessment.findUniqueOrThrow({ where: { requirementId: c.requirementId } })).version).toBe(1);
  });

  it("a restricted case is not found for users not named on it", async () => {
    const c = await makeCase(region, { restricted: true, assessment: { complete: false } });
    await expect(saveAssessment(coordinator, body(c.requirementId), options)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await testDb.requirementAccess.create({ data: { requirementId: c.requirementId, userId: coordinator.id } });
    expect((await saveAssessment(coordinator, body(c.requirementId), options)).ok).toBe(true);
  });

  it("two saves of the same version at once: one wins, the other is STALE_VERSION", async () => {
    const c = await makeCase(region, { assessment: { complete: false } });
    const results = await Promise.all([
      saveAssessment(coordinator, body(c.requirementId, { rosh: "LOW" }), options),
      saveAssessment(coordinator, body(c.requirementId, { rosh: "HIGH" }), options),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "STALE_VERSION" });
  });
});

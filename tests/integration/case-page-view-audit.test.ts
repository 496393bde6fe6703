// The case page (/cases/{id}) shows risk information, so each view is audited. The query that
// loads it (src/server/queries/case-detail.ts) writes nothing; the page records the view beside
// it with recordView (src/server/view-audit.ts). This test makes the page's two calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { loadCaseDetail } from "@/server/queries/case-detail";
import { caseViewRecord, recordView } from "@/server/view-audit";
import { testDb } from "../support/db";
import {
  auditEventsFor,
  makeCase,
  makeRegion,
  makeRegionalStaff,
  seedReferenceData,
  type TestCase,
  type TestUser,
} from "../support/factories";

let coordinator: TestUser;
let theCase: TestCase;

beforeAll(async () => {
  await seedReferenceData();
  const region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
  theCase = await makeCase(region, {
    sentenceDate: "2025-03-03",
    assessment: { complete: true, rosh: "MEDIUM", riskCodes: ["RC"], eteEligible: true, eteReason: "NOT_IN_WORK" },
  });
});

afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

describe("a view of the case page", () => {
  it("is not audited by the query, which writes nothing", async () => {
    const before = await testDb.auditEvent.count();
    expect(await loadCaseDetail(coordinator, theCase.requirementId)).not.toBeNull();
    expect(await testDb.auditEvent.count()).toBe(before);
  });

  it("is audited once by the page's recordView, as risk.view under the requirement", async () => {
    const before = (await auditEventsFor("Requirement", theCase.requirementId)).length;
    const detail = await loadCaseDetail(coordinator, theCase.requirementId);
    await recordView(coordinator, caseViewRecord("case-page", detail!));
    const after = await auditEventsFor("Requirement", theCase.requirementId);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ action: "risk.view", actorId: coordinator.id });
  });
});

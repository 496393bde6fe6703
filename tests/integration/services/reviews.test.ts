// R3 reviews on a real database: recording each type with its outcome, one 6-month review,
// the scheduled slot filled in, "extension applied for", refusals writing nothing, and the
// work queue's reviews due and overdue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as postReview } from "../../../app/api/v1/cases/[id]/reviews/route";
import { utcDateFromIsoDate, type IsoDate } from "@/domain";
import { AccessError } from "@/server/auth/access";
import { issueApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db/client";
import { loadReviewsDue } from "@/server/queries/reviews-due";
import { recordReview } from "@/server/services/reviews/record-review";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import {
  auditEventsFor,
  makeCase,
  makeRegion,
  makeRegionalStaff,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../../support/factories";

const TODAY: IsoDate = "2025-10-01";
const options = { today: TODAY };
let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

const snapshot = async (caseId: string) => ({
  reviews: await testDb.review.findMany({ where: { requirementId: caseId }, orderBy: { id: "asc" } }),
  requirement: await testDb.requirement.findUniqueOrThrow({ where: { id: caseId } }),
  audits: await testDb.auditEvent.count(),
});

describe("recordReview", () => {
  it("records the 6-month review with its outcome and due date, audited; a second one is a conflict", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const review = expectOk(
      await recordReview(
        staff.coordinator,
        {
          caseId: requirementId,
          type: "SIX_MONTH",
          date: "2025-09-05",
          outcome: "ACTION_PLAN",
          note: "Two sessions a week agreed",
        },
        options,
      ),
    );
    expect(review).toMatchObject({
      type: "SIX_MONTH",
      date: "2025-09-05",
      dueOn: "2025-09-03",
      outcome: "ACTION_PLAN",
      note: "Two sessions a week agreed",
      extensionAppliedOn: null,
    });
    expect((await auditEventsFor("Review", review.id)).map((e) => e.action)).toEqual(["review.record"]);

    const before = await snapshot(requirementId);
    const again = await recordReview(
      staff.manager,
      { caseId: requirementId, type: "SIX_MONTH", date: "2025-09-20", outcome: "ON_TRACK" },
      options,
    );
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", field: "type" });
    expect(await snapshot(requirementId)).toEqual(before);
  });

  it("fills in a scheduled slot rather than adding a second row", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    await testDb.review.create({ data: { requirementId, kind: "SIX_MONTH", dueOn: utcDateFromIsoDate("2025-09-03") } });
    expectOk(
      await recordReview(
        staff.coordinator,
        { caseId: requirementId, type: "SIX_MONTH", date: "2025-09-03", outcome: "ON_TRACK" },
        options,
      ),
    );
    const rows = await testDb.review.findMany({ where: { requirementId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: "ON_TRACK",
      completedOn: utcDateFromIsoDate("2025-09-03"),
      completedById: staff.coordinator.id,
    });
  });

  it("an extension to be sought can record the day it was applied for", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-01-06" });
    const review = expectOk(
      await recordReview(
        staff.coordinator,
        {
          caseId: requirementId,
          type: "NINE_MONTH",
          date: "2025-10-01",
          outcome: "EXTENSION_TO_BE_SOUGHT",
          extensionAppliedOn: "2025-10-01",
        },
        options,
      ),
    );
    expect(review.extensionAppliedOn).toBe("2025-10-01");
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: requirementId } })).extensionAppliedOn).toEqual(
      utcDateFromIsoDate("2025-10-01"),
    );
    const mismatch = await recordReview(
      staff.coordinator,
      {
        caseId: requirementId,
        type: "OTHER",
        date: "2025-10-01",
        outcome: "ON_TRACK",
        extensionAppliedOn: "2025-10-01",
      },
      options,
    );
    expect(mismatch).toMatchObject({ ok: false, code: "INVALID_INPUT", field: "extensionAppliedOn" });
  });

  it("refuses a review before the sentence, in the future, or of an ended requirement, writing nothing", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-09-01" });
    const before = await snapshot(requirementId);
    expect(
      await recordReview(
        staff.coordinator,
        { caseId: requirementId, type: "OTHER", date: "2025-08-29", outcome: "ON_TRACK" },
        options,
      ),
    ).toMatchObject({
      code: "BEFORE_SENTENCE",
    });
    expect(
      await recordReview(
        staff.coordinator,
        { caseId: requirementId, type: "OTHER", date: "2025-10-02", outcome: "ON_TRACK" },
        options,
      ),
    ).toMatchObject({
      code: "INVALID_INPUT",
      field: "date",
    });
    expect(await snapshot(requirementId)).toEqual(before);
    const done = await makeCase(region, { sentenceDate: "2025-03-03", status: "COMPLETED" });
    expect(
      await recordReview(
        staff.coordinator,
        { caseId: done.requirementId, type: "OTHER", date: "2025-09-01", outcome: "ON_TRACK" },
        options,
      ),
    ).toMatchObject({
      code: "REQUIREMENT_NOT_ACTIVE",
    });
  });

  it("supervisors cannot record reviews; another region's staff get not found", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const input = { caseId: requirementId, type: "OTHER" as const, date: "2025-09-01", outcome: "ON_TRACK" as const };
    await expect(recordReview(staff.supervisor, input, options)).rejects.toBeInstanceOf(AccessError);
    const outsider = (await makeRegionalStaff(await makeRegion())).coordinator;
    await expect(recordReview(outsider, input, options)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("POST /api/v1/cases/{id}/reviews answers 201 with the review", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2025-03-03" });
    const { token } = await issueApiToken(testDb, { userId: staff.coordinator.id, name: "test", expiresAt: null });
    const response = await postReview(
      new Request(`http://localhost/api/v1/cases/${requirementId}/reviews`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ type: "SIX_MONTH", date: "2025-09-04", outcome: "ON_TRACK" }),
      }),
      { params: Promise.resolve({ id: requirementId }) },
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      caseId: requirementId,
      type: "SIX_MONTH",
      outcome: "ON_TRACK",
      dueOn: "2025-09-03",
    });
  });
});

describe("the work queue's reviews due and overdue", () => {
  it("lists the 6-month review overdue and the 9-month review due soon, and drops a recorded one", async () => {
    const reviewRegion = await makeRegion();
    const { coordinator } = await makeRegionalStaff(reviewRegion);
    const overdue = await makeCase(reviewRegion, { sentenceDate: "2025-03-03" }); // 6-month due 3 Sep: overdue on 1 Oct
    const dueSoon = await makeCase(reviewRegion, { sentenceDate: "2025-01-10" }); // 6-month overdue; 9-month due 10 Oct: due soon
    await makeCase(reviewRegion, { sentenceDate: "2025-06-02" }); // 6-month due 2 Dec: not yet
    expectOk(
      await recordReview(
        coordinator,
        { caseId: dueSoon.requirementId, type: "SIX_MONTH", date: "2025-07-11", outcome: "ON_TRACK" },
        options,
      ),
    );

    const queue = await loadReviewsDue(coordinator, TODAY);
    expect(queue.rows.map((r) => [r.id, r.type, r.dueOn, r.state])).toEqual([
      [overdue.requirementId, "SIX_MONTH", "2025-09-03", "OVERDUE"],
      [dueSoon.requirementId, "NINE_MONTH", "2025-10-10", "DUE_SOON"],
    ]);
    expect(queue.total).toBe(2);
  });
});

// The thin /api/v1 routes over the part-A services: status codes and shapes of docs/api.md.
// Route handlers are called directly with bearer tokens; dates are relative to the real today.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testDb } from "../../support/db";
import {
  makeRegion,
  makeRegionalStaff,
  makeUser,
  seedReferenceData,
  uniqueCrn,
  type TestRegion,
} from "../../support/factories";
import { POST as postCase, GET as listCases } from "../../../app/api/v1/cases/route";
import { GET as getCase } from "../../../app/api/v1/cases/[id]/route";
import { PUT as putAssessment } from "../../../app/api/v1/cases/[id]/assessment/route";
import { POST as postPlacement } from "../../../app/api/v1/placements/route";
import { POST as postSession } from "../../../app/api/v1/sessions/route";
import { GET as getSession } from "../../../app/api/v1/sessions/[id]/route";
import { POST as postAllocation } from "../../../app/api/v1/sessions/[id]/allocations/route";
import { addDays, todayInLondon } from "@/domain";
import { issueStaffTokens } from "../../support/api-tokens";
import { db } from "@/server/db/client";

const today = todayInLondon();
let region: TestRegion;
let coordinatorToken: string;
let outsiderToken: string;
let supervisorId: string;

function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): [Request, { params: Promise<Record<string, string>> }] {
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const segments = path.split("?")[0]?.split("/") ?? [];
  // /api/v1/<resource>/<id>/… → { id }
  const id = segments[4];
  const params: Record<string, string> = id ? { id } : {};
  return [request, { params: Promise.resolve(params) }];
}

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  const staff = await makeRegionalStaff(region);
  supervisorId = staff.supervisor.id;
  const outsider = await makeUser("COORDINATOR", await makeRegion());
  ({ coordinator: coordinatorToken, outsider: outsiderToken } = await issueStaffTokens({
    coordinator: staff.coordinator,
    outsider,
  }));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

describe("cases, assessment, placements, sessions and allocations over /api/v1", () => {
  it("takes a case from intake to a booking", async () => {
    const crn = uniqueCrn();
    const caseBody = {
      crn,
      firstName: "Ana",
      lastName: "Lopez",
      dateOfBirth: "1990-02-03",
      gender: "FEMALE",
      region: region.code,
      orderType: "SUSPENDED_SENTENCE_ORDER",
      managedBy: "SENTENCE_MANAGEMENT",
      sentenceDate: addDays(today, -3),
      court: "Leeds Crown Court",
      hoursOrdered: 120,
    };
    const created = await postCase(...call(coordinatorToken, "POST", "/api/v1/cases", caseBody));
    expect(created.status).toBe(201);
    const theCase = (await created.json()) as { id: string; version: number; crn: string; status: string };
    expect(theCase).toMatchObject({ crn, status: "ACTIVE", version: 1 });

    const duplicate = await postCase(
      ...call(coordinatorToken, "POST", "/api/v1/cases", { ...caseBody, firstName: "Someone" }),
    );
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ error: { code: "DUPLICATE_CRN" } });
    const tooMany = await postCase(
      ...call(coordinatorToken, "POST", "/api/v1/cases", { ...caseBody, crn: uniqueCrn(), hoursOrdered: 301 }),
    );
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({ error: { code: "HOURS_OUT_OF_RANGE" } });

    const assessment = { version: 1, rosh: "LOW", riskCodes: [], eteEligible: false, complete: true };
    const early = await postAllocationFor(theCase.id);
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({
      error: { code: "ASSESSMENT_INCOMPLETE", details: { refusals: [{ code: "ASSESSMENT_INCOMPLETE" }] } },
    });
    const saved = await putAssessment(
      ...call(coordinatorToken, "PUT", `/api/v1/cases/${theCase.id}/assessment`, assessment),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ assessmentComplete: true, version: 2 });
    const stale = await putAssessment(
      ...call(coordinatorToken, "PUT", `/api/v1/cases/${theCase.id}/assessment`, assessment),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "STALE_VERSION" } });
    const badCode = await putAssessment(
      ...call(coordinatorToken, "PUT", `/api/v1/cases/${theCase.id}/assessment`, {
        ...assessment,
        version: 2,
        riskCodes: ["NOPE"],
      }),
    );
    expect(badCode.status).toBe(400);

    const booked = await postAllocationFor(theCase.id);
    expect(booked.status).toBe(201);
    const allocation = (await booked.json()) as { sessionId: string; caseId: string };
    expect(allocation.caseId).toBe(theCase.id);

    const session = await getSession(...call(coordinatorToken, "GET", `/api/v1/sessions/${allocation.sessionId}`));
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      booked: 1,
      allocations: [{ caseId: theCase.id, crn, attendance: null }],
    });

    const fetched = await getCase(...call(coordinatorToken, "GET", `/api/v1/cases/${theCase.id}?asOf=${today}`));
    expect(await fetched.json()).toMatchObject({ id: theCase.id, asOf: today, assessmentComplete: true });
    const list = await listCases(...call(coordinatorToken, "GET", `/api/v1/cases?q=${crn}`));
    expect(((await list.json()) as { cases: { id: string }[] }).cases.map((c) => c.id)).toEqual([theCase.id]);

    const hidden = await getCase(...call(outsiderToken, "GET", `/api/v1/cases/${theCase.id}`));
    expect(hidden.status).toBe(404);
    const otherRegionList = await listCases(...call(outsiderToken, "GET", `/api/v1/cases?region=${region.code}`));
    expect(otherRegionList.status).toBe(403);
  });
});

/** A new placement and session in the region, then a booking of the case on it. */
// Each call makes a session on a later day: one supervisor cannot run overlapping sessions (R10).
let sessionDay = 2;
async function postAllocationFor(caseId: string): Promise<Response> {
  const placement = await postPlacement(
    ...call(coordinatorToken, "POST", "/api/v1/placements", {
      name: "Park",
      type: "GROUP",
      region: region.code,
      capacity: 6,
      features: ["TOOLS"],
    }),
  );
  expect(placement.status).toBe(201);
  const { id: placementId } = (await placement.json()) as { id: string };
  const session = await postSession(
    ...call(coordinatorToken, "POST", "/api/v1/sessions", {
      placementId,
      date: addDays(today, sessionDay++),
      startTime: "09:00",
      endTime: "16:00",
      supervisorId,
    }),
  );
  expect(session.status).toBe(201);
  const { id: sessionId } = (await session.json()) as { id: string };
  // She is the only woman, with a male supervisor: her consent is recorded (R10).
  return postAllocation(
    ...call(coordinatorToken, "POST", `/api/v1/sessions/${sessionId}/allocations`, { caseId, consentRecorded: true }),
  );
}

// R9 made whole through /api/v1: a warning must answer a failure (422 FAILURE_REQUIRED, nothing
// written), a manager withdraws an action (200, status WITHDRAWN), and the new court outcomes
// (re-sentenced with a link to the new requirement; an SSO activated; the 20-hour minimum derived).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postEnforcement } from "../../app/api/v1/cases/[id]/enforcement/route";
import { POST as postOutcome } from "../../app/api/v1/enforcement/[actionId]/outcome/route";
import { POST as postWithdrawal } from "../../app/api/v1/enforcement/[actionId]/withdrawal/route";
import { addDays, todayInLondon } from "@/domain";
import { db } from "@/server/db/client";
import { issueStaffTokens } from "../support/api-tokens";
import { testDb } from "../support/db";
import {
  auditEventsFor,
  makeCase,
  makeRegion,
  makeRegionalStaff,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";

const today = todayInLondon();
let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let tokens: Record<string, string>;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  tokens = await issueStaffTokens(staff, "enforcement");
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

const json = (url: string, token: string, body: unknown) =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const start = (caseId: string, token: string, body: unknown) =>
  postEnforcement(json(`/api/v1/cases/${caseId}/enforcement`, token, body), {
    params: Promise.resolve({ id: caseId }),
  });
const outcome = (actionId: string, body: unknown) =>
  postOutcome(json(`/api/v1/enforcement/${actionId}/outcome`, tokens.manager ?? "", body), {
    params: Promise.resolve({ actionId }),
  });
const described = { failureDate: addDays(today, -3), failureDescription: "Did not attend the work session" };

describe("POST /api/v1/cases/{id}/enforcement", () => {
  it("a warning that names no failure is 422 FAILURE_REQUIRED and writes nothing; with a described failure it is 201", async () => {
    const c = await makeCase(region, { sentenceDate: addDays(today, -60) });
    const refused = await start(c.requirementId, tokens.coordinator ?? "", { type: "WARNING", date: today });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: "FAILURE_REQUIRED" } });
    expect(await testDb.enforcementAction.count({ where: { requirementId: c.requirementId } })).toBe(0);

    const created = await start(c.requirementId, tokens.coordinator ?? "", {
      type: "WARNING",
      date: today,
      ...described,
      deliveredBy: "POST",
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({
      status: "ACTIVE",
      failureDate: described.failureDate,
      attendanceId: null,
      deliveredBy: "POST",
    });
  });
});

describe("POST /api/v1/enforcement/{actionId}/withdrawal", () => {
  it("a manager withdraws with a reason: 200 WITHDRAWN, audited; a coordinator is 403; a blank reason is 400", async () => {
    const c = await makeCase(region, { sentenceDate: addDays(today, -60) });
    const warning = (await (
      await start(c.requirementId, tokens.coordinator ?? "", { type: "WARNING", date: today, ...described })
    ).json()) as { id: string };
    const withdraw = (token: string, body: unknown) =>
      postWithdrawal(json(`/api/v1/enforcement/${warning.id}/withdrawal`, token, body), {
        params: Promise.resolve({ actionId: warning.id }),
      });
    expect((await withdraw(tokens.coordinator ?? "", { reason: "Wrong person" })).status).toBe(403);
    expect((await withdraw(tokens.manager ?? "", { reason: "  " })).status).toBe(400);
    const done = await withdraw(tokens.manager ?? "", { reason: "Wrong person" });
    expect(done.status, await done.clone().text()).toBe(200);
    expect(await done.json()).toMatchObject({ id: warning.id, status: "WITHDRAWN", withdrawalReason: "Wrong person" });
    expect((await auditEventsFor("EnforcementAction", warning.id)).map((e) => e.action)).toEqual([
      "enforcement.warning",
      "enforcement.withdraw",
    ]);
    // The withdrawn warning no longer counts: a new warning on the same order is allowed.
    expect(
      (await start(c.requirementId, tokens.coordinator ?? "", { type: "WARNING", date: today, ...described })).status,
    ).toBe(201);
  });
});

describe("POST /api/v1/enforcement/{actionId}/outcome — second-round outcomes", () => {
  async function breachOn(orderType: "COMMUNITY_ORDER" | "SUSPENDED_SENTENCE_ORDER" = "COMMUNITY_ORDER") {
    const c = await makeCase(region, { sentenceDate: addDays(today, -60), orderType });
    const response = await start(c.requirementId, tokens.manager ?? "", {
      type: "BREACH",
      date: addDays(today, -1),
      ...described,
    });
    expect(response.status).toBe(201);
    return { c, breach: (await response.json()) as { id: string } };
  }

  it("REVOKED_AND_RESENTENCED ends the requirement and links the new one", async () => {
    const { c, breach } = await breachOn();
    const resentenced = await makeCase(region, { sentenceDate: today, personId: c.personId });
    const response = await outcome(breach.id, {
      outcome: "REVOKED_AND_RESENTENCED",
      date: today,
      newCaseId: resentenced.requirementId,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({
      openBreach: false,
      outcomes: [{ outcome: "REVOKED_AND_RESENTENCED", newCaseId: resentenced.requirementId }],
    });
    expect(await testDb.requirement.findUniqueOrThrow({ where: { id: c.requirementId } })).toMatchObject({
      status: "TERMINATED",
      terminationReason: "REVOKED",
    });
  });

  it("a new case of another person cannot be linked", async () => {
    const { breach } = await breachOn();
    const stranger = await makeCase(region, { sentenceDate: today });
    const response = await outcome(breach.id, {
      outcome: "REVOKED_AND_RESENTENCED",
      date: today,
      newCaseId: stranger.requirementId,
    });
    expect(response.status).toBe(400);
  });

  it("SSO_ACTIVATED is refused for a community order and ends a suspended sentence order's requirement", async () => {
    const community = await breachOn();
    expect((await outcome(community.breach.id, { outcome: "SSO_ACTIVATED", date: today })).status).toBe(422);
    const sso = await breachOn("SUSPENDED_SENTENCE_ORDER");
    expect((await outcome(sso.breach.id, { outcome: "SSO_ACTIVATED", date: today })).status).toBe(200);
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: sso.c.requirementId } })).status).toBe(
      "TERMINATED",
    );
  });

  it("FINE closes the breach and the requirement continues", async () => {
    const { c, breach } = await breachOn();
    const response = await outcome(breach.id, { outcome: "FINE", date: today });
    expect(await response.json()).toMatchObject({ openBreach: false });
    expect((await testDb.requirement.findUniqueOrThrow({ where: { id: c.requirementId } })).status).toBe("ACTIVE");
  });
});

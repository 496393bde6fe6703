// A generated authorisation matrix over every /api/v1 route in API_ROUTES: each route is called
// on a record of region A by each kind of caller, and the status class is checked against the
// route's spec (public, or its row of the access table in src/server/auth/permissions.ts) and the region rule (another region's records are 404, never 403).
// Refusals (401/403/404) must write nothing: no audit event appears. The matrix tests who may
// call what, not the business rules, so an allowed caller may still get 400/409/422.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import {
  makeApiScene,
  makeIncomingTransfer,
  makeRegion,
  makeRegionalStaff,
  makeUser,
  seedReferenceData,
  uniqueCrn,
  type TestRegion,
  type TestUser,
} from "../support/factories";
import { addDays, todayInLondon } from "@/domain";
import { API_ROUTES } from "@/server/api/routes";
import type { ApiRouteSpec } from "@/server/api/route-spec";
import type { RouteHandler } from "@/server/api/handler";
import { issueApiToken } from "@/server/auth/api-tokens";
import { roleCan } from "@/server/auth/permissions";
import type { UserRole } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";

const today = todayInLondon();
const APP_DIR = path.resolve(__dirname, "../../app");
const routeFileFor = (apiPath: string) => path.join(APP_DIR, apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

const CALLERS = ["coordinatorA", "supervisorA", "managerA", "managerB", "nationalLead", "admin", "noToken"] as const;
type Caller = (typeof CALLERS)[number];

type Fixtures = {
  regionA: TestRegion;
  caseId: string;
  placementId: string;
  sessionId: string;
  actionId: string;
  approvalId: string;
  allocationId: string;
  spareSessionId: string;
  transferId: string;
  otherRegionCode: string;
  eteCreditId: string;
};

/**
 * What to send each route, aimed at region A's records. `regionScoped: false` marks routes that
 * name no region-A record at all (the caller's own data, or public), so a region-B manager is
 * simply an allowed caller there.
 */
type RouteInput = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  regionScoped: boolean;
};

const INPUTS: Record<string, (f: Fixtures) => RouteInput> = {
  "POST /api/v1/auth/token": () => ({ body: {}, regionScoped: false }),
  "GET /api/v1/me": () => ({ regionScoped: false }),
  "GET /api/v1/openapi.json": () => ({ regionScoped: false }),
  "POST /api/v1/cases": (f) => ({
    body: {
      crn: uniqueCrn(),
      firstName: "Matrix",
      lastName: "Case",
      dateOfBirth: "1990-02-03",
      gender: "FEMALE",
      region: f.regionA.code,
      orderType: "COMMUNITY_ORDER",
      managedBy: "STANDALONE_UPW",
      sentenceDate: addDays(today, -3),
      court: "Leeds Crown Court",
      hoursOrdered: 100,
    },
    regionScoped: true,
  }),
  "GET /api/v1/cases": (f) => ({ query: { region: f.regionA.code }, regionScoped: true }),
  "GET /api/v1/cases/{id}": (f) => ({ params: { id: f.caseId }, regionScoped: true }),
  "PUT /api/v1/cases/{id}/assessment": (f) => ({
    params: { id: f.caseId },
    body: { version: 1, rosh: "LOW", riskCodes: [], eteEligible: false, complete: true },
    regionScoped: true,
  }),
  "POST /api/v1/placements": (f) => ({
    body: { name: "Matrix placement", type: "GROUP", region: f.regionA.code, capacity: 6 },
    regionScoped: true,
  }),
  "POST /api/v1/sessions": (f) => ({
    body: { placementId: f.placementId, date: addDays(today, 7), startTime: "09:00", endTime: "16:00" },
    regionScoped: true,
  }),
  "GET /api/v1/sessions/{id}": (f) => ({ params: { id: f.sessionId }, regionScoped: true }),
  "POST /api/v1/sessions/{id}/allocations": (f) => ({
    params: { id: f.sessionId },
    body: { caseId: f.caseId },
    regionScoped: true,
  }),
  "POST /api/v1/sessions/{id}/allocations/batch": (f) => ({
    params: { id: f.sessionId },
    body: { bookings: [{ caseId: f.caseId }] },
    regionScoped: true,
  }),
  "POST /api/v1/sessions/{id}/override-requests": (f) => ({
    params: { id: f.sessionId },
    body: { caseId: f.caseId, reason: "Matrix" },
    regionScoped: true,
  }),
  "PUT /api/v1/sessions/{id}/attendance/{caseId}": (f) => ({
    params: { id: f.sessionId, caseId: f.caseId },
    body: { outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL", note: "GP appointment" },
    regionScoped: true,
  }),
  "POST /api/v1/cases/{id}/ete-credits": (f) => ({
    params: { id: f.caseId },
    body: { date: addDays(today, -1), minutes: 60, activity: "Matrix course" },
    regionScoped: true,
  }),
  "POST /api/v1/cases/{id}/extensions": (f) => ({
    params: { id: f.caseId },
    body: { grantedOn: today, newEndDate: addDays(today, 400), court: "Leeds Crown Court", reason: "Matrix" },
    regionScoped: true,
  }),
  "POST /api/v1/cases/{id}/reviews": (f) => ({
    params: { id: f.caseId },
    body: { type: "OTHER", date: today, outcome: "ON_TRACK", note: "Matrix" },
    regionScoped: true,
  }),
  "GET /api/v1/cases/{id}/enforcement": (f) => ({ params: { id: f.caseId }, regionScoped: true }),
  "POST /api/v1/cases/{id}/enforcement": (f) => ({
    params: { id: f.caseId },
    body: { type: "WARNING", date: today, failureDate: today, failureDescription: "Matrix: did not attend" },
    regionScoped: true,
  }),
  "PATCH /api/v1/cases/{id}/ete-credits/{creditId}": (f) => ({
    params: { id: f.caseId, creditId: f.eteCreditId },
    // A stale version: an allowed caller gets 409, so the credit stays for the next caller.
    body: { version: 99, date: addDays(today, -2), minutes: 90, activity: "Matrix course", reason: "Matrix" },
    regionScoped: true,
  }),
  "POST /api/v1/cases/{id}/ete-credits/{creditId}/removal": (f) => ({
    params: { id: f.caseId, creditId: f.eteCreditId },
    body: { version: 99, reason: "Matrix" },
    regionScoped: true,
  }),
  "POST /api/v1/enforcement/{actionId}/withdrawal": (f) => ({
    params: { actionId: f.actionId },
    body: { reason: "Matrix" },
    regionScoped: true,
  }),
  "POST /api/v1/enforcement/{actionId}/outcome": (f) => ({
    params: { actionId: f.actionId },
    body: { outcome: "WARRANT_ISSUED", date: today },
    regionScoped: true,
  }),
  "GET /api/v1/approvals": () => ({ regionScoped: false }),
  "POST /api/v1/cases/{id}/transfers": (f) => ({
    params: { id: f.caseId },
    body: { toRegion: f.otherRegionCode, reason: "Matrix" },
    regionScoped: true,
  }),
  "GET /api/v1/transfers": () => ({ regionScoped: false }),
  "POST /api/v1/transfers/{id}/acceptance": (f) => ({ params: { id: f.transferId }, body: {}, regionScoped: true }),
  "POST /api/v1/transfers/{id}/decline": (f) => ({
    params: { id: f.transferId },
    body: { reason: "Matrix" },
    regionScoped: true,
  }),
  "POST /api/v1/approvals/{id}": (f) => ({
    params: { id: f.approvalId },
    body: { decision: "REJECT" },
    regionScoped: true,
  }),
  "GET /api/v1/dashboard/summary": (f) => ({ query: { region: f.regionA.code }, regionScoped: true }),
  "GET /api/v1/dashboard/backlog": (f) => ({ query: { region: f.regionA.code }, regionScoped: true }),
  "GET /api/v1/dashboard/dormant": (f) => ({ query: { region: f.regionA.code }, regionScoped: true }),
  "POST /api/v1/cases/{id}/termination": (f) => ({
    params: { id: f.caseId },
    body: { reason: "OTHER", note: "Matrix" },
    regionScoped: true,
  }),
  "POST /api/v1/sessions/{id}/incidents": (f) => ({
    params: { id: f.sessionId },
    body: { type: "NEAR_MISS", caseId: f.caseId, occurredAt: "10:15", description: "Matrix: a loose strimmer guard" },
    regionScoped: true,
  }),
  "POST /api/v1/sessions/{id}/close": (f) => ({ params: { id: f.sessionId }, body: {}, regionScoped: true }),
  "POST /api/v1/sessions/{id}/reopen": (f) => ({
    params: { id: f.sessionId },
    body: { reason: "Matrix" },
    regionScoped: true,
  }),
  "PATCH /api/v1/sessions/{id}": (f) => ({
    params: { id: f.sessionId },
    body: { version: 1, capacity: 6 },
    regionScoped: true,
  }),
  "POST /api/v1/sessions/{id}/stand-down": (f) => ({
    params: { id: f.sessionId },
    body: { reason: "WEATHER" },
    regionScoped: true,
  }),
  "POST /api/v1/sessions/{id}/cancellation": (f) => ({
    params: { id: f.sessionId },
    body: { reason: "Matrix" },
    regionScoped: true,
  }),
  "POST /api/v1/allocations/{id}/cancellation": (f) => ({
    params: { id: f.allocationId },
    body: { reason: "Matrix" },
    regionScoped: true,
  }),
  "POST /api/v1/allocations/{id}/move": (f) => ({
    params: { id: f.allocationId },
    body: { toSessionId: f.spareSessionId, reason: "Matrix" },
    regionScoped: true,
  }),
  "PATCH /api/v1/placements/{id}": (f) => ({
    params: { id: f.placementId },
    body: { version: 1, name: "Matrix placement renamed" },
    regionScoped: true,
  }),
  "POST /api/v1/cases/{id}/earned-reduction/decision": (f) => ({
    params: { id: f.caseId },
    body: { decision: "REFUSE" },
    regionScoped: true,
  }),
  "GET /api/v1/admin/rule-commencements": () => ({ regionScoped: false }),
  "PUT /api/v1/admin/rule-commencements": () => ({
    body: { twelveMonthPeriodAbolishedFrom: null, earnedReductionFrom: null },
    regionScoped: false,
  }),
};

/**
 * Region-scoped routes that name region A only by its code in the query or body (no record in the
 * path) and whose services refuse another region's manager with 403 FORBIDDEN ("You can only … in
 * your own region") rather than 404. Listed explicitly so the matrix stays honest and a change
 * in either direction shows up here; records named by id (path or body) are always 404.
 */
const OTHER_REGION_403: ReadonlySet<string> = new Set([
  "POST /api/v1/cases",
  "GET /api/v1/cases",
  "POST /api/v1/placements",
]);

const key = (route: ApiRouteSpec) => `${route.method} ${route.path}`;

let fixtures: Fixtures;
const tokens = new Map<Caller, string>();
const users: TestUser[] = [];

beforeAll(async () => {
  await seedReferenceData();
  const regionA = await makeRegion();
  const regionB = await makeRegion();
  const staffA = await makeRegionalStaff(regionA);
  const managerB = await makeUser("MANAGER", regionB);
  const nationalLead = await makeUser("NATIONAL_LEAD", null);
  const admin = await makeUser("ADMIN", null);
  const byCaller: Record<Exclude<Caller, "noToken">, TestUser> = {
    coordinatorA: staffA.coordinator,
    supervisorA: staffA.supervisor,
    managerA: staffA.manager,
    managerB,
    nationalLead,
    admin,
  };
  for (const [caller, user] of Object.entries(byCaller)) {
    users.push(user);
    tokens.set(
      caller as Caller,
      (await issueApiToken(testDb, { userId: user.id, name: "matrix", expiresAt: null })).token,
    );
  }

  fixtures = {
    ...(await makeApiScene(regionA, staffA, today, "Matrix")),
    regionA,
    ...(await makeIncomingTransfer(regionA, staffA.coordinator.id)),
  };
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

/** Audit events written by the matrix's callers or about its records. */
function auditCount(): Promise<number> {
  const f = fixtures;
  return testDb.auditEvent.count({
    where: {
      OR: [
        { actorId: { in: users.map((u) => u.id) } },
        { entityId: { in: [f.caseId, f.placementId, f.sessionId, f.actionId, f.approvalId, f.transferId] } },
        { regionId: f.regionA.id },
      ],
    },
  });
}

function requestFor(
  route: ApiRouteSpec,
  input: RouteInput,
  caller: Caller,
): [Request, { params: Promise<Record<string, string>> }] {
  const params = input.params ?? {};
  const pathname = route.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "missing");
  const search = new URLSearchParams(input.query ?? {}).toString();
  const token = tokens.get(caller);
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (input.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${pathname}${search ? `?${search}` : ""}`, {
    method: route.method,
    headers,
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
  });
  return [request, { params: Promise.resolve(params) }];
}

const ROLE_OF: Record<Exclude<Caller, "noToken">, UserRole> = {
  coordinatorA: "COORDINATOR",
  supervisorA: "SUPERVISOR",
  managerA: "MANAGER",
  managerB: "MANAGER",
  nationalLead: "NATIONAL_LEAD",
  admin: "ADMIN",
};

type Expectation = { kind: "status"; status: 401 | 403 | 404 } | { kind: "allowed" };

function expectationFor(route: ApiRouteSpec, input: RouteInput, caller: Caller): Expectation {
  if (route.auth === "none") return { kind: "allowed" };
  if (caller === "noToken") return { kind: "status", status: 401 };
  // The access table decides: a role it does not allow is 403, whatever the record.
  if (route.permission && !roleCan(ROLE_OF[caller], route.permission)) return { kind: "status", status: 403 };
  if (caller === "managerB" && input.regionScoped) {
    return OTHER_REGION_403.has(key(route)) ? { kind: "status", status: 403 } : { kind: "status", status: 404 };
  }
  return { kind: "allowed" };
}

describe("the /api/v1 access matrix (every route in API_ROUTES × every kind of caller)", () => {
  it("has request inputs for every route, so no route escapes the matrix", () => {
    const missing = API_ROUTES.map(key).filter((k) => !(k in INPUTS));
    expect(missing).toEqual([]);
  });

  describe.each(API_ROUTES.map((route) => [key(route), route] as const))("%s", (_, route) => {
    it.each(CALLERS.map((caller) => [caller]))("as %s", async (caller) => {
      const makeInput = INPUTS[key(route)];
      if (!makeInput) throw new Error(`No matrix input for ${key(route)}`);
      const input = makeInput(fixtures);
      const routeModule = (await import(routeFileFor(route.path))) as Record<string, RouteHandler>;
      const handler = routeModule[route.method];
      if (!handler) throw new Error(`${routeFileFor(route.path)} exports no ${route.method}`);
      const expected = expectationFor(route, input, caller);

      const auditBefore = await auditCount();
      const response = await handler(...requestFor(route, input, caller));
      const label = `${key(route)} as ${caller} → ${response.status} ${response.status >= 400 ? await response.clone().text() : ""}`;

      if (expected.kind === "allowed") {
        expect([401, 403, 404], label).not.toContain(response.status);
        expect(response.status, label).toBeLessThan(500);
        return;
      }
      expect(response.status, label).toBe(expected.status);
      expect(await auditCount(), `${label}: a refused request wrote an audit event`).toBe(auditBefore);
    });
  });
});

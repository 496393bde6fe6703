// GET /api/v1/cases: each view writes one audit row naming who looked and which cases it
// showed, and the list is read in a fixed number of queries whatever the number of cases
// (it used to load each case separately: 1.2 s for 100 cases, and 20 parallel calls starved
// the pool).
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listCasesRoute } from "../../app/api/v1/cases/route";
import { PrismaClient } from "@/generated/prisma/client";
import { issueApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db/client";
import { getCase } from "@/server/services/cases/get-case";
import { listCasesForApi } from "@/server/services/cases/list-cases";
import { LIST_CASES_LIMIT } from "@/server/services/cases/get-case.types";
import { testDatabaseUrl, testDb } from "../support/db";
import {
  makeCase,
  makeRegion,
  makeRegionalStaff,
  seedReferenceData,
  type TestRegion,
  type TestUser,
} from "../support/factories";

let small: { region: TestRegion; coordinator: TestUser };
let large: { region: TestRegion; coordinator: TestUser };

async function regionWithCases(count: number) {
  const region = await makeRegion();
  const { coordinator } = await makeRegionalStaff(region);
  for (let i = 0; i < count; i += 1) await makeCase(region, { sentenceDate: "2025-06-02", hoursOrdered: 60 + i });
  return { region, coordinator };
}

beforeAll(async () => {
  await seedReferenceData();
  small = await regionWithCases(2);
  large = await regionWithCases(12);
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

describe("GET /api/v1/cases", () => {
  it("writes one audit row per view, naming the caller and every case it showed", async () => {
    const token = (await issueApiToken(testDb, { userId: small.coordinator.id, name: "list", expiresAt: null })).token;
    const before = await testDb.auditEvent.count({ where: { actorId: small.coordinator.id } });
    const response = await listCasesRoute(
      new Request("http://localhost/api/v1/cases?status=ACTIVE", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(response.status).toBe(200);
    // The reply is sent as text built from the kept views (decision 0101): exactly the list as values, written out.
    const text = await response.text();
    const listed = await listCasesForApi(small.coordinator, { status: "ACTIVE" });
    if (!listed.ok) throw new Error(listed.message);
    expect(text).toBe(JSON.stringify(listed.value));
    const body = JSON.parse(text) as { cases: { id: string }[] };
    expect(body.cases).toHaveLength(2);

    const rows = await testDb.auditEvent.findMany({ where: { actorId: small.coordinator.id }, orderBy: { at: "asc" } });
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({
      action: "risk.view",
      entityType: "View",
      entityId: "api.cases",
      actorEmail: small.coordinator.email,
    });
    expect(row.requestId).toBeTruthy();
    expect(row.after).toEqual({
      view: "api.cases",
      requirementIds: body.cases.map((c) => c.id),
      filters: { status: "ACTIVE" },
    });
  });

  it("cuts a list of more than 100 cases short at 100 and says so, the text as the values", async () => {
    const { coordinator } = await regionWithCases(LIST_CASES_LIMIT + 1);
    const token = (await issueApiToken(testDb, { userId: coordinator.id, name: "long list", expiresAt: null })).token;
    const get = () =>
      listCasesRoute(new Request("http://localhost/api/v1/cases", { headers: { authorization: `Bearer ${token}` } }));
    // The first request works the views out and keeps them; the second sends them as kept.
    for (const response of [await get(), await get()]) {
      expect(response.status).toBe(200);
      const text = await response.text();
      const body = JSON.parse(text) as { cases: unknown[]; truncated: boolean };
      expect(body.cases).toHaveLength(LIST_CASES_LIMIT);
      expect(body.truncated).toBe(true);
      const listed = await listCasesForApi(coordinator, {});
      if (!listed.ok) throw new Error(listed.message);
      expect(text).toBe(JSON.stringify(listed.value));
    }
  });

  it("reads 2 cases and 12 cases in the same number of queries, and each case as GET /cases/{id} shows it", async () => {
    const counting = new PrismaClient({
      adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 2 }),
      log: [{ emit: "event", level: "query" }],
    });
    let queries = 0;
    counting.$on("query", () => {
      queries += 1;
    });
    const count = async (user: TestUser) => {
      queries = 0;
      const result = await counting.$transaction((tx) => listCasesForApi(user, {}, { tx }));
      if (!result.ok) throw new Error(result.message);
      return { queries, cases: result.value.cases };
    };
    try {
      const few = await count(small.coordinator);
      const many = await count(large.coordinator);
      expect(few.cases).toHaveLength(2);
      expect(many.cases).toHaveLength(12);
      expect(many.queries).toBe(few.queries);
      // Prisma reads each relation with its own statement (about twenty, with BEGIN and COMMIT), never per case.
      expect(many.queries).toBeLessThanOrEqual(24);
      // The batch gives exactly what the one-case read gives.
      for (const listed of many.cases.slice(0, 3)) {
        const one = await getCase(large.coordinator, { caseId: listed.id });
        expect(one.ok && one.value).toEqual(listed);
      }
    } finally {
      await counting.$disconnect();
    }
  });
});

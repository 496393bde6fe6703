// The order model on a real database: adults only (UNDER_18 in the service, the CSV import and
// the API) and the outstanding-hours warning over 300 as `warnings[]` in the API's reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as postCase } from "../../../app/api/v1/cases/route";
import { addDays, todayInLondon, utcDateFromIsoDate, type IsoDate } from "@/domain";
import { loadDashboardFigures } from "@/server/queries/dashboard";
import { expectOk } from "@/server/services/result";
import { issueApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db/client";
import { createCase } from "@/server/services/cases/create-case";
import type { CreateCaseInput } from "@/server/services/cases/create-case.types";
import { importCases } from "@/server/services/cases/import-cases";
import { IMPORT_COLUMNS } from "@/server/services/cases/import-cases.types";
import { testDb } from "../../support/db";
import {
  makeCase,
  makeRegion,
  makeRegionalStaff,
  seedReferenceData,
  uniqueCrn,
  type TestRegion,
  type TestUser,
} from "../../support/factories";
import { loadPersonRequirements } from "@/server/queries/person-requirements";

const today = todayInLondon();
let region: TestRegion;
let coordinator: TestUser;
let token: string;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
  token = (await issueApiToken(testDb, { userId: coordinator.id, name: "test", expiresAt: null })).token;
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

const sentenceDate = addDays(today, -3);
const caseInput = (overrides: Partial<CreateCaseInput> = {}): CreateCaseInput => ({
  crn: uniqueCrn(),
  firstName: "Kit",
  lastName: "Young",
  dateOfBirth: "1990-01-01",
  gender: "MALE",
  region: region.code,
  orderType: "COMMUNITY_ORDER",
  managedBy: "STANDALONE_UPW",
  sentenceDate,
  court: "Test Magistrates' Court",
  hoursOrdered: 100,
  ...overrides,
});
const yearsBefore = (date: string, years: number) =>
  `${Number(date.slice(0, 4)) - years}${date.slice(4)}`.replace(/-02-29$/, "-02-28");

function post(body: unknown) {
  return postCase(
    new Request("http://localhost/api/v1/cases", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

describe("adults only: 18 or over on the sentence date (UNDER_18)", () => {
  it("a 12-year-old is refused by the service and nothing is written", async () => {
    const input = caseInput({ dateOfBirth: yearsBefore(sentenceDate, 12) });
    const result = await createCase(coordinator, input, { today });
    expect(result).toMatchObject({ ok: false, code: "UNDER_18", field: "dateOfBirth" });
    expect(await testDb.person.count({ where: { crn: input.crn } })).toBe(0);
  });

  it("someone whose 18th birthday is the sentence date is accepted; the day after it is not", async () => {
    expect(
      (await createCase(coordinator, caseInput({ dateOfBirth: yearsBefore(sentenceDate, 18) }), { today })).ok,
    ).toBe(true);
    const younger = await createCase(
      coordinator,
      caseInput({ dateOfBirth: addDays(yearsBefore(sentenceDate, 18), 1) }),
      { today },
    );
    expect(younger).toMatchObject({ ok: false, code: "UNDER_18" });
  });

  it("the API answers 422 UNDER_18", async () => {
    const body = caseInput({ dateOfBirth: yearsBefore(sentenceDate, 12) });
    const response = await post(body);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "UNDER_18" } });
    expect(await testDb.person.count({ where: { crn: body.crn } })).toBe(0);
  });

  it("the CSV import rejects the row with its field and creates the others", async () => {
    const row = (over: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>) => {
      const cells: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {
        crn: uniqueCrn(),
        firstName: "Jo",
        lastName: "Import",
        dateOfBirth: "1990-03-27",
        gender: "FEMALE",
        orderType: "COMMUNITY_ORDER",
        managedBy: "STANDALONE_UPW",
        sentenceDate,
        court: "Test Court",
        hoursOrdered: "120",
        ...over,
      };
      return IMPORT_COLUMNS.map((c) => cells[c] ?? "").join(",");
    };
    const csv = [IMPORT_COLUMNS.join(","), row({}), row({ dateOfBirth: yearsBefore(sentenceDate, 12) })].join("\r\n");
    const result = await importCases(coordinator, { csv, commit: true }, { today });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.valid.map((v) => v.row)).toEqual([2]);
    expect(result.value.rejected).toEqual([
      { row: 3, field: "dateOfBirth", message: expect.stringMatching(/18 or over/) },
    ]);
  });
});

describe("several requirements per person: more than 300 hours outstanding is a warning", () => {
  it("a second order taking the person past 300 hours is created, with warnings[] in the API reply", async () => {
    const first = caseInput({ hoursOrdered: 200 });
    const created = await post(first);
    expect(created.status).toBe(201);
    expect(await created.json()).not.toHaveProperty("warnings");
    const second = await post({ ...first, court: "Another Court", hoursOrdered: 150 });
    expect(second.status).toBe(201);
    const body = (await second.json()) as { warnings?: { code: string; message: string }[] };
    expect(body.warnings).toEqual([
      { code: "OUTSTANDING_OVER_300_HOURS", message: expect.stringMatching(/350 hours/) },
    ]);
  });
});

describe("the case page lists all the person's requirements", () => {
  it("shows the ones the caller may see, counts the others, and warns over 300 hours across all active ones", async () => {
    const first = await makeCase(region, { sentenceDate: "2025-01-06", hoursOrdered: 200 });
    await makeCase(region, {
      sentenceDate: "2025-03-03",
      hoursOrdered: 60,
      personId: first.personId,
      status: "COMPLETED",
    });
    await makeCase(await makeRegion(), { sentenceDate: "2025-04-07", hoursOrdered: 120, personId: first.personId });
    const data = await loadPersonRequirements(coordinator, first.requirementId, today);
    expect(data?.requirements.map((r) => [r.sentenceDate, r.status, r.current])).toEqual([
      ["2025-01-06", "ACTIVE", true],
      ["2025-03-03", "COMPLETED", false],
    ]);
    expect(data?.hiddenCount).toBe(1);
    expect(data?.activeOutstandingMinutes).toBe(320 * 60);
    expect(data?.warning).toMatchObject({ code: "OUTSTANDING_OVER_300_HOURS" });
  });
});

describe("suspended sentence orders: supervision period and expired-incomplete", () => {
  it("records the periods, refuses them on a community order, and counts a still-active SSO past its supervision period", async () => {
    const ssoRegion = await makeRegion();
    const { coordinator: ssoCoordinator } = await makeRegionalStaff(ssoRegion);
    const input = (over: Partial<CreateCaseInput>) =>
      caseInput({ region: ssoRegion.code, sentenceDate: "2025-01-06", ...over });
    const refused = await createCase(
      ssoCoordinator,
      input({ orderType: "COMMUNITY_ORDER", supervisionPeriodEndsOn: "2025-12-01" }),
      { today },
    );
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT", field: "supervisionPeriodEndsOn" });
    const tooLong = await createCase(
      ssoCoordinator,
      input({ orderType: "SUSPENDED_SENTENCE_ORDER", operationalPeriodEndsOn: "2027-01-07" }),
      { today },
    );
    expect(tooLong).toMatchObject({ ok: false, field: "operationalPeriodEndsOn" });

    const ended = expectOk(
      await createCase(
        ssoCoordinator,
        input({
          orderType: "SUSPENDED_SENTENCE_ORDER",
          operationalPeriodEndsOn: "2026-01-06",
          supervisionPeriodEndsOn: "2025-10-06",
        }),
        { today: "2025-11-01" },
      ),
    );
    expect(
      (await testDb.order.findFirstOrThrow({ where: { requirements: { some: { id: ended.id } } } }))
        .supervisionPeriodEndsOn,
    ).toEqual(utcDateFromIsoDate("2025-10-06"));
    const figures = (asOf: IsoDate) => loadDashboardFigures(testDb, { asOf, regionId: ssoRegion.id });
    expect((await figures("2025-10-06")).expiredIncompleteSso).toBe(0);
    expect((await figures("2025-10-07")).expiredIncompleteSso).toBe(1);
  });
});

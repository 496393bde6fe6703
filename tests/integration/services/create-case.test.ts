// Taking a case in: R1, CRN rules, region scope, audit, and the case view's computed fields.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testDb } from "../../support/db";
import {
  auditEventsFor,
  makeRegion,
  makeRegionalStaff,
  makeUser,
  seedReferenceData,
  uniqueCrn,
  type TestRegion,
  type TestUser,
} from "../../support/factories";
import { AccessError } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { createCase } from "@/server/services/cases/create-case";
import type { CreateCaseInput } from "@/server/services/cases/create-case.types";

const today = "2025-06-16";
const options = { today };
let region: TestRegion;
let coordinator: TestUser;
let manager: TestUser;

const caseInput = (overrides: Partial<CreateCaseInput> = {}): CreateCaseInput => ({
  crn: uniqueCrn(),
  firstName: "Sam",
  lastName: "Jones",
  dateOfBirth: "1995-04-01",
  gender: "MALE",
  region: region.code,
  pdu: region.pduCode,
  orderType: "COMMUNITY_ORDER",
  managedBy: "STANDALONE_UPW",
  sentenceDate: "2025-06-02",
  court: "Cardiff Magistrates' Court",
  hoursOrdered: 100,
  ...overrides,
});

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator, manager } = await makeRegionalStaff(region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

describe("createCase", () => {
  it("creates the person, order, requirement and an empty assessment, audited, and returns the case", async () => {
    const input = caseInput();
    const result = await createCase(coordinator, input, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      crn: input.crn,
      region: region.code,
      pdu: region.pduCode,
      hoursOrdered: 100,
      minutesCredited: 0,
      status: "ACTIVE",
      startDeadline: "2025-06-23",
      effectiveEndDate: "2026-06-02",
      commencedOn: null,
      assessmentComplete: false,
      eteAllowanceMinutes: 0,
      inBacklog: false,
      dormant: false,
      version: 1,
      asOf: today,
    });
    const requirement = await testDb.requirement.findUniqueOrThrow({
      where: { id: result.value.id },
      include: { assessment: true },
    });
    expect(requirement).toMatchObject({
      coordinatorId: coordinator.id,
      originalHoursOrdered: 100,
      regionId: region.id,
    });
    expect(requirement.assessment?.complete).toBe(false);
    expect((await auditEventsFor("Requirement", result.value.id)).map((e) => e.action)).toEqual(["requirement.create"]);
  });

  it.each([39, 301])("refuses %i hours with HOURS_OUT_OF_RANGE (R1) and writes nothing", async (hoursOrdered) => {
    const input = caseInput({ hoursOrdered });
    const result = await createCase(coordinator, input, options);
    expect(result).toMatchObject({ ok: false, code: "HOURS_OUT_OF_RANGE", field: "hoursOrdered" });
    expect(await testDb.person.count({ where: { crn: input.crn } })).toBe(0);
  });

  it("reports every problem of the record at once, the first giving the code (issue 13)", async () => {
    const input = caseInput({ hoursOrdered: 20, sentenceDate: "2025-06-20", pdu: "NOPE" });
    const result = await createCase(coordinator, input, options);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", field: "pdu" });
    expect(result.ok ? [] : result.problems?.map((p) => p.field)).toEqual(["pdu", "sentenceDate", "hoursOrdered"]);
    expect(await testDb.person.count({ where: { crn: input.crn } })).toBe(0);
  });

  it("accepts the 40 and 300 hour limits", async () => {
    expect((await createCase(coordinator, caseInput({ hoursOrdered: 40 }), options)).ok).toBe(true);
    expect((await createCase(coordinator, caseInput({ hoursOrdered: 300 }), options)).ok).toBe(true);
  });

  it("refuses a CRN that belongs to someone else with DUPLICATE_CRN", async () => {
    const first = caseInput();
    expect((await createCase(coordinator, first, options)).ok).toBe(true);
    const clash = await createCase(coordinator, caseInput({ crn: first.crn, firstName: "Alex" }), options);
    expect(clash).toMatchObject({ ok: false, code: "DUPLICATE_CRN", field: "crn" });
    expect(await testDb.order.count({ where: { person: { crn: first.crn } } })).toBe(1);
  });

  it("attaches a second order to the same person when CRN, name and date of birth match, and warns over 300 hours", async () => {
    const first = caseInput({ hoursOrdered: 200 });
    const one = await createCase(coordinator, first, options);
    const two = await createCase(
      coordinator,
      { ...first, firstName: "SAM", sentenceDate: "2025-06-09", hoursOrdered: 150 },
      options,
    );
    expect(one.ok && two.ok).toBe(true);
    if (!one.ok || !two.ok) return;
    expect(two.value.personId).toBe(one.value.personId);
    expect(two.value.id).not.toBe(one.value.id);
    expect(two.warnings?.map((w) => w.code)).toEqual(["OUTSTANDING_OVER_300_HOURS"]);
    // The very same order again is a duplicate, not a third requirement.
    const again = await createCase(coordinator, { ...first, sentenceDate: "2025-06-09", hoursOrdered: 150 }, options);
    expect(again).toMatchObject({ ok: false, code: "DUPLICATE_CRN" });
  });

  it("refuses another region (403 FORBIDDEN) and writes nothing", async () => {
    const elsewhere = await makeRegion();
    const input = caseInput({ region: elsewhere.code, pdu: null });
    await expect(createCase(coordinator, input, options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.person.count({ where: { crn: input.crn } })).toBe(0);
  });

  it("refuses roles that do not take cases in", async () => {
    const supervisor = await makeUser("SUPERVISOR", region);
    const national = await makeUser("NATIONAL_LEAD", null);
    await expect(createCase(supervisor, caseInput(), options)).rejects.toBeInstanceOf(AccessError);
    await expect(createCase(national, caseInput(), options)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a manager can take a case in; an unknown PDU or region names the field", async () => {
    expect((await createCase(manager, caseInput(), options)).ok).toBe(true);
    expect(await createCase(manager, caseInput({ pdu: "NOPE" }), options)).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      field: "pdu",
    });
    expect(await createCase(manager, caseInput({ region: "ZZZZ" }), options)).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      field: "region",
    });
  });

  it("refuses a sentence date in the future", async () => {
    expect(await createCase(coordinator, caseInput({ sentenceDate: "2025-06-17" }), options)).toMatchObject({
      ok: false,
      field: "sentenceDate",
    });
  });
});

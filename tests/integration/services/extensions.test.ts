// R3 through the recordExtension service: the new end date must be after the current one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { IsoDate } from "@/domain";
import { recordExtension } from "@/server/services/extensions/record-extension";
import { expectOk } from "@/server/services/result";
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

const TODAY: IsoDate = "2025-06-11";
const options = { today: TODAY };
let region: TestRegion;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
});
afterAll(() => testDb.$disconnect());

const extension = (
  caseId: string,
  newEndDate: IsoDate,
  actor: TestUser = staff.coordinator,
  grantedOn: IsoDate = "2025-03-01",
) =>
  recordExtension(
    actor,
    { caseId, grantedOn, newEndDate, court: "Test Crown Court", reason: "Ill health delayed the work" },
    options,
  );

describe("recordExtension (R3)", () => {
  it("records an extension after the 12-month end date, audited, and the next must be later still", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2024-06-15" }); // 12 months → 2025-06-15
    const notLater = await extension(requirementId, "2025-06-15");
    expect(notLater).toMatchObject({
      ok: false,
      code: "EXTENSION_NOT_LATER",
      details: { currentEffectiveEndDate: "2025-06-15" },
    });
    expect(await testDb.extension.count({ where: { requirementId } })).toBe(0);

    const first = expectOk(await extension(requirementId, "2025-09-30", staff.manager));
    expect(first).toMatchObject({ newEndDate: "2025-09-30", previousEndDate: "2025-06-15", court: "Test Crown Court" });
    expect((await auditEventsFor("Extension", first.id)).map((e) => e.action)).toEqual(["extension.record"]);

    const auditsBefore = await testDb.auditEvent.count();
    expect(await extension(requirementId, "2025-08-01", staff.coordinator, "2025-06-01")).toMatchObject({
      ok: false,
      code: "EXTENSION_NOT_LATER",
    });
    expect(await testDb.extension.count({ where: { requirementId } })).toBe(1);
    expect(await testDb.auditEvent.count()).toBe(auditsBefore);
    expect((await extension(requirementId, "2025-12-31", staff.coordinator, "2025-06-01")).ok).toBe(true);
  });

  it("refuses an extension for a requirement that is not active", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2024-06-15", status: "COMPLETED" });
    expect(await extension(requirementId, "2025-12-31")).toMatchObject({ ok: false, code: "REQUIREMENT_NOT_ACTIVE" });
  });

  it("is for coordinators and managers of the region", async () => {
    const { requirementId } = await makeCase(region, { sentenceDate: "2024-06-15" });
    const outsider = await makeUser("MANAGER", await makeRegion());
    await expect(extension(requirementId, "2025-12-31", outsider)).rejects.toMatchObject({
      name: "AccessError",
      code: "NOT_FOUND",
    });
    const national = await makeUser("NATIONAL_LEAD", null);
    await expect(extension(requirementId, "2025-12-31", national)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.extension.count({ where: { requirementId } })).toBe(0);
  });
});

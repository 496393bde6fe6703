// R9: a regional manager switches their region's auto-enforcement (audited); nobody else can.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAutoEnforcement } from "@/server/services/regions/set-auto-enforcement";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import { auditEventsFor, makeRegion, makeRegionalStaff, seedReferenceData } from "../../support/factories";

beforeAll(() => seedReferenceData());
afterAll(() => testDb.$disconnect());

describe("setAutoEnforcement", () => {
  it("a manager switches their own region on and off, audited; a stale version is refused; a coordinator cannot", async () => {
    const region = await makeRegion();
    const other = await makeRegion();
    const { manager, coordinator } = await makeRegionalStaff(region);
    const on = expectOk(await setAutoEnforcement(manager, { on: true, version: 1 }));
    expect(on).toMatchObject({ regionId: region.id, autoEnforcement: true, version: 2 });
    expect(await setAutoEnforcement(manager, { on: false, version: 1 })).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
    });
    expectOk(await setAutoEnforcement(manager, { on: false }));
    const audits = await auditEventsFor("Region", region.id);
    expect(audits.map((a) => [a.action, a.after])).toEqual([
      ["region.auto-enforcement", { autoEnforcement: true }],
      ["region.auto-enforcement", { autoEnforcement: false }],
    ]);
    await expect(setAutoEnforcement(coordinator, { on: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await testDb.region.findUniqueOrThrow({ where: { id: other.id } })).autoEnforcement).toBe(false);
  });
});

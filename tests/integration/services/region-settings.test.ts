// Administrators change a region's rule settings: audited with before and after; a stale version is refused.
import { afterAll, describe, expect, it } from "vitest";
import { updateRegionSettings } from "@/server/services/regions/update-region-settings";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import { auditEventsFor, makeRegion, makeUser } from "../../support/factories";

afterAll(() => testDb.$disconnect());

describe("updateRegionSettings", () => {
  it("saves the over-booking limit, people per supervisor and automatic warnings, audited; a stale version is a conflict", async () => {
    const region = await makeRegion();
    const admin = await makeUser("ADMIN", null);
    const saved = expectOk(
      await updateRegionSettings(admin, {
        regionId: region.id,
        version: 1,
        overSubscriptionPercent: 110,
        maxPeoplePerSupervisor: 8,
        autoEnforcement: true,
      }),
    );
    expect(saved).toMatchObject({
      overSubscriptionPercent: 110,
      maxPeoplePerSupervisor: 8,
      autoEnforcement: true,
      version: 2,
    });
    const [event] = await auditEventsFor("Region", region.id);
    expect(event).toMatchObject({
      action: "region.settings",
      before: { overSubscriptionPercent: 120 },
      after: { overSubscriptionPercent: 110 },
    });
    const stale = await updateRegionSettings(admin, {
      regionId: region.id,
      version: 1,
      overSubscriptionPercent: 130,
      maxPeoplePerSupervisor: null,
      autoEnforcement: false,
    });
    expect(stale).toMatchObject({ ok: false, code: "STALE_VERSION" });
  });

  it("is for administrators only", async () => {
    const region = await makeRegion();
    const manager = await makeUser("MANAGER", region);
    await expect(
      updateRegionSettings(manager, {
        regionId: region.id,
        version: 1,
        overSubscriptionPercent: 150,
        maxPeoplePerSupervisor: null,
        autoEnforcement: false,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

import { describe, expect, it } from "vitest";
import {
  AccessError,
  assertCan,
  assertRegion,
  seesSensitiveNotes,
  regionFilter,
  seesAllRegions,
  visibleRequirementsWhere,
  visibleSessionsWhere,
  type AppUser,
} from "./access";

const london = "11111111-1111-1111-1111-111111111111";
const wales = "22222222-2222-2222-2222-222222222222";
const user = (role: AppUser["role"], regionId: string | null = london): AppUser => ({
  id: `u-${role}`,
  email: "x@example.test",
  name: "X",
  role,
  regionId,
  regionCode: null,
});

describe("authorisation helper", () => {
  it("refuses a role the access table does not allow with 403", () => {
    expect(() => assertCan(user("SUPERVISOR"), "ete.credit")).toThrow(AccessError);
    try {
      assertCan(user("SUPERVISOR"), "ete.credit");
    } catch (error) {
      expect((error as AccessError).status).toBe(403);
      expect((error as AccessError).message).toBe(
        "Your role does not allow you to credit education, training or employment time.",
      );
    }
    expect(() => assertCan(user("MANAGER"), "ete.credit")).not.toThrow();
  });

  it("shows a sensitive note only to managers and the case's own coordinator", () => {
    const coordinator = user("COORDINATOR");
    expect(seesSensitiveNotes(coordinator, coordinator.id)).toBe(true);
    expect(seesSensitiveNotes(coordinator, "someone-else")).toBe(false);
    expect(seesSensitiveNotes(coordinator, null)).toBe(false);
    expect(seesSensitiveNotes(user("MANAGER"), null)).toBe(true);
    for (const role of ["SUPERVISOR", "NATIONAL_LEAD", "ADMIN"] as const)
      expect(seesSensitiveNotes(user(role), `u-${role}`)).toBe(false);
  });

  it("reports a record in another region as not found (404), never forbidden", () => {
    try {
      assertRegion(user("MANAGER", wales), london, "case");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AccessError);
      expect((error as AccessError).status).toBe(404);
      expect((error as AccessError).message).toBe("The case could not be found");
    }
    expect(() => assertRegion(user("MANAGER", london), london)).not.toThrow();
  });

  it("lets national leads and administrators see every region, and nobody else", () => {
    expect(seesAllRegions(user("NATIONAL_LEAD", null))).toBe(true);
    expect(seesAllRegions(user("ADMIN", null))).toBe(true);
    expect(seesAllRegions(user("COORDINATOR"))).toBe(false);
    expect(regionFilter(user("NATIONAL_LEAD", null))).toEqual({});
    expect(regionFilter(user("MANAGER", wales))).toEqual({ regionId: wales });
  });

  it("never gives a regional user without a region every region", () => {
    expect(regionFilter(user("COORDINATOR", null)).regionId).toBeDefined();
  });

  it("limits restricted cases to named users and supervisors to their own sessions' people", () => {
    expect(visibleRequirementsWhere(user("COORDINATOR"))).toMatchObject({
      regionId: london,
      OR: [{ restricted: false }, { access: { some: { userId: "u-COORDINATOR" } } }],
    });
    expect(visibleRequirementsWhere(user("SUPERVISOR"))).toMatchObject({
      restricted: false,
      allocations: { some: { session: { supervisorId: "u-SUPERVISOR" } } },
    });
    expect(visibleSessionsWhere(user("SUPERVISOR"))).toEqual({ supervisorId: "u-SUPERVISOR" });
    expect(visibleSessionsWhere(user("MANAGER"))).toEqual({ placement: { regionId: london } });
  });
});

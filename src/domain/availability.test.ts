import { describe, expect, it } from "vitest";
import { availabilityClash, dayPartsOf } from "./availability";

describe("R10 availabilityClash (warns, never blocks)", () => {
  it("a 7-hour session touches morning and afternoon", () => {
    expect(dayPartsOf("09:00", "16:00")).toEqual(["AM", "PM"]);
    expect(dayPartsOf("09:00", "12:00")).toEqual(["AM"]);
    expect(dayPartsOf("17:00", "20:00")).toEqual(["EVE"]);
  });

  it("no clash when available for the whole session", () => {
    expect(
      availabilityClash({
        availability: { SAT: ["AM", "PM"] },
        sessionDate: "2026-01-17",
        startTime: "09:00",
        endTime: "16:00",
      }),
    ).toBeNull();
  });

  it("warns about the parts of the day they are not available, with their commitments", () => {
    const warning = availabilityClash({
      availability: { SAT: ["AM"] },
      sessionDate: "2026-01-17",
      startTime: "09:00",
      endTime: "16:00",
      commitments: { caringDuties: "collects children at 13:00" },
    });
    expect(warning?.code).toBe("AVAILABILITY_CLASH");
    expect(warning?.message).toContain("Saturday afternoons");
    expect(warning?.message).toContain("collects children");
  });

  it("says nothing when no availability was recorded", () => {
    expect(
      availabilityClash({ availability: null, sessionDate: "2026-01-17", startTime: "09:00", endTime: "16:00" }),
    ).toBeNull();
  });
});

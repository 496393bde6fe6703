import { describe, expect, it } from "vitest";
import { londonDateAndTime, londonInstant } from "./london-time";

describe("London wall-clock times", () => {
  it("reads a winter time as GMT", () => {
    expect(londonInstant("2026-11-23", "13:40").toISOString()).toBe("2026-11-23T13:40:00.000Z");
  });
  it("reads a summer time as BST (an hour ahead of UTC)", () => {
    expect(londonInstant("2026-07-01", "09:00").toISOString()).toBe("2026-07-01T08:00:00.000Z");
  });
  it("round-trips an instant to the London date and time", () => {
    expect(londonDateAndTime(new Date("2026-07-01T23:30:00Z"))).toEqual({ date: "2026-07-02", time: "00:30" });
    expect(londonDateAndTime(londonInstant("2026-03-29", "10:15"))).toEqual({ date: "2026-03-29", time: "10:15" });
  });
  it("takes the earlier instant when the clocks go back", () => {
    expect(londonInstant("2026-10-25", "01:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});

import { describe, expect, it } from "vitest";
import { isDormant, type DormancyFacts } from "./dormant";

const asOf = "2026-03-31";
const facts: DormancyFacts = {
  status: "ACTIVE",
  sentenceDate: "2026-01-05",
  openBreach: false,
  underWarrant: false,
  activityDates: [],
};

describe("R5 isDormant", () => {
  it("is dormant with no attendance or ETE in the 28 days up to D", () => {
    expect(isDormant(asOf, { ...facts, activityDates: ["2026-03-03"] })).toBe(true);
  });

  it("an attendance record of any outcome 27 days before D (inside the window) keeps it live", () => {
    expect(isDormant(asOf, { ...facts, activityDates: ["2026-03-04"] })).toBe(false);
    expect(isDormant(asOf, { ...facts, activityDates: [asOf] })).toBe(false);
  });

  it("activity dated after D does not count", () => {
    expect(isDormant(asOf, { ...facts, activityDates: ["2026-04-01"] })).toBe(true);
  });

  it("needs the sentence at least 28 days before D", () => {
    expect(isDormant(asOf, { ...facts, sentenceDate: "2026-03-03" })).toBe(true);
    expect(isDormant(asOf, { ...facts, sentenceDate: "2026-03-04" })).toBe(false);
  });

  it("is never dormant in an open breach or under a warrant, or when not active", () => {
    expect(isDormant(asOf, { ...facts, openBreach: true })).toBe(false);
    expect(isDormant(asOf, { ...facts, underWarrant: true })).toBe(false);
    expect(isDormant(asOf, { ...facts, status: "COMPLETED" })).toBe(false);
  });
});

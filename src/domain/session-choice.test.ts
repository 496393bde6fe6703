import { describe, expect, it } from "vitest";
import {
  datesOnWeekdays,
  dayPartTimeBounds,
  isResolvableOnBooking,
  rankSessionChoices,
  standingOf,
  type RankableSession,
  placesInWords,
  isCaseLevelRefusal,
} from "./session-choice";

const session = (over: Partial<RankableSession> & { id: string }): RankableSession & { id: string } => ({
  date: "2026-11-25",
  startTime: "09:00",
  standing: "BOOKABLE",
  availabilityClash: false,
  beforeInduction: false,
  freePlaces: 3,
  ...over,
});

describe("standingOf", () => {
  it("a session with no refusal can be booked", () => {
    expect(standingOf([], { isManager: false })).toBe("BOOKABLE");
  });
  it("a late-start reason or consent is recorded on the booking form", () => {
    expect(standingOf(["LATE_START_REASON_REQUIRED", "LONE_WOMAN_CONSENT_REQUIRED"], { isManager: false })).toBe(
      "NEEDS_DETAILS",
    );
  });
  it("only a manager can clear a risk conflict", () => {
    expect(standingOf(["RISK_CONFLICT"], { isManager: false })).toBe("BLOCKED");
    expect(standingOf(["RISK_CONFLICT"], { isManager: true })).toBe("NEEDS_DETAILS");
    expect(isResolvableOnBooking("APPROVAL_REQUIRED", { isManager: true })).toBe(true);
  });
  it("a full session is blocked even with other details missing", () => {
    expect(standingOf(["LATE_START_REASON_REQUIRED", "SESSION_FULL"], { isManager: true })).toBe("BLOCKED");
  });
});

describe("rankSessionChoices", () => {
  it("bookable first, then availability fit, then earliest, then most free places", () => {
    const ranked = rankSessionChoices([
      session({ id: "blocked", standing: "BLOCKED", date: "2026-11-24" }),
      session({ id: "clash", availabilityClash: true, date: "2026-11-24" }),
      session({ id: "later", date: "2026-11-30" }),
      session({ id: "fewer", freePlaces: 1 }),
      session({ id: "more", freePlaces: 5 }),
      session({ id: "details", standing: "NEEDS_DETAILS", date: "2026-11-24" }),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(["more", "fewer", "later", "clash", "details", "blocked"]);
  });

  it("offers an induction before work sessions to someone who has not had one", () => {
    const ranked = rankSessionChoices([
      session({ id: "work", beforeInduction: true, date: "2026-11-24" }),
      session({ id: "induction", date: "2026-11-26" }),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(["induction", "work"]);
  });
});

describe("placesInWords and case-level refusals", () => {
  it("says the places as a coordinator reads them", () => {
    expect(placesInWords({ booked: 3, capacity: 6, limit: 7 })).toBe("3 of 6 booked (up to 7 with over-booking)");
    expect(placesInWords({ booked: 1, capacity: 2, limit: 2 })).toBe("1 of 2 booked");
  });

  it("an incomplete assessment or an inactive requirement is about the case, not the session", () => {
    expect(isCaseLevelRefusal("ASSESSMENT_INCOMPLETE")).toBe(true);
    expect(isCaseLevelRefusal("REQUIREMENT_NOT_ACTIVE")).toBe(true);
    expect(isCaseLevelRefusal("SESSION_FULL")).toBe(false);
  });
});

describe("women's placement preference in the ranking", () => {
  it("a session that meets her preference comes before one that does not, other things equal", () => {
    const base = {
      date: "2026-01-10",
      startTime: "09:00",
      standing: "BOOKABLE" as const,
      availabilityClash: false,
      beforeInduction: false,
      freePlaces: 3,
    };
    const ranked = rankSessionChoices([
      { ...base, id: "mixed", preferenceNotMet: true },
      { ...base, id: "women-only", preferenceNotMet: false, date: "2026-01-17" },
    ]);
    expect(ranked.map((c) => c.id)).toEqual(["women-only", "mixed"]);
  });
});

describe("allocation list filters", () => {
  it("keeps only the chosen weekdays of the range (Saturday 6 and Sunday 7 December 2026)", () => {
    expect(datesOnWeekdays("2026-12-01", "2026-12-14", ["SAT", "SUN"])).toEqual([
      "2026-12-05",
      "2026-12-06",
      "2026-12-12",
      "2026-12-13",
    ]);
    expect(datesOnWeekdays("2026-12-01", "2026-12-14", [])).toBeNull();
  });

  it("a session touches the morning when it starts before noon; the evening when it ends after 17:00", () => {
    expect(dayPartTimeBounds("AM")).toEqual({ startsBefore: "12:00", endsAfter: "00:00" });
    expect(dayPartTimeBounds("EVE")).toEqual({ startsBefore: "24:00", endsAfter: "17:00" });
  });
});

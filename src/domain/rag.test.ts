import { describe, expect, it } from "vitest";
import { isNearingEnd, minutesInLastWeeks, projectedCompletionDate, ragStatus } from "./rag";

const asOf = "2026-10-01";

describe("nearing-end RAG", () => {
  it("red when past the effective end date", () => {
    expect(
      ragStatus({ asOf, effectiveEndDate: "2026-09-30", outstandingMinutes: 60, minutesInPaceWindow: 10_000 }),
    ).toBe("RED");
  });

  it("red with 4 weeks or fewer left, amber-or-green with more", () => {
    expect(
      ragStatus({ asOf, effectiveEndDate: "2026-10-29", outstandingMinutes: 60, minutesInPaceWindow: 10_000 }),
    ).toBe("RED");
    expect(
      ragStatus({ asOf, effectiveEndDate: "2026-10-30", outstandingMinutes: 60, minutesInPaceWindow: 10_000 }),
    ).toBe("GREEN");
  });

  it("amber when the last 8 weeks' pace would finish after the end date", () => {
    // 42 hours outstanding; 7 hours a week over the last 8 weeks → 6 weeks to go.
    const pace = 8 * 420;
    expect(
      ragStatus({ asOf, effectiveEndDate: "2026-11-12", outstandingMinutes: 42 * 60, minutesInPaceWindow: pace }),
    ).toBe("GREEN");
    expect(
      ragStatus({ asOf, effectiveEndDate: "2026-11-11", outstandingMinutes: 42 * 60, minutesInPaceWindow: pace }),
    ).toBe("AMBER");
  });

  it("amber when nothing was done in the last 8 weeks", () => {
    expect(ragStatus({ asOf, effectiveEndDate: "2026-11-20", outstandingMinutes: 60, minutesInPaceWindow: 0 })).toBe(
      "AMBER",
    );
  });

  it("no RAG when nothing is outstanding", () => {
    expect(
      ragStatus({ asOf, effectiveEndDate: "2026-09-30", outstandingMinutes: 0, minutesInPaceWindow: 0 }),
    ).toBeNull();
  });
});

describe("projectedCompletionDate", () => {
  it("projects at the recent pace, rounding up to whole days", () => {
    expect(projectedCompletionDate({ asOf, outstandingMinutes: 42 * 60, minutesInPaceWindow: 8 * 420 })).toBe(
      "2026-11-12",
    );
    expect(projectedCompletionDate({ asOf, outstandingMinutes: 1, minutesInPaceWindow: 8 * 420 })).toBe("2026-10-02");
    expect(projectedCompletionDate({ asOf, outstandingMinutes: 60, minutesInPaceWindow: 0 })).toBeNull();
  });
});

describe("the pace window and the nearing-end list", () => {
  it("counts credits in the 56 days up to and including asOf", () => {
    const credits = [
      { date: "2026-08-06", minutes: 100 }, // 56 days before: outside
      { date: "2026-08-07", minutes: 10 },
      { date: asOf, minutes: 1 },
      { date: "2026-10-02", minutes: 1000 }, // future
    ];
    expect(minutesInLastWeeks(credits, asOf)).toBe(11);
  });

  it("lists cases within 8 weeks of the end date (or past it) with hours outstanding", () => {
    expect(isNearingEnd({ asOf, effectiveEndDate: "2026-11-26", outstandingMinutes: 60 })).toBe(true);
    expect(isNearingEnd({ asOf, effectiveEndDate: "2026-11-27", outstandingMinutes: 60 })).toBe(false);
    expect(isNearingEnd({ asOf, effectiveEndDate: "2026-09-01", outstandingMinutes: 60 })).toBe(true);
    expect(isNearingEnd({ asOf, effectiveEndDate: "2026-11-26", outstandingMinutes: 0 })).toBe(false);
  });
});

// R3 reviews: due dates, and which mandatory reviews the work queue lists.
import { describe, expect, it } from "vitest";
import { checkReviewDate, isExtensionAppliedFor, mandatoryReviewsDue, reviewDueOn } from "./reviews";

describe("R3 review due dates", () => {
  it("6 and 9 calendar months after sentence; 31 August → 28 February (clamped)", () => {
    expect(reviewDueOn("SIX_MONTH", "2025-03-03", "2025-09-10")).toBe("2025-09-03");
    expect(reviewDueOn("NINE_MONTH", "2025-03-03", "2025-12-10")).toBe("2025-12-03");
    expect(reviewDueOn("SIX_MONTH", "2025-08-31", "2026-03-01")).toBe("2026-02-28");
    expect(reviewDueOn("OTHER", "2025-03-03", "2025-05-20")).toBe("2025-05-20");
  });

  it("a review before the sentence date is refused", () => {
    expect(checkReviewDate({ heldOn: "2025-03-02", sentenceDate: "2025-03-03" })).toMatchObject({
      code: "BEFORE_SENTENCE",
    });
    expect(checkReviewDate({ heldOn: "2025-03-03", sentenceDate: "2025-03-03" }).ok).toBe(true);
  });
});

describe("mandatory reviews due and overdue", () => {
  const sentenceDate = "2025-03-03"; // 6-month due 3 Sep 2025, 9-month due 3 Dec 2025
  it("nothing 15 days before the 6-month date; due soon at 14 days; on the day; overdue the day after", () => {
    expect(mandatoryReviewsDue({ sentenceDate, asOf: "2025-08-19", recordedTypes: [] })).toEqual([]);
    expect(mandatoryReviewsDue({ sentenceDate, asOf: "2025-08-20", recordedTypes: [] })).toEqual([
      { type: "SIX_MONTH", dueOn: "2025-09-03", state: "DUE_SOON" },
    ]);
    expect(mandatoryReviewsDue({ sentenceDate, asOf: "2025-09-03", recordedTypes: [] })[0]?.state).toBe("DUE_SOON");
    expect(mandatoryReviewsDue({ sentenceDate, asOf: "2025-09-04", recordedTypes: [] })[0]?.state).toBe("OVERDUE");
  });

  it("a recorded review of that type clears it; an OTHER review does not", () => {
    expect(mandatoryReviewsDue({ sentenceDate, asOf: "2025-10-01", recordedTypes: ["OTHER"] })).toHaveLength(1);
    expect(mandatoryReviewsDue({ sentenceDate, asOf: "2025-10-01", recordedTypes: ["SIX_MONTH"] })).toEqual([]);
    expect(mandatoryReviewsDue({ sentenceDate, asOf: "2025-12-10", recordedTypes: ["SIX_MONTH"] })).toEqual([
      { type: "NINE_MONTH", dueOn: "2025-12-03", state: "OVERDUE" },
    ]);
  });
});

describe("extension applied for", () => {
  it("stands until the court grants an extension on or after the application", () => {
    expect(isExtensionAppliedFor(null, [])).toBe(false);
    expect(isExtensionAppliedFor("2025-10-01", [])).toBe(true);
    expect(isExtensionAppliedFor("2025-10-01", [{ grantedOn: "2025-06-01" }])).toBe(true);
    expect(isExtensionAppliedFor("2025-10-01", [{ grantedOn: "2025-10-01" }])).toBe(false);
  });
});

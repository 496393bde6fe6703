// §5 RAG that means something: pace is judged only once the order has run a whole pace window.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { deriveRequirementStatus } from "./requirement-status";
import { calendarFrom } from "./bank-holidays";
import { isPaceJudged, ragStatus } from "./rag";
import { isoDateArb } from "./test-arbitraries";

const calendar = calendarFrom([]);
const brandNew = {
  sentenceDate: "2025-06-02",
  hoursOrdered: 100,
  status: "ACTIVE" as const,
  eteEligible: false,
  attendances: [],
  eteCredits: [],
  extensions: [],
  enforcementActions: [],
};

describe("isPaceJudged: 8 weeks after the sentence date", () => {
  it("not on day 55, yes on day 56", () => {
    expect(isPaceJudged({ sentenceDate: "2025-06-02", asOf: addDays("2025-06-02", 55) })).toBe(false);
    expect(isPaceJudged({ sentenceDate: "2025-06-02", asOf: addDays("2025-06-02", 56) })).toBe(true);
  });
});

describe("a brand-new case is not AMBER", () => {
  it("the demo's new case, sentenced today with nothing done, is GREEN with no projection yet", () => {
    const view = deriveRequirementStatus(brandNew, "2025-06-02", { calendar });
    expect(view).toMatchObject({ rag: "GREEN", paceJudged: false, projectedCompletionDate: null });
  });

  it("after 8 weeks with nothing done it is AMBER (no pace, so projected to miss)", () => {
    const view = deriveRequirementStatus(brandNew, "2025-07-28", { calendar });
    expect(view).toMatchObject({ rag: "AMBER", paceJudged: true, projectedCompletionDate: null });
  });

  it("after 8 weeks at 7 hours a week, 44 hours left project well before the end date: GREEN with a date", () => {
    const attendances = Array.from({ length: 8 }, (_, week) => ({
      date: addDays("2025-06-07", week * 7),
      outcome: "ATTENDED_COMPLIED" as const,
      minutesCredited: 420,
    }));
    const view = deriveRequirementStatus({ ...brandNew, attendances }, "2025-07-28", { calendar });
    expect(view.rag).toBe("GREEN");
    // 44 h left at 56 h per 56 days: 44 days.
    expect(view.projectedCompletionDate).toBe(addDays("2025-07-28", 44));
  });

  it("property: before 8 weeks, with the end date more than 4 weeks away, never AMBER", () => {
    fc.assert(
      fc.property(
        isoDateArb,
        fc.integer({ min: 0, max: 55 }),
        fc.integer({ min: 1, max: 18_000 }),
        (sentenceDate, days, outstanding) => {
          const asOf = addDays(sentenceDate, days);
          const rag = ragStatus({
            asOf,
            sentenceDate,
            effectiveEndDate: addDays(sentenceDate, 365),
            outstandingMinutes: outstanding,
            minutesInPaceWindow: 0,
          });
          expect(rag).toBe("GREEN");
        },
      ),
    );
  });

  it("RED still wins for a case whose end date is 4 weeks away, however new", () => {
    expect(
      ragStatus({
        asOf: "2025-06-02",
        sentenceDate: "2025-06-01",
        effectiveEndDate: "2025-06-20",
        outstandingMinutes: 60,
        minutesInPaceWindow: 0,
      }),
    ).toBe("RED");
  });
});

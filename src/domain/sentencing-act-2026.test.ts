import { describe, expect, it } from "vitest";
import { calendarFrom } from "./bank-holidays";
import { ragByPace } from "./rag";
import { deriveRequirementStatus, type RequirementFacts } from "./requirement-status";
import { hoursParagraphs } from "./work-instruction";

// The Sentencing Act 2026 as the derived case view shows it: s.36 across its date, s.37 from proposal to completion.
const calendar = calendarFrom([]);
const facts = (over: Partial<RequirementFacts> = {}): RequirementFacts => ({
  sentenceDate: "2025-01-15",
  hoursOrdered: 100,
  status: "ACTIVE",
  eteEligible: false,
  attendances: [],
  eteCredits: [],
  extensions: [],
  enforcementActions: [],
  ...over,
});

describe("s.36 in the derived view", () => {
  const overrides = { twelveMonthPeriodAbolishedFrom: "2026-04-01" };
  it("the day before: backlog and nearing end as R3/R4 say", () => {
    const view = deriveRequirementStatus(facts(), "2026-03-31", { calendar, overrides });
    expect(view).toMatchObject({ twelveMonthPeriodApplies: true, inBacklog: true, rag: "RED" });
  });
  it("from the date: no backlog, no nearing end, RAG by pace", () => {
    const view = deriveRequirementStatus(facts(), "2026-04-01", { calendar, overrides });
    expect(view).toMatchObject({ twelveMonthPeriodApplies: false, inBacklog: false, nearingEnd: false, rag: "RED" });
  });
});

describe("ragByPace", () => {
  it("red with nothing credited in 8 weeks, amber when the hours left would take over a year, else green", () => {
    expect(ragByPace({ asOf: "2026-05-01", outstandingMinutes: 600, minutesInPaceWindow: 0 })).toBe("RED");
    expect(ragByPace({ asOf: "2026-05-01", outstandingMinutes: 6000, minutesInPaceWindow: 60 })).toBe("AMBER");
    expect(ragByPace({ asOf: "2026-05-01", outstandingMinutes: 600, minutesInPaceWindow: 840 })).toBe("GREEN");
    expect(ragByPace({ asOf: "2026-05-01", outstandingMinutes: 0, minutesInPaceWindow: 0 })).toBeNull();
  });
});

describe("s.37 in the derived view", () => {
  const overrides = { earnedReductionFrom: "2026-06-01" };
  const worked = Array.from({ length: 10 }, (_, i) => ({
    date: `2026-06-${String(i + 1).padStart(2, "0")}`,
    outcome: "ATTENDED_COMPLIED" as const,
    minutesCredited: 480,
  })); // 80 hours
  it("proposed only: the hours required stay as ordered", () => {
    const view = deriveRequirementStatus(facts({ sentenceDate: "2026-05-20", attendances: worked }), "2026-06-20", {
      calendar,
      overrides,
    });
    expect(view).toMatchObject({
      requiredMinutes: 6000,
      status: "ACTIVE",
      earnedReduction: { status: "QUALIFIED", currentMinutes: 1500 },
    });
  });
  it("confirmed: 75 hours required, complete on the decision date", () => {
    const view = deriveRequirementStatus(
      facts({
        sentenceDate: "2026-05-20",
        attendances: worked,
        earnedReductionDecisions: [{ decision: "CONFIRMED", decidedOn: "2026-06-15" }],
      }),
      "2026-06-20",
      { calendar, overrides },
    );
    expect(view).toMatchObject({
      requiredMinutes: 4500,
      outstandingMinutes: 0,
      status: "COMPLETED",
      completedOn: "2026-06-15",
    });
  });
  it("a refusal recorded later stands over an earlier confirmation", () => {
    const view = deriveRequirementStatus(
      facts({
        sentenceDate: "2026-05-20",
        attendances: worked.slice(0, 6),
        earnedReductionDecisions: [
          { decision: "CONFIRMED", decidedOn: "2026-06-07" },
          { decision: "REFUSED", decidedOn: "2026-06-08" },
        ],
      }),
      "2026-06-20",
      { calendar, overrides },
    );
    expect(view.requiredMinutes).toBe(6000);
  });
});

describe("the work instruction's hours", () => {
  it("says the hours required now and the reduction so far and in prospect", () => {
    const lines = hoursParagraphs({
      requiredMinutes: 5670,
      creditedMinutes: 2160,
      earnedReduction: {
        status: "QUALIFIED",
        appliedMinutes: 330,
        currentMinutes: 330,
        projectedMinutes: 1500,
        qualifyingMinutes: 1500,
      },
    });
    expect(lines.join(" ")).toContain("94 hours 30 minutes");
    expect(lines.join(" ")).toContain("5 hours 30 minutes taken off");
    expect(lines.join(" ")).toContain("up to 25 hours");
  });
});

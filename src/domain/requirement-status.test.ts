import { describe, expect, it } from "vitest";
import { SHIPPED_BANK_HOLIDAY_CALENDAR } from "./bank-holidays";
import { deriveRequirementStatus, type RequirementFacts } from "./requirement-status";

const calendar = SHIPPED_BANK_HOLIDAY_CALENDAR;

// Sentenced Fri 19 Dec 2025 to 100 hours; eligible for ETE.
const facts: RequirementFacts = {
  sentenceDate: "2025-12-19",
  hoursOrdered: 100,
  status: "ACTIVE",
  eteEligible: true,
  attendances: [
    { date: "2026-01-07", outcome: "ATTENDED_COMPLIED", minutesCredited: 150, placementType: "INDUCTION" },
    { date: "2026-01-10", outcome: "ATTENDED_COMPLIED", minutesCredited: 420 },
    { date: "2026-01-17", outcome: "UNACCEPTABLE_ABSENCE", minutesCredited: 0 },
  ],
  eteCredits: [{ date: "2026-01-20", minutes: 600 }],
  extensions: [],
  enforcementActions: [],
};

describe("deriveRequirementStatus", () => {
  it("computes the case's fields as of a date", () => {
    const view = deriveRequirementStatus(facts, "2026-01-31", { calendar });
    expect(view).toMatchObject({
      status: "ACTIVE",
      startDeadline: "2026-01-14",
      commencedOn: "2026-01-10",
      commencedWithinDeadline: true,
      twelveMonthEnd: "2026-12-19",
      effectiveEndDate: "2026-12-19",
      minutesCredited: 1170,
      minutesEte: 600,
      requiredMinutes: 6000,
      outstandingMinutes: 4830,
      eteAllowanceMinutes: 1800,
      eteRemainingMinutes: 1200,
      inBacklog: false,
      dormant: false,
      openBreach: false,
      underWarrant: false,
      reviews: [
        { months: 6, dueOn: "2026-06-19" },
        { months: 9, dueOn: "2026-09-19" },
      ],
    });
  });

  it("ignores records after the as-of date", () => {
    const view = deriveRequirementStatus(facts, "2026-01-09", { calendar });
    expect(view.commencedOn).toBeNull();
    expect(view.minutesCredited).toBe(150);
    expect(view.commencedWithinDeadline).toBeNull();
  });

  it("is dormant after 28 quiet days, and in backlog after the 12 months", () => {
    expect(deriveRequirementStatus(facts, "2026-02-16", { calendar }).dormant).toBe(false);
    expect(deriveRequirementStatus(facts, "2026-02-17", { calendar }).dormant).toBe(true);
    const later = deriveRequirementStatus(facts, "2026-12-20", { calendar });
    expect(later).toMatchObject({ inBacklog: true, rag: "RED", nearingEnd: true });
  });

  it("an open breach takes it out of backlog and dormancy; a warrant is reported", () => {
    const breached = {
      ...facts,
      enforcementActions: [
        {
          type: "BREACH" as const,
          date: "2026-02-01",
          outcomes: [{ outcome: "WARRANT_ISSUED" as const, date: "2026-03-01" }],
        },
      ],
    };
    expect(deriveRequirementStatus(breached, "2026-12-20", { calendar })).toMatchObject({
      openBreach: true,
      underWarrant: true,
      inBacklog: false,
      dormant: false,
    });
  });

  it("follows hours added by the court, for the ETE allowance too", () => {
    const added = {
      ...facts,
      hoursOrdered: 120,
      originalHoursOrdered: 100,
      enforcementActions: [
        {
          type: "BREACH" as const,
          date: "2026-02-01",
          outcomes: [{ outcome: "HOURS_ADDED" as const, date: "2026-03-01", newHoursOrdered: 120 }],
        },
      ],
    };
    expect(deriveRequirementStatus(added, "2026-02-28", { calendar })).toMatchObject({
      requiredMinutes: 6000,
      eteAllowanceMinutes: 1800,
      openBreach: true,
    });
    expect(deriveRequirementStatus(added, "2026-03-01", { calendar })).toMatchObject({
      requiredMinutes: 7200,
      eteAllowanceMinutes: 2160,
      openBreach: false,
    });
  });

  it("completes on the date the credits reach the hours ordered", () => {
    const done = {
      ...facts,
      hoursOrdered: 40,
      attendances: [
        ...facts.attendances,
        ...[24, 31].map((d) => ({ date: `2026-01-${d}`, outcome: "ATTENDED_COMPLIED" as const, minutesCredited: 420 })),
      ],
      eteCredits: [{ date: "2026-01-20", minutes: 720 }],
    };
    // 150 + 420 + 720 + 420 = 1710 by 24 Jan; 2400 needed; the 31 Jan session brings 2130 — not yet.
    expect(deriveRequirementStatus(done, "2026-02-01", { calendar })).toMatchObject({
      status: "ACTIVE",
      completedOn: null,
    });
    const more = {
      ...done,
      attendances: [
        ...done.attendances,
        { date: "2026-02-07", outcome: "ATTENDED_COMPLIED" as const, minutesCredited: 420 },
      ],
    };
    expect(deriveRequirementStatus(more, "2026-02-07", { calendar })).toMatchObject({
      status: "COMPLETED",
      completedOn: "2026-02-07",
      minutesCredited: 2400,
      rag: null,
      completedWithinTwelveMonths: true,
    });
  });

  it("nothing is in backlog once s.36 is in force", () => {
    const view = deriveRequirementStatus(facts, "2026-12-20", {
      calendar,
      overrides: { twelveMonthPeriodAbolishedFrom: "2026-12-01" },
    });
    expect(view.inBacklog).toBe(false);
  });

  it("someone not eligible for ETE has no allowance", () => {
    const view = deriveRequirementStatus({ ...facts, eteEligible: false, eteCredits: [] }, "2026-01-31", { calendar });
    expect(view).toMatchObject({ eteAllowanceMinutes: 0, eteRemainingMinutes: 0 });
  });
});

// R2, R4, R5 for a consecutive requirement (docs/decisions/0049): its clock starts when the earlier
// order ends. Sentenced Mon 2 March 2026 to 60 hours, consecutive to an earlier order.
describe("a consecutive requirement waiting for the earlier order", () => {
  const later: RequirementFacts = {
    sentenceDate: "2026-03-02",
    hoursOrdered: 60,
    status: "ACTIVE",
    eteEligible: false,
    attendances: [],
    eteCredits: [],
    extensions: [],
    enforcementActions: [],
  };
  const waiting = { ...later, runsAfter: { endedOn: null } };
  // The earlier order completed on Thu 2 April 2026, the day before Good Friday.
  const endedThursday = { ...later, runsAfter: { endedOn: "2026-04-02" as const } };

  it("while the earlier order runs: no start deadline, never late, dormant or in the backlog", () => {
    for (const asOf of ["2026-03-02", "2026-03-31", "2026-09-01", "2027-04-10"] as const) {
      const view = deriveRequirementStatus(waiting, asOf, { calendar });
      expect(view).toMatchObject({
        waitingForEarlierOrder: true,
        startDeadline: null,
        commencedWithinDeadline: null,
        dormant: false,
        inBacklog: false,
        status: "ACTIVE",
      });
    }
    // The same requirement on its own would be late, dormant and (after 12 months) in the backlog.
    expect(deriveRequirementStatus(later, "2027-04-10", { calendar })).toMatchObject({
      waitingForEarlierOrder: false,
      startDeadline: "2026-03-23",
      commencedWithinDeadline: false,
      dormant: true,
      inBacklog: true,
    });
  });

  it("ended Thu 2 April 2026: waiting on 1 April, workable on 2 April; 15 working days skip Good Friday and Easter Monday", () => {
    expect(deriveRequirementStatus(endedThursday, "2026-04-01", { calendar })).toMatchObject({
      waitingForEarlierOrder: true,
      startDeadline: null,
      dormant: false,
    });
    const onTheDay = deriveRequirementStatus(endedThursday, "2026-04-02", { calendar });
    expect(onTheDay).toMatchObject({ waitingForEarlierOrder: false, startDeadline: "2026-04-27", dormant: false });
    expect(deriveRequirementStatus(endedThursday, "2026-04-27", { calendar }).commencedWithinDeadline).toBeNull();
    expect(deriveRequirementStatus(endedThursday, "2026-04-28", { calendar }).commencedWithinDeadline).toBe(false);
  });

  it("dormancy counts 28 days from the day the earlier order ended, not from sentence", () => {
    expect(deriveRequirementStatus(endedThursday, "2026-04-29", { calendar }).dormant).toBe(false);
    expect(deriveRequirementStatus(endedThursday, "2026-04-30", { calendar }).dormant).toBe(true);
  });

  it("ended on a Saturday (21 March 2026): the 15 working days start on Monday and skip Easter", () => {
    const view = deriveRequirementStatus({ ...later, runsAfter: { endedOn: "2026-03-21" } }, "2026-03-21", {
      calendar,
    });
    expect(view).toMatchObject({ waitingForEarlierOrder: false, startDeadline: "2026-04-14" });
  });

  it("an earlier order that ended before this one was made: the clock runs from the sentence date", () => {
    const view = deriveRequirementStatus({ ...later, runsAfter: { endedOn: "2026-02-20" } }, "2026-03-02", {
      calendar,
    });
    expect(view).toMatchObject({ waitingForEarlierOrder: false, startDeadline: "2026-03-23" });
  });

  it("the 12-month period still runs from its own sentence date once it can be worked", () => {
    expect(deriveRequirementStatus(endedThursday, "2027-03-03", { calendar }).inBacklog).toBe(true);
  });
});

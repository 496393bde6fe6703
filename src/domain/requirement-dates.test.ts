import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SHIPPED_BANK_HOLIDAY_CALENDAR } from "./bank-holidays";
import { policyOn } from "./policy";
import {
  checkWithinEffectiveEnd,
  commencedOn,
  commencedWithinDeadline,
  completedWithinTwelveMonths,
  effectiveEndDate,
  needsLateStartReason,
  reviewDueDates,
  startDeadline,
  twelveMonthEnd,
  validateExtension,
} from "./requirement-dates";
import { shippedYearsDateArb } from "./test-arbitraries";
import { isWorkingDay, workingDaysBetween } from "./working-days";

const cal = SHIPPED_BANK_HOLIDAY_CALENDAR;

describe("R2 startDeadline = 15 working days after sentence", () => {
  it.each([
    ["Fri 19 Dec 2025: skips Christmas, Boxing Day and New Year", "2025-12-19", "2026-01-14"],
    ["Fri 18 Dec 2026: Boxing Day (Sat) moves to Mon 28 Dec", "2026-12-18", "2027-01-13"],
    ["Thu 28 Mar 2024: skips Good Friday and Easter Monday", "2024-03-28", "2024-04-22"],
    ["Fri 1 May 2020: Mon 4 May is a working day that year, Fri 8 May is not", "2020-05-01", "2020-05-26"],
    ["Fri 27 May 2022: skips the Jubilee Thursday and Friday", "2022-05-27", "2022-06-21"],
    ["Mon 12 Sep 2022: skips the State Funeral", "2022-09-12", "2022-10-04"],
    ["Mon 1 May 2023 (itself a holiday): skips the Coronation", "2023-05-01", "2023-05-23"],
    ["Sat 31 Jan 2026: counting starts on Monday", "2026-01-31", "2026-02-20"],
  ])("%s → %s", (_, sentenceDate, deadline) => {
    expect(startDeadline(sentenceDate, cal)).toBe(deadline);
  });

  it("is always a working day exactly 15 working days after the sentence date", () => {
    fc.assert(
      fc.property(shippedYearsDateArb, (sentenceDate) => {
        const deadline = startDeadline(sentenceDate, cal);
        expect(isWorkingDay(deadline, cal)).toBe(true);
        expect(workingDaysBetween(sentenceDate, deadline, cal)).toBe(15);
        expect(deadline > sentenceDate).toBe(true);
      }),
    );
  });
});

describe("R3 twelveMonthEnd", () => {
  it.each([
    ["2025-01-31", "2026-01-31"],
    ["2024-02-29", "2025-02-28"],
    ["2025-11-30", "2026-11-30"],
    ["2025-12-19", "2026-12-19"],
  ])("sentenced %s → %s", (sentenceDate, end) => {
    expect(twelveMonthEnd(sentenceDate)).toBe(end);
  });
});

describe("R3 effectiveEndDate and extensions", () => {
  const sentenceDate = "2025-01-31";

  it("is sentence + 12 months without an extension", () => {
    expect(effectiveEndDate(sentenceDate, [])).toBe("2026-01-31");
  });

  it("is the latest granted extension's new end date", () => {
    const extensions = [
      { grantedOn: "2026-01-20", newEndDate: "2026-04-30" },
      { grantedOn: "2026-04-15", newEndDate: "2026-07-31" },
    ];
    expect(effectiveEndDate(sentenceDate, extensions)).toBe("2026-07-31");
    expect(effectiveEndDate(sentenceDate, extensions, "2026-03-01")).toBe("2026-04-30");
    expect(effectiveEndDate(sentenceDate, extensions, "2026-01-19")).toBe("2026-01-31");
  });

  it("refuses an extension that is not later than the current end date (EXTENSION_NOT_LATER)", () => {
    const result = validateExtension({
      sentenceDate,
      extensions: [],
      proposed: { grantedOn: "2026-01-20", newEndDate: "2026-01-31" },
    });
    expect(result).toMatchObject({ ok: false, code: "EXTENSION_NOT_LATER", field: "newEndDate" });
    if (!result.ok) expect(result.message).toContain("31 January 2026");
  });

  it("compares with the latest extension, not the original 12 months", () => {
    const extensions = [{ grantedOn: "2026-01-20", newEndDate: "2026-06-30" }];
    expect(
      validateExtension({ sentenceDate, extensions, proposed: { grantedOn: "2026-06-01", newEndDate: "2026-05-31" } })
        .ok,
    ).toBe(false);
    expect(
      validateExtension({ sentenceDate, extensions, proposed: { grantedOn: "2026-06-01", newEndDate: "2026-07-01" } })
        .ok,
    ).toBe(true);
  });
});

describe("R3 reviews at 6 and 9 months", () => {
  it("clamps at month ends", () => {
    expect(reviewDueDates("2025-08-31")).toEqual([
      { months: 6, dueOn: "2026-02-28" },
      { months: 9, dueOn: "2026-05-31" },
    ]);
  });
});

describe("R3 checkWithinEffectiveEnd (EXTENSION_REQUIRED)", () => {
  const end = "2026-01-31";

  it("allows a session on the end date itself", () => {
    expect(checkWithinEffectiveEnd({ sessionDate: end, effectiveEndDate: end, today: "2026-01-20" }).ok).toBe(true);
  });

  it("refuses a session the day after", () => {
    expect(
      checkWithinEffectiveEnd({ sessionDate: "2026-02-01", effectiveEndDate: end, today: "2026-01-20" }),
    ).toMatchObject({
      ok: false,
      code: "EXTENSION_REQUIRED",
    });
  });

  it("no longer applies once the Sentencing Act 2026 s.36 is in force", () => {
    const overrides = { twelveMonthPeriodAbolishedFrom: "2026-09-01" };
    const input = { sessionDate: "2026-09-05", effectiveEndDate: end, today: "2026-09-02" };
    expect(checkWithinEffectiveEnd(input, policyOn("2026-09-05", overrides)).ok).toBe(true);
    const before = { sessionDate: "2026-08-28", effectiveEndDate: end, today: "2026-08-20" };
    expect(checkWithinEffectiveEnd(before, policyOn("2026-08-28", overrides)).ok).toBe(false);
  });
});

describe("R2 commencement", () => {
  it("starts at the first attended work session, not an induction or an absence", () => {
    expect(
      commencedOn([
        { date: "2026-01-20", outcome: "ATTENDED_COMPLIED" },
        { date: "2026-01-10", outcome: "ATTENDED_COMPLIED", placementType: "INDUCTION" },
        { date: "2026-01-12", outcome: "ACCEPTABLE_ABSENCE" },
        { date: "2026-01-14", outcome: "UNACCEPTABLE_ABSENCE" },
        { date: "2026-01-17", outcome: "ATTENDED_FAILED_TO_COMPLY" },
      ]),
    ).toBe("2026-01-17");
  });

  it("is null before any attendance, and ignores attendance after asOf", () => {
    expect(commencedOn([])).toBeNull();
    expect(commencedOn([{ date: "2026-02-01", outcome: "ATTENDED_COMPLIED" }], "2026-01-31")).toBeNull();
  });

  it("knows whether it commenced by the deadline", () => {
    expect(commencedWithinDeadline("2026-01-14", "2026-01-14", "2026-03-01")).toBe(true);
    expect(commencedWithinDeadline("2026-01-15", "2026-01-14", "2026-03-01")).toBe(false);
    expect(commencedWithinDeadline(null, "2026-01-14", "2026-01-14")).toBeNull();
    expect(commencedWithinDeadline(null, "2026-01-14", "2026-01-15")).toBe(false);
  });

  it("asks for a late-start reason only for the first work session after the deadline", () => {
    const base = { startDeadline: "2026-01-14", isFirstWorkSession: true, placementType: "GROUP" as const };
    expect(needsLateStartReason({ ...base, sessionDate: "2026-01-14" })).toBe(false);
    expect(needsLateStartReason({ ...base, sessionDate: "2026-01-15" })).toBe(true);
    expect(needsLateStartReason({ ...base, sessionDate: "2026-01-15", isFirstWorkSession: false })).toBe(false);
    expect(needsLateStartReason({ ...base, sessionDate: "2026-01-15", placementType: "INDUCTION" })).toBe(false);
  });
});

describe("completed within 12 months (SL029)", () => {
  it("uses sentence + 12 months, ignoring extensions", () => {
    expect(completedWithinTwelveMonths("2024-02-29", "2025-02-28")).toBe(true);
    expect(completedWithinTwelveMonths("2024-02-29", "2025-03-01")).toBe(false);
    expect(completedWithinTwelveMonths("2024-02-29", null)).toBe(false);
  });
});

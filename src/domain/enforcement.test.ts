import { describe, expect, it } from "vitest";
import {
  breachStateOn,
  checkWarningAllowed,
  enforcementDue,
  validateBreachOutcome,
  warningLiveUntil,
  type EnforcementAction,
} from "./enforcement";
import { warningLetter } from "./warning-letter";

const warning = (date: string): EnforcementAction => ({ type: "WARNING", date });

describe("R9 enforcementDue", () => {
  it("a first failure calls for a warning", () => {
    expect(enforcementDue("2026-02-10", [])).toBe("WARNING");
  });

  it("a failure within 12 months of a warning on the order calls for breach", () => {
    expect(enforcementDue("2026-02-10", [warning("2025-03-03")])).toBe("BREACH");
    expect(enforcementDue("2026-03-03", [warning("2025-03-03")])).toBe("BREACH");
  });

  it("a failure more than 12 months after the warning calls for a new warning", () => {
    expect(enforcementDue("2026-03-04", [warning("2025-03-03")])).toBe("WARNING");
  });

  it("a warning given on 29 Feb 2024 lasts until 28 Feb 2025", () => {
    expect(warningLiveUntil("2024-02-29")).toBe("2025-02-28");
    expect(enforcementDue("2025-02-28", [warning("2024-02-29")])).toBe("BREACH");
    expect(enforcementDue("2025-03-01", [warning("2024-02-29")])).toBe("WARNING");
  });

  it("a warning given after the failure date does not count for it", () => {
    expect(enforcementDue("2026-01-10", [warning("2026-01-12")])).toBe("WARNING");
  });

  it("a breach on its own does not make the next failure a breach", () => {
    expect(enforcementDue("2026-02-10", [{ type: "BREACH", date: "2025-12-01" }])).toBe("WARNING");
  });
});

describe("R9 checkWarningAllowed", () => {
  it("refuses a second warning within 12 months (SECOND_WARNING_NOT_ALLOWED)", () => {
    const result = checkWarningAllowed("2026-02-10", [warning("2025-03-03")]);
    expect(result).toMatchObject({
      ok: false,
      code: "SECOND_WARNING_NOT_ALLOWED",
      details: { previousWarningDate: "2025-03-03" },
    });
    if (!result.ok) expect(result.message).toContain("3 March 2025");
  });

  it("allows a warning when none was given in the last 12 months", () => {
    expect(checkWarningAllowed("2026-03-04", [warning("2025-03-03")]).ok).toBe(true);
    expect(checkWarningAllowed("2026-03-04", []).ok).toBe(true);
  });
});

describe("R9 breach state", () => {
  const breach = (outcomes: EnforcementAction["outcomes"] = []): EnforcementAction => ({
    type: "BREACH",
    date: "2026-02-01",
    outcomes,
  });

  it("a breach is open until the court decides", () => {
    expect(breachStateOn("2026-01-31", [breach()])).toEqual({ openBreach: false, underWarrant: false });
    expect(breachStateOn("2026-02-01", [breach()])).toEqual({ openBreach: true, underWarrant: false });
  });

  it.each(["CONTINUE", "HOURS_ADDED", "REVOKED"] as const)("%s closes the breach", (outcome) => {
    const action = breach([{ outcome, date: "2026-03-01", newHoursOrdered: 120 }]);
    expect(breachStateOn("2026-02-28", [action]).openBreach).toBe(true);
    expect(breachStateOn("2026-03-01", [action]).openBreach).toBe(false);
  });

  it("a warrant keeps it open and under warrant until executed", () => {
    const action = breach([
      { outcome: "WARRANT_ISSUED", date: "2026-03-01" },
      { outcome: "WARRANT_EXECUTED", date: "2026-05-10" },
      { outcome: "CONTINUE", date: "2026-05-20" },
    ]);
    expect(breachStateOn("2026-03-01", [action])).toEqual({ openBreach: true, underWarrant: true });
    expect(breachStateOn("2026-05-10", [action])).toEqual({ openBreach: true, underWarrant: false });
    expect(breachStateOn("2026-05-20", [action])).toEqual({ openBreach: false, underWarrant: false });
  });

  it("warnings are never breaches", () => {
    expect(breachStateOn("2026-03-01", [warning("2026-01-01")]).openBreach).toBe(false);
  });
});

describe("R9 validateBreachOutcome", () => {
  const base = { currentHoursOrdered: 100, orderHadUnpaidWork: true };
  const open: EnforcementAction = { type: "BREACH", date: "2026-02-01", outcomes: [] };

  it("HOURS_ADDED sets the new hours, at most 300", () => {
    expect(
      validateBreachOutcome({
        ...base,
        action: open,
        outcome: { outcome: "HOURS_ADDED", date: "2026-03-01", newHoursOrdered: 130 },
      }),
    ).toEqual({
      ok: true,
      value: { closesBreach: true, underWarrant: false, newHoursOrdered: 130, terminates: false },
    });
    expect(
      validateBreachOutcome({
        ...base,
        action: open,
        outcome: { outcome: "HOURS_ADDED", date: "2026-03-01", newHoursOrdered: 310 },
      }),
    ).toMatchObject({ ok: false, code: "HOURS_OUT_OF_RANGE" });
  });

  it("HOURS_ADDED to an order with no unpaid work needs at least 20 hours", () => {
    const input = { currentHoursOrdered: 0, orderHadUnpaidWork: false, action: open };
    expect(
      validateBreachOutcome({ ...input, outcome: { outcome: "HOURS_ADDED", date: "2026-03-01", newHoursOrdered: 20 } })
        .ok,
    ).toBe(true);
    expect(
      validateBreachOutcome({ ...input, outcome: { outcome: "HOURS_ADDED", date: "2026-03-01", newHoursOrdered: 19 } })
        .ok,
    ).toBe(false);
  });

  it("REVOKED terminates the requirement", () => {
    const result = validateBreachOutcome({
      ...base,
      action: open,
      outcome: { outcome: "REVOKED", date: "2026-03-01" },
    });
    expect(result).toMatchObject({ ok: true, value: { terminates: true, closesBreach: true } });
  });

  it("WARRANT_ISSUED keeps the breach open; WARRANT_EXECUTED needs a warrant", () => {
    expect(
      validateBreachOutcome({ ...base, action: open, outcome: { outcome: "WARRANT_ISSUED", date: "2026-03-01" } }),
    ).toMatchObject({
      ok: true,
      value: { closesBreach: false, underWarrant: true },
    });
    expect(
      validateBreachOutcome({ ...base, action: open, outcome: { outcome: "WARRANT_EXECUTED", date: "2026-03-01" } }),
    ).toMatchObject({
      ok: false,
      code: "OUTCOME_NOT_ALLOWED",
    });
    const underWarrant: EnforcementAction = { ...open, outcomes: [{ outcome: "WARRANT_ISSUED", date: "2026-03-01" }] };
    expect(
      validateBreachOutcome({
        ...base,
        action: underWarrant,
        outcome: { outcome: "WARRANT_EXECUTED", date: "2026-04-01" },
      }).ok,
    ).toBe(true);
    expect(
      validateBreachOutcome({ ...base, action: underWarrant, outcome: { outcome: "CONTINUE", date: "2026-04-01" } }).ok,
    ).toBe(false);
  });

  it("refuses outcomes on a closed breach, on a warning, or dated before the breach", () => {
    const closed: EnforcementAction = { ...open, outcomes: [{ outcome: "CONTINUE", date: "2026-03-01" }] };
    expect(
      validateBreachOutcome({ ...base, action: closed, outcome: { outcome: "REVOKED", date: "2026-04-01" } }),
    ).toMatchObject({ ok: false, code: "OUTCOME_NOT_ALLOWED" });
    expect(
      validateBreachOutcome({
        ...base,
        action: warning("2026-02-01"),
        outcome: { outcome: "CONTINUE", date: "2026-03-01" },
      }).ok,
    ).toBe(false);
    expect(
      validateBreachOutcome({ ...base, action: open, outcome: { outcome: "CONTINUE", date: "2026-01-31" } }),
    ).toMatchObject({ ok: false, field: "date" });
  });
});

describe("R9 warning letter", () => {
  const base = {
    personName: "Sam Smith",
    crn: "X123456",
    warningDate: "2026-02-03",
    failureDate: "2026-01-31",
    failureDescription: "you did not attend your work session and gave no acceptable reason.",
    order: {
      kind: "COMMUNITY_ORDER" as const,
      court: "Leeds Magistrates' Court",
      sentenceDate: "2025-11-10",
      hoursOrdered: 120,
    },
    address: ["12 High Street", "Leeds", "LS1 4AB"],
    officer: { name: "Alex Jones", contact: "0113 496 0000" },
    deliveredBy: "IN_PERSON" as const,
  };

  it("states the failure, that it is unacceptable, and that another within 12 months makes them liable to be brought back before the court", () => {
    const letter = warningLetter(base);
    const text = letter.paragraphs.join("\n");
    expect(text).toContain("31 January 2026");
    expect(text).toContain("unacceptable");
    expect(text).toContain("within 12 months of this warning (by 3 February 2027)");
    expect(text).toContain("liable to be brought back before the court");
  });

  it("refers to the order, is addressed to the person, and says who gave it, when and how", () => {
    const letter = warningLetter(base);
    expect(letter.title).toBe("Formal warning: failure to comply with your community order");
    expect(letter.paragraphs.join("\n")).toContain(
      "the community order made by Leeds Magistrates' Court on 10 November 2025",
    );
    expect(letter.addressBlock).toEqual(["Sam Smith", "12 High Street", "Leeds", "LS1 4AB"]);
    expect(letter.signOff).toEqual([
      "This warning was given to you in person on 3 February 2026 by Alex Jones.",
      "Contact Alex Jones: 0113 496 0000.",
    ]);
  });

  it("describes a failure without a date (older records) and says when no address is recorded", () => {
    const letter = warningLetter({
      ...base,
      failureDate: null,
      address: null,
      failureDescription: "you left the work site without permission.",
    });
    expect(letter.paragraphs[2]).toBe(
      "You failed to comply with the requirements of your order: you left the work site without permission.",
    );
    expect(letter.addressBlock).toEqual(["Sam Smith", "No address recorded"]);
  });
});

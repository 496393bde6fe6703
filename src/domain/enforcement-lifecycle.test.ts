import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SHIPPED_BANK_HOLIDAY_CALENDAR as calendar } from "./bank-holidays";
import { addDays } from "./dates";
import {
  breachStateOn,
  checkWarningAllowed,
  enforcementDue,
  orderHadUnpaidWorkBefore,
  validateBreachOutcome,
  type EnforcementAction,
} from "./enforcement";
import {
  checkFailureNamed,
  enforcementDecisionDueBy,
  enforcementTimescale,
  lastOverdueFailureDate,
  withdrawsEnforcement,
} from "./enforcement-lifecycle";
import { shippedYearsDateArb } from "./test-arbitraries";

describe("R9 checkFailureNamed: every action answers a failure", () => {
  it("refuses a warning that names no failure (FAILURE_REQUIRED)", () => {
    expect(checkFailureNamed({ actionDate: "2026-02-10" })).toMatchObject({
      ok: false,
      code: "FAILURE_REQUIRED",
      field: "attendanceId",
    });
  });
  it("accepts a recorded failure, or a described failure with its date", () => {
    expect(checkFailureNamed({ actionDate: "2026-02-10", attendanceId: "a" }).ok).toBe(true);
    expect(
      checkFailureNamed({ actionDate: "2026-02-10", failureDate: "2026-02-09", failureDescription: "Left site early" })
        .ok,
    ).toBe(true);
  });
  it("needs both the date and the description of a described failure", () => {
    expect(checkFailureNamed({ actionDate: "2026-02-10", failureDate: "2026-02-09" })).toMatchObject({
      code: "FAILURE_REQUIRED",
      field: "failureDescription",
    });
    expect(checkFailureNamed({ actionDate: "2026-02-10", failureDescription: "x" })).toMatchObject({
      code: "FAILURE_REQUIRED",
      field: "failureDate",
    });
    expect(
      checkFailureNamed({ actionDate: "2026-02-10", failureDate: "2026-02-09", failureDescription: "   " }),
    ).toMatchObject({ field: "failureDescription" });
  });
  it("refuses a failure dated after the action, and both kinds at once", () => {
    expect(
      checkFailureNamed({ actionDate: "2026-02-10", failureDate: "2026-02-11", failureDescription: "x" }),
    ).toMatchObject({ field: "failureDate" });
    expect(
      checkFailureNamed({
        actionDate: "2026-02-10",
        attendanceId: "a",
        failureDate: "2026-02-09",
        failureDescription: "x",
      }).ok,
    ).toBe(false);
  });
});

describe("R9 timescale: 10 working days to act on a failure", () => {
  it("counts working days from the day after the failure", () => {
    // Mon 2 Feb 2026 → Mon 16 Feb 2026 (ten working days, no bank holidays).
    expect(enforcementDecisionDueBy("2026-02-02", calendar)).toBe("2026-02-16");
  });
  it("skips Easter: Thu 2 Apr 2026 → Mon 20 Apr 2026 (Good Friday and Easter Monday are not working days)", () => {
    expect(enforcementDecisionDueBy("2026-04-02", calendar)).toBe("2026-04-20");
  });
  it("a failure on a Saturday counts from Monday", () => {
    expect(enforcementDecisionDueBy("2026-02-07", calendar)).toBe("2026-02-20");
  });
  it("is due on its due date and overdue the day after", () => {
    expect(enforcementTimescale("2026-02-16", "2026-02-16")).toBe("DUE");
    expect(enforcementTimescale("2026-02-16", "2026-02-17")).toBe("OVERDUE");
  });
  it("over Christmas 2025: a failure on Mon 22 Dec is due on Thu 8 Jan", () => {
    expect(enforcementDecisionDueBy("2025-12-22", calendar)).toBe("2026-01-08");
  });
  it("the overdue cut-off agrees with the due date for every failure date (property)", () => {
    fc.assert(
      fc.property(shippedYearsDateArb, fc.integer({ min: 0, max: 40 }), (asOf, back) => {
        const failure = addDays(asOf, -back);
        const cutOff = lastOverdueFailureDate(asOf, calendar);
        const overdue = enforcementTimescale(enforcementDecisionDueBy(failure, calendar), asOf) === "OVERDUE";
        expect(failure <= cutOff).toBe(overdue);
      }),
    );
  });
});

describe("R9 withdrawal", () => {
  it("a failure corrected to an acceptable absence that stands withdraws the action", () => {
    expect(withdrawsEnforcement("ACCEPTABLE_ABSENCE", "NOT_NEEDED")).toBe(true);
    expect(withdrawsEnforcement("ACCEPTABLE_ABSENCE", "APPROVED")).toBe(true);
    expect(withdrawsEnforcement("ATTENDED_COMPLIED", "NOT_NEEDED")).toBe(true);
  });
  it("keeps the action while a 3rd+ acceptable absence awaits approval, or when it is still a failure", () => {
    expect(withdrawsEnforcement("ACCEPTABLE_ABSENCE", "PENDING")).toBe(false);
    expect(withdrawsEnforcement("ACCEPTABLE_ABSENCE", "REJECTED")).toBe(false);
    expect(withdrawsEnforcement("ATTENDED_FAILED_TO_COMPLY", "NOT_NEEDED")).toBe(false);
  });
  it("a withdrawn warning does not count: the next failure is a first, and a new warning is allowed", () => {
    const withdrawn: EnforcementAction = { type: "WARNING", date: "2026-01-12", withdrawn: true };
    expect(enforcementDue("2026-02-10", [withdrawn])).toBe("WARNING");
    expect(checkWarningAllowed("2026-02-10", [withdrawn]).ok).toBe(true);
  });
  it("a withdrawn breach is not open", () => {
    expect(breachStateOn("2026-02-10", [{ type: "BREACH", date: "2026-01-12", withdrawn: true }]).openBreach).toBe(
      false,
    );
  });
});

describe("R9 court outcomes (second round)", () => {
  const breach: EnforcementAction = { type: "BREACH", date: "2026-01-12" };
  const base = {
    action: breach,
    currentHoursOrdered: 100,
    orderHadUnpaidWork: true,
    orderType: "COMMUNITY_ORDER" as const,
  };
  it.each(["FINE", "ORDER_AMENDED", "NOT_PROVEN", "WITHDRAWN_BY_COURT"] as const)(
    "%s closes the breach and keeps the requirement",
    (outcome) => {
      const r = validateBreachOutcome({ ...base, outcome: { outcome, date: "2026-02-01" } });
      expect(r).toMatchObject({ ok: true, value: { closesBreach: true, terminates: false } });
      expect(breachStateOn("2026-02-01", [{ ...breach, outcomes: [{ outcome, date: "2026-02-01" }] }]).openBreach).toBe(
        false,
      );
    },
  );
  it("REVOKED_AND_RESENTENCED ends the requirement", () => {
    expect(
      validateBreachOutcome({ ...base, outcome: { outcome: "REVOKED_AND_RESENTENCED", date: "2026-02-01" } }),
    ).toMatchObject({
      ok: true,
      value: { closesBreach: true, terminates: true },
    });
  });
  it("SSO_ACTIVATED only for a suspended sentence order", () => {
    expect(validateBreachOutcome({ ...base, outcome: { outcome: "SSO_ACTIVATED", date: "2026-02-01" } })).toMatchObject(
      { ok: false, code: "OUTCOME_NOT_ALLOWED" },
    );
    expect(
      validateBreachOutcome({
        ...base,
        orderType: "SUSPENDED_SENTENCE_ORDER",
        outcome: { outcome: "SSO_ACTIVATED", date: "2026-02-01" },
      }),
    ).toMatchObject({ ok: true, value: { terminates: true } });
  });
  it("whether the order had unpaid work is derived from its requirements' dates", () => {
    expect(orderHadUnpaidWorkBefore("2026-01-12", ["2025-03-01"])).toBe(true);
    expect(orderHadUnpaidWorkBefore("2026-01-12", ["2026-01-12"])).toBe(true);
    expect(orderHadUnpaidWorkBefore("2026-01-12", ["2026-01-13"])).toBe(false);
    expect(orderHadUnpaidWorkBefore("2026-01-12", [])).toBe(false);
  });
  it("with no unpaid work before, the court must add at least 20 hours", () => {
    const r = validateBreachOutcome({
      ...base,
      orderHadUnpaidWork: false,
      outcome: { outcome: "HOURS_ADDED", date: "2026-02-01", newHoursOrdered: 19 },
    });
    expect(r).toMatchObject({ ok: false, code: "HOURS_OUT_OF_RANGE" });
  });
});

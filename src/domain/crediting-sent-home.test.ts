// R7/R8 made exact: someone sent home is credited only up to the time they were sent home.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkLeavingTime, creditForOutcome, sentHomeByServiceCredit } from "./crediting";
import { policyOn } from "./policy";
import { timeOfDayFromMinutes } from "./time-of-day";

const session = { startTime: "09:00", endTime: "16:00" }; // a 7-hour group session
const withMinimumFrom2027 = policyOn("2027-06-01", {
  entries: [
    { appliesFrom: "2027-01-01", source: "test: a one-hour minimum", values: { sentHomeByServiceMinimumMinutes: 60 } },
  ],
});

describe("sent home for behaviour needs the time they were sent home", () => {
  it("with no leaving time the record is refused, never the whole session (the demo's 7 hours)", () => {
    expect(creditForOutcome({ outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", session })).toMatchObject({
      ok: false,
      code: "LEAVING_TIME_REQUIRED",
      field: "leftAt",
    });
  });

  it("credits the time before being sent home", () => {
    expect(creditForOutcome({ outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", session, leftAt: "11:20" })).toEqual({
      ok: true,
      value: 140,
    });
    expect(
      creditForOutcome({
        outcome: "ATTENDED_SENT_HOME_BEHAVIOUR",
        session,
        arrivedAt: "09:30",
        leftAt: "11:00",
        penaltyMinutes: 10,
      }),
    ).toEqual({ ok: true, value: 80 });
  });

  it("minutes instead of the time, or a leaving time at or after the session's end, are refused", () => {
    expect(creditForOutcome({ outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", session, minutesCredited: 420 })).toMatchObject({
      code: "LEAVING_TIME_REQUIRED",
    });
    expect(creditForOutcome({ outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", session, leftAt: "16:00" })).toMatchObject({
      code: "LEAVING_TIME_REQUIRED",
    });
    expect(checkLeavingTime({ outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", session, leftAt: "15:59" }).ok).toBe(true);
  });

  it("other attended outcomes still default to the session's times", () => {
    expect(creditForOutcome({ outcome: "ATTENDED_COMPLIED", session })).toEqual({ ok: true, value: 420 });
    expect(checkLeavingTime({ outcome: "ATTENDED_FAILED_TO_COMPLY", session }).ok).toBe(true);
  });
});

describe("sent home by the service credits the time present up to the stand-down", () => {
  it("rained off at 09:15 credits 15 minutes, not 7 hours, when no minimum is set", () => {
    expect(creditForOutcome({ outcome: "ATTENDED_SENT_HOME_SERVICE", session, leftAt: "09:15" })).toEqual({
      ok: true,
      value: 15,
    });
    expect(creditForOutcome({ outcome: "ATTENDED_SENT_HOME_SERVICE", session })).toMatchObject({
      code: "LEAVING_TIME_REQUIRED",
    });
  });

  it("a dated minimum credit applies from its date only", () => {
    const entries = [
      {
        appliesFrom: "2027-01-01",
        source: "test: a one-hour minimum",
        values: { sentHomeByServiceMinimumMinutes: 60 },
      },
    ];
    const before = policyOn("2026-12-31", { entries });
    expect(before.sentHomeByServiceMinimumMinutes).toBeNull();
    expect(
      creditForOutcome({ outcome: "ATTENDED_SENT_HOME_SERVICE", session, leftAt: "09:15" }, withMinimumFrom2027),
    ).toEqual({ ok: true, value: 60 });
    expect(
      creditForOutcome({ outcome: "ATTENDED_SENT_HOME_SERVICE", session, leftAt: "11:00" }, withMinimumFrom2027),
    ).toEqual({ ok: true, value: 120 });
    // The minimum never passes the session's length (a 45-minute induction stood down at once).
    expect(sentHomeByServiceCredit(5, { startTime: "10:00", endTime: "10:45" }, withMinimumFrom2027)).toBe(45);
  });

  it("property: the credit is never more than the time up to the stand-down, nor the session's length", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 419 }), fc.integer({ min: 0, max: 419 }), (a, b) => {
        const [arrive, leave] = a <= b ? [a, b] : [b, a];
        const arrivedAt = timeOfDayFromMinutes(9 * 60 + arrive);
        const leftAt = timeOfDayFromMinutes(9 * 60 + leave);
        const credit = creditForOutcome({ outcome: "ATTENDED_SENT_HOME_SERVICE", session, arrivedAt, leftAt });
        expect(credit).toEqual({ ok: true, value: leave - arrive });
      }),
    );
  });
});

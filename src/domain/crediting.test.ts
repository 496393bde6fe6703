import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ATTENDANCE_OUTCOMES } from "./attendance-outcomes";
import {
  applyCredit,
  capToRequired,
  checkAttendanceDetails,
  checkOutcomeAllowed,
  creditedMinutes,
  creditForOutcome,
  outcomeOverdue,
  totalCredited,
} from "./crediting";
import { timeOfDayFromMinutes } from "./time-of-day";

const session = { startTime: "09:00", endTime: "16:00" }; // a 7-hour group session

describe("R7 creditedMinutes = (left − arrived) − penalty", () => {
  it.each([
    ["times default to the session's", {}, 420],
    ["arrived late", { arrivedAt: "09:45" }, 375],
    ["left early, penalty for a long break", { leftAt: "15:00", penaltyMinutes: 30 }, 330],
    ["odd minutes are kept, not rounded", { arrivedAt: "09:07", leftAt: "15:52" }, 405],
    ["never more than the session's length", { arrivedAt: "08:30", leftAt: "16:30" }, 420],
    ["never negative", { arrivedAt: "09:00", leftAt: "09:20", penaltyMinutes: 60 }, 0],
  ])("%s", (_, times, expected) => {
    expect(creditedMinutes({ session, ...times })).toEqual({ ok: true, value: expected });
  });

  it("refuses leaving before arriving, a bad time or a negative penalty", () => {
    expect(creditedMinutes({ session, arrivedAt: "12:00", leftAt: "11:00" })).toMatchObject({
      ok: false,
      code: "INVALID_ATTENDANCE_TIMES",
      field: "leftAt",
    });
    expect(creditedMinutes({ session, arrivedAt: "9am" })).toMatchObject({ ok: false, field: "arrivedAt" });
    expect(creditedMinutes({ session, penaltyMinutes: -5 })).toMatchObject({ ok: false, field: "penaltyMinutes" });
  });

  it("never exceeds the session length and is a whole number ≥ 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1438 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 600 }),
        (start, length, arrived, left, penalty) => {
          const end = Math.min(1439, start + length);
          const s = { startTime: timeOfDayFromMinutes(start), endTime: timeOfDayFromMinutes(end) };
          const result = creditedMinutes({
            session: s,
            arrivedAt: timeOfDayFromMinutes(Math.min(arrived, left)),
            leftAt: timeOfDayFromMinutes(Math.max(arrived, left)),
            penaltyMinutes: penalty,
          });
          expect(result.ok).toBe(true);
          if (result.ok) {
            expect(Number.isInteger(result.value)).toBe(true);
            expect(result.value).toBeGreaterThanOrEqual(0);
            expect(result.value).toBeLessThanOrEqual(end - start);
          }
        },
      ),
    );
  });
});

describe("R7/R8 creditForOutcome", () => {
  it("credits time for every attended outcome, including sent home", () => {
    expect(creditForOutcome({ outcome: "ATTENDED_SENT_HOME_BEHAVIOUR", session, leftAt: "11:00" })).toEqual({
      ok: true,
      value: 120,
    });
    expect(creditForOutcome({ outcome: "ATTENDED_SENT_HOME_SERVICE", session, leftAt: "10:30" })).toEqual({
      ok: true,
      value: 90,
    });
    expect(creditForOutcome({ outcome: "ATTENDED_FAILED_TO_COMPLY", session })).toEqual({ ok: true, value: 420 });
  });

  it("credits nothing for an absence", () => {
    expect(creditForOutcome({ outcome: "ACCEPTABLE_ABSENCE", session })).toEqual({ ok: true, value: 0 });
    expect(creditForOutcome({ outcome: "UNACCEPTABLE_ABSENCE", session, minutesCredited: 60 })).toMatchObject({
      ok: false,
      code: "INVALID_MINUTES",
    });
  });

  it("takes minutes entered instead of times, up to the session length", () => {
    expect(creditForOutcome({ outcome: "ATTENDED_COMPLIED", session, minutesCredited: 400 })).toEqual({
      ok: true,
      value: 400,
    });
    expect(creditForOutcome({ outcome: "ATTENDED_COMPLIED", session, minutesCredited: 421 })).toMatchObject({
      ok: false,
      code: "INVALID_MINUTES",
    });
  });
});

describe("R7 the total never passes the required minutes", () => {
  it("caps the last credit and completes on its date", () => {
    expect(capToRequired(5800, 420, 6000)).toBe(200);
    expect(
      applyCredit({ minutesCreditedBefore: 5800, credit: 420, requiredMinutes: 6000, date: "2026-03-14" }),
    ).toEqual({
      creditedNow: 200,
      minutesCreditedAfter: 6000,
      completedOn: "2026-03-14",
    });
    expect(
      applyCredit({ minutesCreditedBefore: 5000, credit: 420, requiredMinutes: 6000, date: "2026-03-14" }).completedOn,
    ).toBeNull();
  });

  it("replays credits in date order after a correction", () => {
    const result = totalCredited(
      [
        { date: "2026-02-07", minutes: 420 },
        { date: "2026-01-31", minutes: 420 },
        { date: "2026-02-14", minutes: 420 },
      ],
      800,
    );
    expect(result).toEqual({ minutesCredited: 800, completedOn: "2026-02-07" });
  });

  it("whatever sessions are credited, nothing exceeds the session nor takes the total past required", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 300 }),
        fc.array(
          fc.record({ left: fc.integer({ min: 9 * 60, max: 17 * 60 }), penalty: fc.integer({ min: 0, max: 120 }) }),
          { maxLength: 120 },
        ),
        (hours, sessions) => {
          const required = hours * 60;
          let total = 0;
          for (const s of sessions) {
            const credit = creditedMinutes({
              session,
              leftAt: timeOfDayFromMinutes(s.left),
              penaltyMinutes: s.penalty,
            });
            if (!credit.ok) continue;
            expect(credit.value).toBeLessThanOrEqual(420);
            const applied = applyCredit({
              minutesCreditedBefore: total,
              credit: credit.value,
              requiredMinutes: required,
              date: "2026-01-01",
            });
            expect(applied.creditedNow).toBeLessThanOrEqual(credit.value);
            total = applied.minutesCreditedAfter;
            expect(total).toBeLessThanOrEqual(required);
          }
        },
      ),
    );
  });
});

describe("R7 outcomes for future and past sessions", () => {
  const today = "2026-01-20";

  it.each(ATTENDANCE_OUTCOMES.filter((o) => o !== "ACCEPTABLE_ABSENCE"))(
    "a future session cannot take %s",
    (outcome) => {
      expect(checkOutcomeAllowed(outcome, "2026-01-21", today)).toMatchObject({
        ok: false,
        code: "OUTCOME_NOT_ALLOWED",
        field: "outcome",
      });
    },
  );

  it("a future session can be marked as an acceptable absence (e.g. stood down in advance)", () => {
    expect(checkOutcomeAllowed("ACCEPTABLE_ABSENCE", "2026-01-21", today).ok).toBe(true);
  });

  it("today's and past sessions can take any outcome", () => {
    for (const outcome of ATTENDANCE_OUTCOMES) {
      expect(checkOutcomeAllowed(outcome, today, today).ok).toBe(true);
      expect(checkOutcomeAllowed(outcome, "2026-01-19", today).ok).toBe(true);
    }
  });

  it("a past session must get an outcome", () => {
    expect(outcomeOverdue("2026-01-19", today, false)).toBe(true);
    expect(outcomeOverdue("2026-01-19", today, true)).toBe(false);
    expect(outcomeOverdue(today, today, false)).toBe(false);
  });
});

describe("R7/R8 attendance details", () => {
  it("attended outcomes need work quality and behaviour", () => {
    expect(checkAttendanceDetails({ outcome: "ATTENDED_COMPLIED" })).toMatchObject({ ok: false, field: "workQuality" });
    expect(checkAttendanceDetails({ outcome: "ATTENDED_COMPLIED", workQuality: "GOOD" })).toMatchObject({
      ok: false,
      field: "behaviour",
    });
    expect(
      checkAttendanceDetails({ outcome: "ATTENDED_COMPLIED", workQuality: "GOOD", behaviour: "EXCELLENT" }).ok,
    ).toBe(true);
  });

  it("acceptable absences need a reason category and a note", () => {
    expect(checkAttendanceDetails({ outcome: "ACCEPTABLE_ABSENCE", note: "GP letter" })).toMatchObject({
      ok: false,
      field: "reasonCategory",
    });
    expect(
      checkAttendanceDetails({ outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL", note: "  " }),
    ).toMatchObject({ ok: false, field: "note" });
    expect(
      checkAttendanceDetails({ outcome: "ACCEPTABLE_ABSENCE", reasonCategory: "MEDICAL", note: "GP letter" }).ok,
    ).toBe(true);
    expect(checkAttendanceDetails({ outcome: "UNACCEPTABLE_ABSENCE" }).ok).toBe(true);
  });
});

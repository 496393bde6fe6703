import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEteCredit, eteAllowanceMinutes, eteRemainingMinutes, type EteCreditCheck } from "./ete";

const base: EteCreditCheck = {
  eteEligible: true,
  status: "ACTIVE",
  hoursOrdered: 100,
  eteMinutesUsed: 0,
  minutesCredited: 0,
  requiredMinutes: 6000,
  newMinutes: 60,
};

describe("R6 eteAllowanceMinutes = floor(30% × hours × 60)", () => {
  it.each([
    [100, 1800],
    [41, 738],
    [40, 720],
    [43, 774],
    [300, 5400],
  ])("%i hours → %i minutes", (hours, minutes) => {
    expect(eteAllowanceMinutes(hours)).toBe(minutes);
  });

  it("uses exact integer arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 300 }), (hours) => {
        const allowance = eteAllowanceMinutes(hours);
        expect(Number.isInteger(allowance)).toBe(true);
        expect(allowance * 100).toBeLessThanOrEqual(hours * 60 * 30);
        expect((allowance + 1) * 100).toBeGreaterThan(hours * 60 * 30);
      }),
    );
  });
});

describe("R6 checkEteCredit", () => {
  it("accepts a credit within the allowance and reports what remains", () => {
    expect(checkEteCredit({ ...base, eteMinutesUsed: 1200, newMinutes: 540 })).toMatchObject({
      ok: true,
      value: { remainingAfter: 60, eteMinutesUsedAfter: 1740, allowanceMinutes: 1800 },
    });
  });

  it("accepts a credit that uses the allowance exactly", () => {
    expect(checkEteCredit({ ...base, eteMinutesUsed: 1740, newMinutes: 60 }).ok).toBe(true);
  });

  it("refuses a credit that would exceed 30%, naming the remaining allowance", () => {
    const result = checkEteCredit({ ...base, eteMinutesUsed: 1740, newMinutes: 120 });
    expect(result).toMatchObject({ ok: false, code: "ETE_CAP_EXCEEDED", details: { remainingMinutes: 60 } });
    if (!result.ok) {
      expect(result.message).toBe(
        "This credit would take ETE to 1,860 minutes. The most this person can have credited as ETE is 1,800 minutes (30% of 100 hours); 60 minutes remain.",
      );
    }
  });

  it("41 hours: 738 minutes allowed, 739 refused", () => {
    expect(checkEteCredit({ ...base, hoursOrdered: 41, requiredMinutes: 2460, newMinutes: 738 }).ok).toBe(true);
    expect(checkEteCredit({ ...base, hoursOrdered: 41, requiredMinutes: 2460, newMinutes: 739 }).ok).toBe(false);
  });

  it("refuses anyone whose assessment does not record ETE eligibility", () => {
    expect(checkEteCredit({ ...base, eteEligible: false })).toMatchObject({ ok: false, code: "ETE_NOT_ELIGIBLE" });
    expect(eteRemainingMinutes({ eteEligible: false, hoursOrdered: 100, eteMinutesUsed: 0 })).toBe(0);
  });

  it("refuses a credit that would take the total past the hours ordered", () => {
    const result = checkEteCredit({ ...base, minutesCredited: 5970, newMinutes: 60 });
    expect(result).toMatchObject({ ok: false, code: "HOURS_EXCEED_ORDERED", details: { outstandingMinutes: 30 } });
  });

  it("says when a credit completes the requirement", () => {
    expect(checkEteCredit({ ...base, minutesCredited: 5940, newMinutes: 60 })).toMatchObject({
      ok: true,
      value: { completesRequirement: true, minutesCreditedAfter: 6000 },
    });
  });

  it("refuses non-positive or fractional minutes and inactive requirements", () => {
    expect(checkEteCredit({ ...base, newMinutes: 0 })).toMatchObject({ ok: false, code: "INVALID_MINUTES" });
    expect(checkEteCredit({ ...base, newMinutes: 30.5 })).toMatchObject({ ok: false, code: "INVALID_MINUTES" });
    expect(checkEteCredit({ ...base, status: "COMPLETED" })).toMatchObject({
      ok: false,
      code: "REQUIREMENT_NOT_ACTIVE",
    });
  });

  it("the allowance follows the current hours ordered (after the court adds hours)", () => {
    expect(
      checkEteCredit({ ...base, hoursOrdered: 120, requiredMinutes: 7200, eteMinutesUsed: 1800, newMinutes: 360 }).ok,
    ).toBe(true);
  });

  it("whatever credits are attempted, accepted ETE never exceeds floor(30%) nor the required minutes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 300 }),
        fc.array(fc.record({ ete: fc.boolean(), minutes: fc.integer({ min: -10, max: 3000 }) }), { maxLength: 40 }),
        (hoursOrdered, attempts) => {
          const requiredMinutes = hoursOrdered * 60;
          let eteMinutesUsed = 0;
          let minutesCredited = 0;
          for (const attempt of attempts) {
            if (attempt.ete) {
              const result = checkEteCredit({
                ...base,
                hoursOrdered,
                requiredMinutes,
                eteMinutesUsed,
                minutesCredited,
                newMinutes: attempt.minutes,
              });
              if (result.ok) {
                eteMinutesUsed = result.value.eteMinutesUsedAfter;
                minutesCredited = result.value.minutesCreditedAfter;
              }
            } else {
              // work credits, capped to the hours ordered as R7 does
              minutesCredited = Math.min(requiredMinutes, minutesCredited + Math.max(0, attempt.minutes));
            }
            expect(eteMinutesUsed).toBeLessThanOrEqual(Math.floor((hoursOrdered * 60 * 30) / 100));
            expect(minutesCredited).toBeLessThanOrEqual(requiredMinutes);
          }
        },
      ),
    );
  });
});

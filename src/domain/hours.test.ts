import { describe, expect, it } from "vitest";
import { requiredMinutes, validateHoursAddedOnBreach, validateHoursOrdered, warnWhenOutstandingOver300 } from "./hours";

describe("R1 validateHoursOrdered", () => {
  it.each([40, 41, 100, 300])("accepts %i hours", (hours) => {
    expect(validateHoursOrdered(hours)).toEqual({ ok: true, value: hours });
  });

  it.each([39, 301, 0, -40, 40.5, Number.NaN])("refuses %s hours with HOURS_OUT_OF_RANGE", (hours) => {
    const result = validateHoursOrdered(hours);
    expect(result).toMatchObject({ ok: false, code: "HOURS_OUT_OF_RANGE", field: "hoursOrdered" });
    if (!result.ok) expect(result.message).toContain("40 to 300");
  });
});

describe("R1/R9 validateHoursAddedOnBreach", () => {
  it("lets the court add hours up to 300 in total", () => {
    expect(
      validateHoursAddedOnBreach({ currentHoursOrdered: 100, newHoursOrdered: 120, orderHadUnpaidWork: true }),
    ).toEqual({ ok: true, value: 120 });
    expect(
      validateHoursAddedOnBreach({ currentHoursOrdered: 280, newHoursOrdered: 300, orderHadUnpaidWork: true }).ok,
    ).toBe(true);
  });

  it("refuses a total over 300", () => {
    expect(
      validateHoursAddedOnBreach({ currentHoursOrdered: 280, newHoursOrdered: 301, orderHadUnpaidWork: true }),
    ).toMatchObject({
      ok: false,
      code: "HOURS_OUT_OF_RANGE",
      field: "newHoursOrdered",
    });
  });

  it("refuses a 'new' total that adds nothing", () => {
    expect(
      validateHoursAddedOnBreach({ currentHoursOrdered: 100, newHoursOrdered: 100, orderHadUnpaidWork: true }).ok,
    ).toBe(false);
  });

  it("allows as few as 20 hours when the order had no unpaid work, but not 19", () => {
    expect(
      validateHoursAddedOnBreach({ currentHoursOrdered: 0, newHoursOrdered: 20, orderHadUnpaidWork: false }).ok,
    ).toBe(true);
    expect(
      validateHoursAddedOnBreach({ currentHoursOrdered: 0, newHoursOrdered: 19, orderHadUnpaidWork: false }),
    ).toMatchObject({
      ok: false,
      code: "HOURS_OUT_OF_RANGE",
    });
  });

  it("needs the new hours", () => {
    expect(
      validateHoursAddedOnBreach({ currentHoursOrdered: 100, newHoursOrdered: undefined, orderHadUnpaidWork: true }).ok,
    ).toBe(false);
  });
});

describe("requiredMinutes", () => {
  it("is hours × 60 plus any court-added hours kept apart", () => {
    expect(requiredMinutes(100)).toBe(6000);
    expect(requiredMinutes(100, 20)).toBe(7200);
  });
});

describe("R1 warnWhenOutstandingOver300", () => {
  const active = (hours: number, creditedMinutes = 0) => ({
    status: "ACTIVE" as const,
    requiredMinutes: hours * 60,
    minutesCredited: creditedMinutes,
  });

  it("stays quiet at exactly 300 hours outstanding", () => {
    expect(warnWhenOutstandingOver300([active(200), active(100)])).toBeNull();
  });

  it("warns above 300 hours across active requirements", () => {
    const warning = warnWhenOutstandingOver300([active(200), active(101)]);
    expect(warning?.code).toBe("OUTSTANDING_OVER_300_HOURS");
    expect(warning?.message).toContain("301 hours");
  });

  it("counts only what is outstanding on active requirements", () => {
    expect(warnWhenOutstandingOver300([active(250), active(100, 60 * 60)])).toBeNull();
    expect(
      warnWhenOutstandingOver300([active(250), { status: "COMPLETED", requiredMinutes: 6000, minutesCredited: 0 }]),
    ).toBeNull();
  });
});

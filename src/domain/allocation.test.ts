import { describe, expect, it } from "vitest";
import { checkAllocation, sessionLimit, type AllocationInput } from "./allocation";
import { policyOn } from "./policy";

type Overrides = {
  [K in keyof AllocationInput]?: K extends "today" ? string : Partial<AllocationInput[K]>;
};

// A Saturday group session for a man sentenced on Fri 19 Dec 2025 (start deadline 14 Jan 2026).
function input(overrides: Overrides = {}): AllocationInput {
  return {
    today: overrides.today ?? "2026-01-05",
    requirement: {
      status: "ACTIVE",
      minutesCredited: 0,
      requiredMinutes: 6000,
      assessmentComplete: true,
      startDeadline: "2026-01-14",
      effectiveEndDate: "2026-12-19",
      isFirstWorkSession: true,
      hasInductionBefore: true,
      ...overrides.requirement,
    },
    person: { gender: "MALE", rosh: "LOW", riskCodes: [], otherBookings: [], ...overrides.person },
    session: {
      date: "2026-01-10",
      startTime: "09:00",
      endTime: "16:00",
      capacity: 7,
      allocationsCount: 3,
      placementType: "GROUP",
      placementFeatures: [],
      supervisorGender: "MALE",
      othersOnSession: [{ gender: "MALE" }],
      ...overrides.session,
    },
    booking: { callerIsManager: false, ...overrides.booking },
  };
}

const codes = (result: ReturnType<typeof checkAllocation>) => result.refusals.map((r) => r.code);

describe("R10 checkAllocation", () => {
  it("allows an ordinary booking", () => {
    expect(checkAllocation(input())).toMatchObject({ ok: true, refusals: [], warnings: [] });
  });

  it.each<[string, Overrides, string]>([
    ["assessment incomplete", { requirement: { assessmentComplete: false } }, "ASSESSMENT_INCOMPLETE"],
    ["requirement completed", { requirement: { status: "COMPLETED" } }, "REQUIREMENT_NOT_ACTIVE"],
    ["requirement terminated", { requirement: { status: "TERMINATED" } }, "REQUIREMENT_NOT_ACTIVE"],
    ["hours already all credited", { requirement: { minutesCredited: 6000 } }, "REQUIREMENT_NOT_ACTIVE"],
    ["session in the past", { today: "2026-01-11" }, "SESSION_IN_PAST"],
    ["session after the effective end date", { requirement: { effectiveEndDate: "2026-01-09" } }, "EXTENSION_REQUIRED"],
    ["session full at 120% of 7 places (8)", { session: { allocationsCount: 8 } }, "SESSION_FULL"],
    [
      "already booked at an overlapping time",
      { person: { otherBookings: [{ date: "2026-01-10", startTime: "13:00", endTime: "17:00" }] } },
      "DOUBLE_BOOKED",
    ],
    ["a man on a female-only placement", { session: { placementFeatures: ["FEMALE_ONLY"] } }, "WOMEN_ONLY_PLACEMENT"],
    [
      "risk to children with children present",
      {
        person: { riskCodes: [{ code: "RC", conflictsWith: ["CHILDREN_PRESENT"] }] },
        session: { placementFeatures: ["CHILDREN_PRESENT"] },
      },
      "RISK_CONFLICT",
    ],
    [
      "risk to women, lone working with a female supervisor",
      {
        person: { riskCodes: [{ code: "RW", conflictsWith: ["FEMALE_ONLY"] }] },
        session: { placementFeatures: ["LONE_WORKING"], supervisorGender: "FEMALE" },
      },
      "RISK_CONFLICT",
    ],
    [
      "an override by someone who is not a manager",
      { booking: { overrideReason: "I know him" } },
      "OVERRIDE_NOT_ALLOWED",
    ],
    [
      "high RoSH on an individual placement",
      { person: { rosh: "HIGH" }, session: { placementType: "INDIVIDUAL" } },
      "APPROVAL_REQUIRED",
    ],
    ["a lone woman among men without consent", { person: { gender: "FEMALE" } }, "LONE_WOMAN_CONSENT_REQUIRED"],
    [
      "first work session after the start deadline without a reason",
      { session: { date: "2026-01-17" } },
      "LATE_START_REASON_REQUIRED",
    ],
  ])("refuses %s", (_, overrides, code) => {
    const result = checkAllocation(input(overrides));
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual([code]);
    expect(result.ok ? undefined : result.code).toBe(code);
    expect(result.refusals[0]?.message.length).toBeGreaterThan(20);
  });

  it("lists every blocking reason, the first one as the code", () => {
    const result = checkAllocation(
      input({ requirement: { assessmentComplete: false }, today: "2026-01-20", session: { allocationsCount: 9 } }),
    );
    expect(result).toMatchObject({ ok: false, code: "ASSESSMENT_INCOMPLETE" });
    expect(codes(result)).toEqual(["ASSESSMENT_INCOMPLETE", "SESSION_IN_PAST", "SESSION_FULL"]);
  });

  it("a retrospective booking may be for a past session (a paper register)", () => {
    expect(checkAllocation(input({ today: "2026-01-11", booking: { retrospective: true } })).ok).toBe(true);
  });

  it("up to 120% of capacity is allowed, with a warning once over capacity", () => {
    const result = checkAllocation(input({ session: { allocationsCount: 7 } }));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).toContain("OVER_CAPACITY");
    expect(sessionLimit(7, 120)).toBe(8);
  });

  it("uses the region's over-subscription limit", () => {
    expect(
      checkAllocation(
        input({ session: { allocationsCount: 7 } }),
        policyOn("2026-01-05", { overSubscriptionPercent: 100 }),
      ).ok,
    ).toBe(false);
  });

  it("back-to-back sessions are not double booked", () => {
    expect(
      checkAllocation(
        input({ person: { otherBookings: [{ date: "2026-01-10", startTime: "16:00", endTime: "18:00" }] } }),
      ).ok,
    ).toBe(true);
    expect(
      checkAllocation(
        input({ person: { otherBookings: [{ date: "2026-01-11", startTime: "09:00", endTime: "16:00" }] } }),
      ).ok,
    ).toBe(true);
  });

  it("a manager may override a risk conflict with a reason", () => {
    const result = checkAllocation(
      input({
        person: { riskCodes: [{ code: "RC", conflictsWith: ["CHILDREN_PRESENT"] }] },
        session: { placementFeatures: ["CHILDREN_PRESENT"] },
        booking: { callerIsManager: true, overrideReason: "Children are in a separate fenced area all day" },
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.overridden.map((r) => r.code)).toEqual(["RISK_CONFLICT"]);
    expect(result.warnings.map((w) => w.code)).toContain("RISK_CONFLICT_OVERRIDDEN");
  });

  it("an approved override request clears a full session and a risk conflict, but not the other rules", () => {
    const full = input({
      session: { capacity: 5, allocationsCount: 6 },
      booking: { callerIsManager: true, overrideApproved: true },
    });
    const result = checkAllocation(full);
    expect(result.ok).toBe(true);
    expect(result.overridden.map((r) => r.code)).toEqual(["SESSION_FULL"]);
    expect(result.warnings.map((w) => w.code)).toContain("OVERRIDE_APPROVED");
    const risky = checkAllocation(
      input({
        person: { riskCodes: [{ code: "RC", conflictsWith: ["CHILDREN_PRESENT"] }] },
        session: { placementFeatures: ["CHILDREN_PRESENT", "FEMALE_ONLY"] },
        booking: { callerIsManager: true, overrideApproved: true },
      }),
    );
    expect(risky.refusals.map((r) => r.code)).toEqual(["WOMEN_ONLY_PLACEMENT"]);
    expect(risky.overridden.map((r) => r.code)).toEqual(["RISK_CONFLICT"]);
  });

  it("a manager may not override a man onto a female-only placement", () => {
    const result = checkAllocation(
      input({
        session: { placementFeatures: ["FEMALE_ONLY"] },
        booking: { callerIsManager: true, overrideReason: "short of places" },
      }),
    );
    expect(codes(result)).toEqual(["WOMEN_ONLY_PLACEMENT"]);
  });

  it("high RoSH on an individual placement is allowed once approved", () => {
    expect(
      checkAllocation(
        input({
          person: { rosh: "VERY_HIGH" },
          session: { placementType: "INDIVIDUAL" },
          booking: { roshApproved: true },
        }),
      ).ok,
    ).toBe(true);
  });

  it("a lone woman's recorded consent allows the booking", () => {
    expect(checkAllocation(input({ person: { gender: "FEMALE" }, booking: { consentRecorded: true } })).ok).toBe(true);
  });

  it("a recorded late-start reason allows the late first session; later sessions need none", () => {
    expect(
      checkAllocation(
        input({
          session: { date: "2026-01-17" },
          booking: { lateStartReason: { category: "SERVICE_CAPACITY", note: "No group places until 17th" } },
        }),
      ).ok,
    ).toBe(true);
    expect(
      checkAllocation(
        input({ session: { date: "2026-01-17" }, booking: { lateStartReason: { category: "OTHER", note: " " } } }),
      ).ok,
    ).toBe(false);
    expect(
      checkAllocation(input({ session: { date: "2026-01-17" }, requirement: { isFirstWorkSession: false } })).ok,
    ).toBe(true);
    expect(checkAllocation(input({ session: { date: "2026-01-17", placementType: "INDUCTION" } })).ok).toBe(true);
  });

  it("no end-date refusal once the Sentencing Act 2026 s.36 is in force", () => {
    const policy = policyOn("2026-01-05", { twelveMonthPeriodAbolishedFrom: "2026-01-01" });
    expect(checkAllocation(input({ requirement: { effectiveEndDate: "2026-01-09" } }), policy).ok).toBe(true);
  });

  it("warns, without blocking, about availability, a missing induction and over 300 hours", () => {
    const result = checkAllocation(
      input({
        requirement: { hasInductionBefore: false },
        person: {
          availability: { SAT: ["AM"] },
          requirementsHours: [
            { status: "ACTIVE", requiredMinutes: 200 * 60, minutesCredited: 0 },
            { status: "ACTIVE", requiredMinutes: 150 * 60, minutesCredited: 0 },
          ],
        },
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code).sort()).toEqual(
      ["AVAILABILITY_CLASH", "NO_INDUCTION_YET", "OUTSTANDING_OVER_300_HOURS"].sort(),
    );
  });

  it("booking a man that would leave one woman among men asks for her consent (order-independent R10)", () => {
    const booking = input({ session: { othersOnSession: [{ gender: "FEMALE" }, { gender: "MALE" }] } });
    expect(checkAllocation(booking)).toMatchObject({ ok: false, code: "LONE_WOMAN_CONSENT_REQUIRED" });
    expect(checkAllocation({ ...booking, booking: { ...booking.booking, consentRecorded: true } }).ok).toBe(true);
    const consented = input({
      session: { othersOnSession: [{ gender: "FEMALE", loneWomanConsent: true }, { gender: "MALE" }] },
    });
    expect(checkAllocation(consented).ok).toBe(true);
  });

  it("warns when a woman who prefers a women-only placement is offered another", () => {
    const mixed = checkAllocation(
      input({
        person: { gender: "FEMALE", womenOnlyPreference: true },
        session: { othersOnSession: [{ gender: "FEMALE" }] },
      }),
    );
    expect(mixed.warnings.map((w) => w.code)).toContain("WOMEN_ONLY_PREFERENCE");
    const womenOnly = checkAllocation(
      input({
        person: { gender: "FEMALE", womenOnlyPreference: true },
        session: { placementFeatures: ["FEMALE_ONLY"], othersOnSession: [{ gender: "FEMALE" }] },
      }),
    );
    expect(womenOnly.warnings.map((w) => w.code)).not.toContain("WOMEN_ONLY_PREFERENCE");
  });

  it("SUPERVISOR_GROUP_TOO_LARGE once the supervisor's people-per-supervisor limit is reached", () => {
    const others = Array.from({ length: 4 }, () => ({ gender: "MALE" as const }));
    const full = input({
      session: { capacity: 6, allocationsCount: 4, othersOnSession: others, peoplePerSupervisor: 4 },
    });
    expect(checkAllocation(full)).toMatchObject({
      ok: false,
      code: "SUPERVISOR_GROUP_TOO_LARGE",
      details: { limit: 4 },
    });
    expect(
      checkAllocation(
        input({
          session: { capacity: 6, allocationsCount: 3, othersOnSession: others.slice(1), peoplePerSupervisor: 4 },
        }),
      ).ok,
    ).toBe(true);
  });

  it("NON_ASSOCIATION when the person or someone booked names the other", () => {
    const named = input({
      person: { personId: "a", nonAssociatedPersonIds: ["b"] },
      session: { othersOnSession: [{ gender: "MALE", personId: "b" }] },
    });
    expect(checkAllocation(named)).toMatchObject({ ok: false, code: "NON_ASSOCIATION" });
    const namedBy = input({
      person: { personId: "a" },
      session: { othersOnSession: [{ gender: "MALE", personId: "b", nonAssociatedPersonIds: ["a"] }] },
    });
    expect(checkAllocation(namedBy)).toMatchObject({ ok: false, code: "NON_ASSOCIATION" });
  });
});

// R10 with the sentence date: nothing is booked before the court made the order.
import { describe, expect, it } from "vitest";
import { checkAllocation, type AllocationInput } from "./allocation";

const booking: AllocationInput = {
  today: "2025-03-12",
  requirement: {
    status: "ACTIVE",
    minutesCredited: 0,
    requiredMinutes: 6000,
    assessmentComplete: true,
    startDeadline: "2025-03-31",
    effectiveEndDate: "2026-03-10",
    sentenceDate: "2025-03-10",
    isFirstWorkSession: true,
    hasInductionBefore: true,
  },
  person: { gender: "MALE", rosh: "LOW", riskCodes: [], otherBookings: [] },
  session: {
    date: "2025-03-03",
    startTime: "09:00",
    endTime: "16:00",
    capacity: 7,
    allocationsCount: 0,
    placementType: "GROUP",
    placementFeatures: [],
    supervisorGender: "MALE",
    othersOnSession: [{ gender: "MALE" }],
  },
  booking: { callerIsManager: false, retrospective: true },
};

describe("BEFORE_SENTENCE at booking", () => {
  it("a session a week before the sentence is refused, even as a retrospective booking", () => {
    const check = checkAllocation(booking);
    expect(check.ok).toBe(false);
    expect(check.refusals.map((r) => r.code)).toEqual(["BEFORE_SENTENCE"]);
  });

  it("a session on the sentence date can be booked", () => {
    expect(checkAllocation({ ...booking, session: { ...booking.session, date: "2025-03-10" } }).ok).toBe(true);
  });
});

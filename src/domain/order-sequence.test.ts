// Concurrent and consecutive orders: credit follows the order the court set.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { checkConsecutiveOrder, consecutiveStartsOn, type EarlierRequirement } from "./order-sequence";
import { isoDateArb } from "./test-arbitraries";

const earlierActive: EarlierRequirement = {
  label: "the community order of 3 March 2026",
  status: "ACTIVE",
  endedOn: null,
};
const completedOn = (d: string): EarlierRequirement => ({
  label: "the community order of 3 March 2026",
  status: "COMPLETED",
  endedOn: d as EarlierRequirement["endedOn"],
});

describe("consecutive orders (CONSECUTIVE_ORDER_NOT_STARTED)", () => {
  it("the later requirement takes no booking or credit while the earlier one still has hours to do", () => {
    const result = checkConsecutiveOrder({
      relation: "CONSECUTIVE",
      earlier: earlierActive,
      date: "2026-06-01",
      what: "This session",
      field: "sessionId",
    });
    expect(result).toMatchObject({ ok: false, code: "CONSECUTIVE_ORDER_NOT_STARTED", field: "sessionId" });
    if (!result.ok) expect(result.message).toContain("runs after the community order of 3 March 2026");
  });

  it("the earlier one completed on 10 June 2026: 9 June is refused, 10 June (the same day) and later are allowed", () => {
    const earlier = completedOn("2026-06-10");
    expect(
      checkConsecutiveOrder({ relation: "CONSECUTIVE", earlier, date: "2026-06-09", what: "This session" }),
    ).toMatchObject({
      ok: false,
      code: "CONSECUTIVE_ORDER_NOT_STARTED",
      details: { startsOn: "2026-06-10" },
    });
    expect(
      checkConsecutiveOrder({ relation: "CONSECUTIVE", earlier, date: "2026-06-10", what: "This session" }).ok,
    ).toBe(true);
    expect(
      checkConsecutiveOrder({ relation: "CONSECUTIVE", earlier, date: "2026-06-11", what: "This session" }).ok,
    ).toBe(true);
  });

  it("an earlier requirement revoked (terminated) on 31 December 2026 frees the later one from that day, across the year end", () => {
    const earlier: EarlierRequirement = { label: "x", status: "TERMINATED", endedOn: "2026-12-31" };
    expect(
      checkConsecutiveOrder({ relation: "CONSECUTIVE", earlier, date: "2026-12-30", what: "This ETE activity" }).ok,
    ).toBe(false);
    expect(
      checkConsecutiveOrder({ relation: "CONSECUTIVE", earlier, date: "2027-01-01", what: "This ETE activity" }).ok,
    ).toBe(true);
    expect(consecutiveStartsOn(earlier)).toBe("2026-12-31");
  });

  it("concurrent requirements, and requirements on their own, are each credited by their own bookings", () => {
    expect(
      checkConsecutiveOrder({
        relation: "CONCURRENT",
        earlier: earlierActive,
        date: "2026-06-01",
        what: "This session",
      }).ok,
    ).toBe(true);
    expect(checkConsecutiveOrder({ relation: null, earlier: null, date: "2026-06-01", what: "This session" }).ok).toBe(
      true,
    );
  });

  it("property: refused exactly when the date is before the day the earlier requirement ended", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -60, max: 60 }), (endedOn, offset) => {
        const date = addDays(endedOn, offset);
        const result = checkConsecutiveOrder({
          relation: "CONSECUTIVE",
          earlier: completedOn(endedOn),
          date,
          what: "x",
        });
        expect(result.ok).toBe(offset >= 0);
      }),
    );
  });
});

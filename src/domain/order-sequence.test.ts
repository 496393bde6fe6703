// Concurrent and consecutive orders: credit follows the order the court set.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import {
  checkConsecutiveOrder,
  clockStartsOn,
  consecutiveStartsOn,
  isWaitingForEarlierOrder,
  runsAfterOf,
  type EarlierRequirement,
} from "./order-sequence";
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

  it("concurrent requirements, and requirements on their own, are never held back by another order", () => {
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

describe("waiting for the earlier order (R2, R4, R5 clocks)", () => {
  it("no relation: the clock is the sentence date and nothing waits", () => {
    expect(isWaitingForEarlierOrder(null, "2026-06-01")).toBe(false);
    expect(clockStartsOn("2026-03-02", null, "2026-06-01")).toBe("2026-03-02");
  });

  it("waits until the day the earlier one ended, then runs from that day", () => {
    const runsAfter = { endedOn: "2026-06-10" as const };
    expect(clockStartsOn("2026-03-02", { endedOn: null }, "2027-06-01")).toBeNull();
    expect(clockStartsOn("2026-03-02", runsAfter, "2026-06-09")).toBeNull();
    expect(clockStartsOn("2026-03-02", runsAfter, "2026-06-10")).toBe("2026-06-10");
    expect(clockStartsOn("2026-03-02", runsAfter, "2027-01-01")).toBe("2026-06-10");
  });

  it("runsAfterOf reads the earlier requirement's end by its status", () => {
    const dates = { completedOn: "2026-05-01" as const, terminatedOn: null };
    expect(runsAfterOf("CONSECUTIVE", { status: "COMPLETED", ...dates })).toEqual({ endedOn: "2026-05-01" });
    expect(runsAfterOf("CONSECUTIVE", { status: "ACTIVE", ...dates })).toEqual({ endedOn: null });
    expect(runsAfterOf("CONCURRENT", { status: "COMPLETED", ...dates })).toBeNull();
    expect(runsAfterOf("CONSECUTIVE", null)).toBeNull();
  });

  it("property: the clock, when running, is never before the sentence date nor before the earlier order's end", () => {
    fc.assert(
      fc.property(
        isoDateArb,
        fc.option(fc.integer({ min: -400, max: 400 })),
        fc.integer({ min: -400, max: 800 }),
        (s, end, at) => {
          const runsAfter = { endedOn: end === null ? null : addDays(s, end) };
          const asOf = addDays(s, at);
          const clock = clockStartsOn(s, runsAfter, asOf);
          if (clock === null) {
            expect(isWaitingForEarlierOrder(runsAfter, asOf)).toBe(true);
            return;
          }
          expect(clock >= s).toBe(true);
          expect(runsAfter.endedOn !== null && clock >= runsAfter.endedOn && runsAfter.endedOn <= asOf).toBe(true);
        },
      ),
    );
  });
});

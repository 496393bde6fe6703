import { describe, expect, it } from "vitest";
import {
  isTimeOfDay,
  minutesBetweenTimes,
  minutesSinceMidnight,
  timeOfDayFromMinutes,
  timesOverlap,
} from "./time-of-day";

describe("time of day", () => {
  it("parses HH:MM", () => {
    expect(minutesSinceMidnight("09:30")).toBe(570);
    expect(minutesSinceMidnight("00:00")).toBe(0);
    expect(minutesSinceMidnight("23:59")).toBe(1439);
    expect(timeOfDayFromMinutes(570)).toBe("09:30");
  });

  it.each(["24:00", "9:30", "09:60", "0930", ""])("refuses %j", (t) => {
    expect(isTimeOfDay(t)).toBe(false);
    expect(() => minutesSinceMidnight(t)).toThrow(RangeError);
  });

  it("measures and compares", () => {
    expect(minutesBetweenTimes("09:00", "16:00")).toBe(420);
    expect(timesOverlap({ startTime: "09:00", endTime: "12:00" }, { startTime: "11:59", endTime: "13:00" })).toBe(true);
    expect(timesOverlap({ startTime: "09:00", endTime: "12:00" }, { startTime: "12:00", endTime: "13:00" })).toBe(
      false,
    );
  });
});

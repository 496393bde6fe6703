import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDate,
  formatDateWithDay,
  formatHoursAndMinutes,
  formatMinuteCount,
  roundedPercent,
} from "./format";

describe("plain-English formatting", () => {
  it("groups thousands", () => {
    expect(formatCount(1860)).toBe("1,860");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(60)).toBe("60");
    expect(formatMinuteCount(1)).toBe("1 minute");
  });

  it("writes hours and minutes", () => {
    expect(formatHoursAndMinutes(1815)).toBe("30 hours 15 minutes");
    expect(formatHoursAndMinutes(60)).toBe("1 hour");
    expect(formatHoursAndMinutes(45)).toBe("45 minutes");
    expect(formatHoursAndMinutes(0)).toBe("0 minutes");
    expect(formatHoursAndMinutes(-90)).toBe("minus 1 hour 30 minutes");
    expect(formatHoursAndMinutes(61_200)).toBe("1,020 hours");
  });

  it("writes dates GOV.UK style", () => {
    expect(formatDate("2025-12-19")).toBe("19 December 2025");
    expect(formatDate(new Date("2025-12-19T00:00:00Z"))).toBe("19 December 2025");
    expect(formatDate(null)).toBe("Not set");
    expect(formatDateWithDay("2025-12-19")).toBe("Friday 19 December 2025");
  });

  it("rounds percentages to one decimal place", () => {
    expect(roundedPercent(1, 3)).toBe(33.3);
    expect(roundedPercent(2, 3)).toBe(66.7);
    expect(roundedPercent(0, 0)).toBe(0);
  });
});

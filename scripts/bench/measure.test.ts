import { describe, expect, it } from "vitest";
import { percentile } from "./measure";

describe("percentile (nearest rank)", () => {
  it("gives the smallest value with at least p % of the values at or below it", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { completionShareWords } from "./trend-words";

describe("completionShareWords", () => {
  it('says "None due" for a month with no requirements due, not 0.0 %', () => {
    expect(completionShareWords({ cohort: 0, percent: 0 })).toBe("None due");
  });

  it("gives the share when requirements were due, including a real 0 %", () => {
    expect(completionShareWords({ cohort: 4, percent: 0 })).not.toBe("None due");
    expect(completionShareWords({ cohort: 2, percent: 50 })).toMatch(/^50(\.0)?\s?%$/);
  });
});

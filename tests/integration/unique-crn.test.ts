// The factories' CRNs are unique across every test file of a run, which all share one database:
// two files whose counters start at the same random point must still never hand out the same CRN
// (a collision failed an unrelated test with Person_crn_key).
import { afterEach, expect, it, vi } from "vitest";

afterEach(() => vi.restoreAllMocks());

it("two test files starting from the same random point never hand out the same CRN", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  vi.resetModules();
  const first = await import("../support/factories");
  vi.resetModules();
  const second = await import("../support/factories");
  const crns = [
    ...Array.from({ length: 30 }, () => first.uniqueCrn()),
    ...Array.from({ length: 30 }, () => second.uniqueCrn()),
  ];
  expect(new Set(crns).size).toBe(60);
  for (const crn of crns) expect(crn).toMatch(/^[A-Z]\d{6}$/);
});

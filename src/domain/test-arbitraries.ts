// fast-check generators shared by the domain tests (test-only; not exported from index.ts).
import fc from "fast-check";
import type { IsoDate } from "./dates";

/** Any real date from 1990 to 2100. */
export const isoDateArb: fc.Arbitrary<IsoDate> = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Dates in the years the shipped bank holidays cover, leaving room for 15 working days. */
export const shippedYearsDateArb: fc.Arbitrary<IsoDate> = fc
  .date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2030-11-30T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

import { describe, expect, it } from "vitest";
import { isIsoDate } from "./dates";
import { isoFromUkDate } from "./uk-date";

describe("isoFromUkDate", () => {
  it("reads day first: 03/04/2026 is 3 April", () => {
    expect(isoFromUkDate("03/04/2026")).toBe("2026-04-03");
    expect(isoFromUkDate("7/3/1990")).toBe("1990-03-07");
    expect(isoFromUkDate(" 27/03/1990 ")).toBe("1990-03-27");
  });

  it("leaves ISO dates and anything else for the ISO check to judge", () => {
    expect(isoFromUkDate("1990-03-27")).toBe("1990-03-27");
    expect(isoFromUkDate("27-03-1990")).toBe("27-03-1990");
    // An impossible day stays impossible after conversion.
    expect(isIsoDate(isoFromUkDate("31/02/2026"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const base = "https://cp.example.gov.uk";

describe("where sign-in returns to", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallbackPath("/my-sessions/abc?tab=roster", base)).toBe("/my-sessions/abc?tab=roster");
    expect(safeCallbackPath("https://cp.example.gov.uk/cases/1", base)).toBe("/cases/1");
  });

  it("falls back to home for another site, a malformed URL or nothing", () => {
    for (const bad of [
      "https://evil.example/x",
      "//evil.example/x",
      "/\\evil.example",
      "http://[::1",
      "javascript:alert(1)",
      "/a\u0000b",
      "",
      undefined,
      42,
      ["/x"],
      "/sign-in?callbackUrl=/x",
      "/api/v1/me",
    ]) {
      expect(safeCallbackPath(bad, base)).toBe("/");
    }
  });

  it("falls back to home when the site's own address is not configured properly", () => {
    expect(safeCallbackPath("/cases", "not a url")).toBe("/");
  });
});

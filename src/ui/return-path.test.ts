import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeReturnPath("/my-sessions/abc?x=1#person-2", "app.test")).toBe("/my-sessions/abc?x=1#person-2");
    expect(safeReturnPath("http://app.test/my-sessions/abc", "app.test")).toBe("/my-sessions/abc");
  });

  it("refuses anything that leaves the site or loops back to sign-in", () => {
    for (const raw of [
      "https://evil.test/my-sessions",
      "//evil.test/x",
      "/\\evil.test",
      "javascript:alert(1)",
      "my-sessions",
      "/sign-in?callbackUrl=/x",
      "/api/v1/me",
      "",
      42,
      undefined,
    ]) {
      expect(safeReturnPath(raw, "app.test"), String(raw)).toBeNull();
    }
    expect(safeReturnPath("http://app.test/x", null)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { findUnsafeText, isPlainText, plainText } from "./plain-text";

describe("plain text: what a person can type", () => {
  it("accepts ordinary text, line breaks, tabs, accents and emoji (surrogate pairs)", () => {
    for (const ok of ["Siobhán O'Neill", "line one\r\nline two\tend", "Zoë 😀", ""]) expect(isPlainText(ok)).toBe(true);
  });

  it("refuses NUL and other control characters, and lone surrogates", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001b[31m", "\u007f", "\u0085", "a\ud800b", "\udc00", "end\ud83d"])
      expect(isPlainText(bad)).toBe(false);
    const result = plainText.safeParse("a\u0000b");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/hidden control character/);
  });

  it("finds the first unsafe value anywhere in a request, by its path", () => {
    expect(findUnsafeText({ name: "ok", rows: [{ note: "fine" }, { note: "bad\u0000" }] })).toBe("rows.1.note");
    expect(findUnsafeText({ ["k\u0000"]: 1 })).toBe("(field name)");
    expect(findUnsafeText({ q: ["ok", "\ud800"] })).toBe("q.1");
    expect(findUnsafeText({ a: 1, b: true, c: null, d: ["x"] })).toBeNull();
  });
});

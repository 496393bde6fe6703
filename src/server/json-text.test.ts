import { describe, expect, it } from "vitest";
import { JsonText, jsonObjectText } from "./json-text";

describe("JsonText", () => {
  const value = { asOf: "2026-12-04", cases: [{ id: "a", name: 'Zoë "Z" O\'Neil\u2028' }], truncated: false };

  it("is written by JSON.stringify as the value it encodes, wherever it sits", () => {
    const text = new JsonText<typeof value>(JSON.stringify(value));
    expect(JSON.stringify(text)).toBe(JSON.stringify(value));
    expect(JSON.stringify({ stored: text })).toBe(JSON.stringify({ stored: value }));
  });

  it("builds an object's text from entries already written, in the order given", () => {
    const text = jsonObjectText([
      ["asOf", JSON.stringify(value.asOf)],
      ["cases", `[${value.cases.map((c) => JSON.stringify(c)).join(",")}]`],
      ["truncated", JSON.stringify(value.truncated)],
    ]);
    expect(text).toBe(JSON.stringify(value));
    expect(jsonObjectText([])).toBe("{}");
  });
});

import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalPath, idempotencyRequestHash, isValidIdempotencyKey } from "./idempotency-hash";

describe("canonical JSON for idempotency hashes", () => {
  it("sorts object keys at every depth, whatever order the device sent", () => {
    const a = JSON.parse('{"outcome":"ATTENDED","times":{"leftAt":"16:00","arrivedAt":"09:00"},"note":null}');
    const b = JSON.parse(
      '{ "note": null, "times": { "arrivedAt": "09:00", "leftAt": "16:00" }, "outcome": "ATTENDED" }',
    );
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"note":null,"outcome":"ATTENDED","times":{"arrivedAt":"09:00","leftAt":"16:00"}}');
  });

  it("keeps array order, because it can mean something", () => {
    expect(canonicalJson({ riskCodes: ["RC", "RW"] })).not.toBe(canonicalJson({ riskCodes: ["RW", "RC"] }));
  });

  it("treats equal numbers written differently as the same JSON", () => {
    expect(canonicalJson(JSON.parse('{"minutes":420.0}'))).toBe(canonicalJson(JSON.parse('{"minutes":420}')));
  });

  it("escapes keys and strings as JSON does", () => {
    expect(canonicalJson({ 'a"b': "line\nbreak" })).toBe('{"a\\"b":"line\\nbreak"}');
  });

  it("handles primitives, null and an absent body", () => {
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson("x")).toBe('"x"');
  });
});

describe("the request hash", () => {
  const base = {
    method: "POST",
    path: "/api/v1/sessions/1/allocations",
    body: { caseId: "c1", consentRecorded: true },
  };

  it("is the same for the same method, path and body", () => {
    expect(idempotencyRequestHash(base)).toBe(
      idempotencyRequestHash({ ...base, method: "post", body: { consentRecorded: true, caseId: "c1" } }),
    );
  });

  it("differs when the body, path or method differs", () => {
    const hash = idempotencyRequestHash(base);
    expect(idempotencyRequestHash({ ...base, body: { caseId: "c2", consentRecorded: true } })).not.toBe(hash);
    expect(idempotencyRequestHash({ ...base, path: "/api/v1/sessions/2/allocations" })).not.toBe(hash);
    expect(idempotencyRequestHash({ ...base, method: "PUT" })).not.toBe(hash);
  });

  it("puts query parameters of the path in a fixed order", () => {
    expect(canonicalPath(new URL("https://x.test/api/v1/a?b=2&a=1&a=0"))).toBe("/api/v1/a?a=0&a=1&b=2");
    expect(canonicalPath(new URL("https://x.test/api/v1/a"))).toBe("/api/v1/a");
  });
});

describe("Idempotency-Key values", () => {
  it("accepts UUIDs and other visible text up to 200 characters", () => {
    expect(isValidIdempotencyKey("0b9f6c1e-5f7e-4c55-9b8e-2d1c2a8f6b1a")).toBe(true);
    expect(isValidIdempotencyKey("x".repeat(200))).toBe(true);
  });

  it("refuses empty, over-long, spaced or non-ASCII keys", () => {
    for (const key of ["", "x".repeat(201), "two words", "clé"]) expect(isValidIdempotencyKey(key)).toBe(false);
  });
});

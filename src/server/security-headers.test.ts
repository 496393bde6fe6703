import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers";

describe("content security policy", () => {
  it("allows scripts only with the response's nonce, and no eval in production", () => {
    const policy = contentSecurityPolicy("abc123", { development: false, https: true });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("upgrade-insecure-requests");
  });

  it("does not upgrade requests when served over plain http (a developer's machine)", () => {
    expect(contentSecurityPolicy("n", { development: true, https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("makes a different nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

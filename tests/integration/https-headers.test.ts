// Issue 12, headers: with an https public address (NEXTAUTH_URL) every answer carries
// Strict-Transport-Security and the session cookie is Secure (`__Secure-` prefixed); over
// plain http neither (a browser would drop a Secure cookie on http://localhost).
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

async function load(publicUrl: string) {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_URL", publicUrl);
  const { proxy } = await import("../../proxy");
  const { authOptions } = await import("@/server/auth/auth-options");
  const { sessionCookieName } = await import("@/server/auth/sessions");
  return { proxy, authOptions, sessionCookieName };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("transport security follows the public address", () => {
  it("https: HSTS on pages, redirects and the API; Secure, __Secure- cookies", async () => {
    const { proxy, authOptions, sessionCookieName } = await load("https://payback.example.gov.uk");
    for (const path of ["/sign-in", "/cases", "/api/health"]) {
      const response = await proxy(new NextRequest(`https://payback.example.gov.uk${path}`));
      expect(response.headers.get("strict-transport-security"), path).toMatch(/^max-age=\d+/);
    }
    expect(authOptions.useSecureCookies).toBe(true);
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
  });

  it("http: no HSTS and no Secure cookies", async () => {
    const { proxy, authOptions, sessionCookieName } = await load("http://localhost:3000");
    const response = await proxy(new NextRequest("http://localhost:3000/sign-in"));
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("'nonce-");
    expect(authOptions.useSecureCookies).toBe(false);
    expect(sessionCookieName()).toBe("next-auth.session-token");
  });
});

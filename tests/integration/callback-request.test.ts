// next-auth fails with a 500 on a malformed callbackUrl before our callbacks run; every request to
// its routes is passed on with a safe one (an e2e test drives the real routes).
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { withSafeCallbackUrl } from "@/server/auth/callback-request";

describe("callbackUrl on next-auth's routes", () => {
  it("replaces a malformed or off-site callbackUrl in the query with home, and keeps a good one", async () => {
    const bad = await withSafeCallbackUrl(
      new NextRequest("http://localhost/api/auth/session?callbackUrl=http%3A%2F%2F%5B%3A%3A1"),
    );
    expect(bad.nextUrl.searchParams.get("callbackUrl")).toBe("/");
    const good = await withSafeCallbackUrl(
      new NextRequest("http://localhost/api/auth/signin?callbackUrl=%2Fmy-sessions%2Fabc"),
    );
    expect(good.nextUrl.searchParams.get("callbackUrl")).toBe("/my-sessions/abc");
  });

  it("replaces it in a sign-in form's body and keeps the other fields", async () => {
    const request = new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        csrfToken: "t",
        email: "a@example.test",
        callbackUrl: "https://evil.example/x",
      }).toString(),
    });
    const safe = await withSafeCallbackUrl(request);
    const params = new URLSearchParams(await safe.text());
    expect(Object.fromEntries(params)).toEqual({ csrfToken: "t", email: "a@example.test", callbackUrl: "/" });
  });
});

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn, signOut } from "./support";

/** Collects the browser's Content-Security-Policy refusals while a test runs. */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text()))
      found.push(message.text());
  });
  return found;
}

test("every page carries a nonce-based Content-Security-Policy and the app still works under it", async ({ page }) => {
  const violations = cspViolations(page);
  const response = await page.goto("/sign-in");
  const policy = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Next's own scripts carry the nonce; a second request gets a different one.
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  await signIn(page, "coordinator@demo.test");
  await page.getByRole("link", { name: "Cases" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a signed-out visitor asking for a page is sent to sign in, with where they were going", async ({ page }) => {
  const response = await page.request.get("/work-queue?page=2", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const location = new URL(response.headers()["location"] ?? "", "http://x");
  expect(location.pathname).toBe("/sign-in");
  expect(location.searchParams.get("callbackUrl")).toBe("/work-queue?page=2");
});

test("an invalid callbackUrl falls back to home instead of failing", async ({ page }) => {
  for (const bad of ["http://[::1", "https://evil.example/", "//evil.example"]) {
    for (const path of ["/api/auth/signin", "/api/auth/session", "/api/auth/csrf"]) {
      const response = await page.request.get(`${path}?callbackUrl=${encodeURIComponent(bad)}`, { maxRedirects: 0 });
      expect(response.status(), `${path} ${bad}`).toBeLessThan(500);
      expect(response.headers()["location"] ?? "", bad).not.toContain("evil.example");
    }
  }
  // The sign-in form's own POST with a broken callbackUrl still signs the person in, and goes home.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await page.request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken,
      email: "coordinator@demo.test",
      password: "demo-password-1",
      callbackUrl: "http://[::1",
      json: "true",
    },
  });
  expect(signedIn.status()).toBe(200);
  expect(((await signedIn.json()) as { url: string }).url).not.toContain("[::1");
});

test("a session cookie copied before sign-out no longer works after it (401 on GET /api/v1/me)", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  const copied = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const before = await page.request.fetch("/api/v1/me", { headers: { cookie: copied } });
  expect(before.status()).toBe(200);
  await signOut(page);
  const after = await page.request.fetch("/api/v1/me", { headers: { cookie: copied } });
  expect(after.status()).toBe(401);
});

test("sign out everywhere ends the person's sign-in on their other devices", async ({ page, browser }) => {
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  try {
    await signIn(phonePage, "coordinator@demo.test");
    await signIn(page, "coordinator@demo.test");
    await page.getByRole("link", { name: "Your sign-in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your sign-in" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign out on every device" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await phonePage.goto("/work-queue");
    await expect(phonePage).toHaveURL(/\/sign-in/);
  } finally {
    await phone.close();
  }
});

test("a 1.5 MB CSV reaches the import's own message instead of the server's body limit", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  const template = await (await page.request.get("/cases/import/template")).text();
  const [header, example] = template.trim().split("\r\n");
  let csv = `${header}\r\n`;
  while (csv.length < 1_500_000) csv += `${example}\r\n`;
  await page.goto("/cases/import");
  await page
    .getByLabel("CSV file of new cases")
    .setInputFiles({ name: "many-cases.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("import at most 500 at a time");
});

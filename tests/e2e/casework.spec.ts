import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./support";

test("a coordinator opens a case from the case list and sees its numbers and timeline", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1, name: /cases/i })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/CRN [A-Z]\d{6}/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Assessment and risk" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expectAccessible(page);
});

test("a coordinator searches the case list by CRN", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/cases");
  const firstLink = page.getByRole("table").getByRole("link").first();
  const rowText = (await firstLink.locator("xpath=ancestor::tr").innerText()) ?? "";
  const crn = /[A-Z]\d{6}/.exec(rowText)?.[0];
  expect(crn).toBeTruthy();
  await page.getByLabel(/name or CRN/i).fill(crn ?? "");
  await page
    .getByRole("button", { name: /search|apply/i })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`q=${crn}`));
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
});

test("a coordinator opens a session roster from the sessions list", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/sessions");
  await page
    .getByRole("main")
    .getByRole("link", { name: /./ })
    .filter({ hasNotText: /previous|next|add a/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "People booked", exact: true })).toBeVisible();
  await expectAccessible(page);
});

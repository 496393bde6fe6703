import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./support";

// An administrator creates an API token for a user, sees it once, uses it, and revokes it.
test("an administrator creates an API token, sees it once, and revokes it", async ({ page }) => {
  const name = `E2E feed ${Date.now()}`;
  await signIn(page, "admin@demo.test");
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.waitForURL("**/admin/api-tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Create an API token" }).click();
  await page.waitForURL("**/admin/api-tokens/new");
  await expect(page.getByRole("heading", { level: 1, name: "Create an API token" })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: the error summary points at both fields.
  await page.getByRole("button", { name: "Create token" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link", { name: "Choose the user the token is for" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Enter a name for the token/ })).toBeVisible();
  await expectAccessible(page);

  const userSelect = page.getByLabel("User the token acts as");
  const coordinator = (await userSelect.getByRole("option", { name: /coordinator@demo\.test/ }).textContent()) ?? "";
  await userSelect.selectOption({ label: coordinator });
  await page.getByLabel("Name of the token").fill(name);
  await page.getByRole("radio", { name: "30 days" }).check();
  await page.getByRole("button", { name: "Create token" }).click();

  await expect(page.getByRole("heading", { name: "Copy the token now: it will not be shown again" })).toBeVisible();
  const token = await page.getByLabel("Your new API token").inputValue();
  expect(token).toMatch(/^cpb_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  // The token works on the API as the coordinator.
  const asCoordinator = await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(asCoordinator.status()).toBe(200);
  expect(await asCoordinator.json()).toMatchObject({ email: "coordinator@demo.test", role: "COORDINATOR" });

  // Shown once: coming back to the form does not show it again.
  await page.getByRole("link", { name: "Back to API tokens" }).last().click();
  await page.waitForURL("**/admin/api-tokens");
  await expect(page.getByText(token)).toHaveCount(0);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Active")).toBeVisible();

  await row.getByRole("link", { name: new RegExp(`Revoke the token ${name}`) }).click();
  await page.waitForURL(/\/admin\/api-tokens\/[0-9a-f-]{36}\/revoke$/);
  await expect(page.getByRole("heading", { level: 1, name: "Revoke this token?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, revoke the token" }).click();

  await page.waitForURL("**/admin/api-tokens");
  await expect(page.getByRole("status")).toContainText(`Token “${name}”`);
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByText("Revoked")).toBeVisible();
  await expectAccessible(page);

  const afterRevoke = await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(afterRevoke.status()).toBe(401);
});

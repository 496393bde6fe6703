import { expect, test } from "./fixtures";
import { expectAccessible, signIn, signOut } from "./support";

// Administrators maintain the reference data (issue 14 part 4; decisions 0072–0075): users with a
// one-time password link, the risk-code catalogue, and a region's PDUs. Each screen is checked with axe.

const unique = () => Date.now().toString(36).toUpperCase();

// Each journey visits several pages and runs axe on most of them: longer than the default minute.
test.describe.configure({ timeout: 240_000 });

test("an administrator adds a user, changes their role, deactivates and reactivates them, and resets their password by a link", async ({
  page,
}) => {
  const stamp = unique();
  const email = `e2e.user.${stamp.toLowerCase()}@demo.test`;
  const name = `Robin Test ${stamp}`;
  const newPassword = "lantern meadow copper";

  await signIn(page, "admin@demo.test");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByRole("link", { name: "Add a user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a user" })).toBeVisible();
  await expectAccessible(page);

  // Nothing entered: the error summary names each field.
  await page.getByRole("button", { name: "Add user" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link", { name: "Enter the user's full name" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choose the user's role" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("radio", { name: /^Placement coordinator/ }).check();
  await page.getByLabel("Region", { exact: true }).selectOption({ label: "Wales" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(
    page.getByRole("heading", { name: `Give ${name} this link now: it will not be shown again` }),
  ).toBeVisible();
  const firstLink = await page.getByLabel("Link to set a password").inputValue();
  expect(firstLink).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  // The user's page: change the role.
  await page.getByRole("link", { name: `Go to ${name}’s details` }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: /^Supervisor/ }).check();
  await page.getByRole("button", { name: "Save role and region" }).click();
  await expect(page.getByText(`${name}'s role and region saved`)).toBeVisible();

  // Deactivate, then reactivate.
  await page.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(page.getByText(`${name} is deactivated and has been signed out everywhere.`)).toBeVisible();
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Reactivate ${name}` }).click();
  await expect(page.getByText(`${name} can sign in again.`)).toBeVisible();

  // A password reset: a new link, shown once; the first link stops working.
  await page.getByRole("button", { name: "Create a password reset link" }).click();
  await expect(page.getByRole("heading", { name: "Password reset link created" })).toBeVisible();
  const resetLink = await page.getByLabel("Link to set a password").inputValue();
  expect(resetLink).not.toBe(firstLink);
  await expectAccessible(page);
  await signOut(page);

  await page.goto(firstLink);
  await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(resetLink);
  await expect(page.getByRole("heading", { level: 1, name: "Set your password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill("too short");
  await page.getByLabel("Type the new password again").fill("too short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("error-summary").getByRole("link", { name: /at least 12 characters/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Type the new password again").fill(newPassword);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password has been set.")).toBeVisible();
  await expectAccessible(page);

  // Used once: the link is finished; the new password signs the user in, as a supervisor.
  await page.goto(resetLink);
  await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await signIn(page, email, newPassword);
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
  await page.waitForURL("**/my-sessions");
});

test("an administrator adds a risk code, changes its meaning and retires it", async ({ page }) => {
  const code = `E${unique().slice(-6)}`;
  await signIn(page, "admin@demo.test");
  await page.getByRole("link", { name: "Risk codes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Risk codes" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a risk code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a risk code" })).toBeVisible();
  await page.getByRole("button", { name: "Add risk code" }).click();
  await expect(
    page.getByTestId("error-summary").getByRole("link", { name: "Enter the code, for example RC" }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Title").fill("Fire setting");
  await page.getByLabel("Guidance for the supervisor").fill("Keep matches and lighters away; no bonfires.");
  await page.getByRole("checkbox", { name: "Tools used" }).check();
  await page.getByRole("button", { name: "Add risk code" }).click();
  await expect(page.getByRole("status")).toContainText(`Risk code ${code} added`);
  await expect(page.getByRole("row", { name: new RegExp(code) })).toContainText("Tools used");

  await page.getByRole("link", { name: `${code} (change or retire)` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${code}: Fire setting` })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Arson or fire setting");
  await page.getByRole("checkbox", { name: "Tools used" }).uncheck();
  await page.getByRole("button", { name: "Save risk code" }).click();
  await expect(page.getByRole("status")).toContainText(`Risk code ${code} saved`);
  const row = page.getByRole("row", { name: new RegExp(code) });
  await expect(row).toContainText("Arson or fire setting");
  await expect(row).toContainText("No conflicting features");

  await page.getByRole("link", { name: `${code} (change or retire)` }).click();
  await page.getByRole("button", { name: `Retire ${code}` }).click();
  await expect(page.getByRole("status")).toContainText(`Risk code ${code} retired`);
  await expect(page.getByRole("row", { name: new RegExp(code) })).toContainText("Retired");
  await expectAccessible(page);
});

test("an administrator adds a PDU to a region and renames it", async ({ page }) => {
  const stamp = unique().slice(-5);
  await signIn(page, "admin@demo.test");
  await page.getByRole("link", { name: "Regions" }).click();
  await page.getByRole("link", { name: "Add or rename Wales's PDUs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Probation delivery units" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Add PDU" }).click();
  await expect(page.getByTestId("error-summary").getByRole("link", { name: "Enter the PDU's name" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill(`Test Valleys ${stamp}`);
  await page.getByLabel("Code").fill(`WAL-T${stamp}`);
  await page.getByRole("button", { name: "Add PDU" }).click();
  await expect(page.getByRole("status")).toContainText(`Test Valleys ${stamp} added`);

  await page.getByRole("link", { name: `Rename Test Valleys ${stamp}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Rename Test Valleys ${stamp}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill(`Test Heads of the Valleys ${stamp}`);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status")).toContainText(`is now called Test Heads of the Valleys ${stamp}`);
  await expect(page.getByRole("row", { name: new RegExp(`Test Heads of the Valleys ${stamp}`) })).toBeVisible();
  await expectAccessible(page);
});

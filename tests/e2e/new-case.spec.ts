import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./support";

// Intake: the GOV.UK form pattern end to end (error summary linked to fields, values kept,
// confirmation after success). The CRN is unique per run so the test can repeat.
test("a coordinator adds a new case, fixing the mistakes the form points out", async ({ page }) => {
  const crn = `Z${String(Date.now()).slice(-6)}`;
  await signIn(page, "coordinator@demo.test");
  await page.goto("/cases");
  await page.getByRole("link", { name: "Add a new case" }).click();
  await page.waitForURL("**/cases/new");
  await expect(page.getByRole("heading", { level: 1, name: "New case" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Case reference number (CRN)").fill(crn);
  await page.getByLabel("First name").fill("Robin");
  await page.getByLabel("Last name").fill("Testperson");
  await page.getByLabel("Hours of unpaid work ordered").fill("ten");
  await page.getByRole("button", { name: "Create case" }).click();

  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeVisible();
  await expect(
    summary.getByRole("link", { name: "Enter the hours ordered as a whole number, for example 120" }),
  ).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the date of birth" })).toBeVisible();
  await expectAccessible(page);
  // Nothing typed is lost.
  await expect(page.getByLabel("Case reference number (CRN)")).toHaveValue(crn);
  await expect(page.getByLabel("First name")).toHaveValue("Robin");
  await expect(page.getByLabel("Hours of unpaid work ordered")).toHaveValue("ten");

  await summary.getByRole("link", { name: "Enter the date of birth" }).click();
  await expect(page.getByLabel("Date of birth")).toBeFocused();
  await page.getByLabel("Date of birth").fill("1990-03-27");
  await page.getByRole("radio", { name: "Male", exact: true }).check();
  await page.getByRole("radio", { name: "Community order" }).check();
  await page.getByRole("radio", { name: /Unpaid work team/ }).check();
  await page.getByLabel("Date of sentence").fill("2026-11-16");
  await page.getByLabel("Sentencing court").fill("Highbury Corner Magistrates' Court");
  await page.getByLabel("Hours of unpaid work ordered").fill("400");
  await page.getByRole("button", { name: "Create case" }).click();
  // R1: the rule's own words come back as a field error.
  await expect(summary.getByRole("link", { name: /from 40 to 300/ })).toBeVisible();

  await page.getByLabel("Hours of unpaid work ordered").fill("120");
  await page.getByRole("button", { name: "Create case" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toContainText(`Case ${crn} created`);
  await expect(page.getByText(`CRN ${crn}`).first()).toBeVisible();
  await expectAccessible(page);
});

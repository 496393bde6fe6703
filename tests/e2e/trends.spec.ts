import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./support";

// Trends (issue 6): a manager reaches them from the dashboard; every chart has its figures as a
// table; the national lead narrows them to a region with the URL filters. axe on every page.

test("a manager opens the trends from the dashboard and reads a chart's figures as a table", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "See how the figures changed over the last 12 months" }).click();
  await page.waitForURL("**/dashboard/trends");
  await expect(page.getByRole("heading", { name: "Trends", exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText("London", { exact: true })).toBeVisible();

  for (const name of ["Backlog", "Dormant cases", "Hours delivered per week", "Completed within 12 months"]) {
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("img", { name: /Backlog at each month end/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Dormant cases at each month end/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Hours delivered per week/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Completed within 12 months, at each month end/ })).toBeVisible();

  const backlogTable = page.getByRole("table", { name: "Backlog at each month end (% of active caseload)" });
  await expect(backlogTable).toBeHidden();
  await page.getByText("Show the figures as a table").first().click();
  await expect(backlogTable).toBeVisible();
  await expect(backlogTable.getByRole("row")).toHaveCount(13);
  await expect(backlogTable.getByRole("columnheader", { name: "Backlog %" })).toBeVisible();
  await expectAccessible(page);

  // The manager's filters stay in their own region; another region's trends are not found.
  await page.goto("/dashboard/trends?region=WAL");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the national lead narrows the trends to one region and team with the URL filters", async ({ page }) => {
  await signIn(page, "national@demo.test");
  await page.goto("/dashboard/trends");
  await expect(page.getByRole("heading", { name: "Trends", exact: true })).toBeVisible();
  await expect(page.getByLabel("Region")).toHaveValue("");
  await expectAccessible(page);

  await page.getByLabel("Region").selectOption({ label: "Wales" });
  await page.getByLabel("Team").selectOption("STANDALONE_UPW");
  await page.getByRole("button", { name: "Show trends" }).click();
  await page.waitForURL(/region=WAL/);
  expect(new URL(page.url()).searchParams.get("teamType")).toBe("STANDALONE_UPW");
  await expect(page.getByRole("heading", { name: "Trends", exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText(/^Wales · /)).toBeVisible();
  await expect(page.getByLabel("Probation delivery unit (PDU)")).toBeVisible();
  await expectAccessible(page);
});

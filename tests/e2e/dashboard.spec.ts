import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./support";

test("a manager drills from the backlog figure to its cases and downloads them as CSV, row for row", async ({
  page,
}) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard", exact: true })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Stand-alone unpaid work and sentence management compared", exact: true }),
  ).toBeVisible();
  await expectAccessible(page);

  const backlogLink = page.getByRole("link", { name: /^See the [\d,]+ backlog cases$/ });
  const figure = Number((/[\d,]+/.exec((await backlogLink.innerText()) ?? "")?.[0] ?? "0").replaceAll(",", ""));
  await backlogLink.click();
  await page.waitForURL(/\/dashboard\/cases\?.*figure=backlog/);
  await expect(page.getByRole("heading", { level: 1, name: "Backlog", exact: true })).toBeVisible();
  await expect(
    page.getByText(new RegExp(`^${figure.toLocaleString("en-GB")} cases?, the same as the figure`)),
  ).toBeVisible();
  await expectAccessible(page);

  const table = page.getByRole("table");
  const listed = await table
    .getByRole("row")
    .evaluateAll((rows) => rows.slice(1).map((row) => (row.querySelectorAll("td")[1]?.textContent ?? "").trim()));

  const downloadLink = page.getByRole("link", { name: /^Download these [\d,]+ cases as a spreadsheet \(CSV\)$/ });
  const downloadPromise = page.waitForEvent("download");
  await downloadLink.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^backlog-.*\.csv$/);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  // Issue 13: a UTF-8 byte-order mark first, so Excel shows "Zoë".
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^CRN,Last name,First name,Region,PDU,Team,Sentence date,Hours ordered,12 months ended$/);
  const csvCrns = lines.slice(1).map((line) => line.split(",")[0]);
  const shown = Number((/[\d,]+/.exec((await downloadLink.innerText()) ?? "")?.[0] ?? "0").replaceAll(",", ""));
  expect(csvCrns).toHaveLength(shown);
  // The table shows the first page in the same order as the CSV.
  expect(csvCrns.slice(0, listed.length)).toEqual(listed);

  // Sorting is in the URL, and keeps the figure.
  await page.getByRole("link", { name: /^CRN\s+\(select to sort\)$/ }).click();
  await page.waitForURL(/sort=crn/);
  await expect(page.getByRole("heading", { level: 1, name: "Backlog", exact: true })).toBeVisible();
});

test("a manager filters the dashboard by team, and the choice is in the address", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/dashboard");
  await page.getByLabel("Team", { exact: true }).selectOption("SENTENCE_MANAGEMENT");
  await page.getByRole("button", { name: "Show figures" }).click();
  await page.waitForURL(/teamType=SENTENCE_MANAGEMENT/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard", exact: true })).toBeVisible();
  await expect(page.getByLabel("Team", { exact: true })).toHaveValue("SENTENCE_MANAGEMENT");
  await expectAccessible(page);
});

test("the national lead sees the regions side by side", async ({ page }) => {
  await signIn(page, "national@demo.test");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Regions side by side", exact: true })).toBeVisible();
  const regions = page.getByRole("table", { name: /Regions side by side/ });
  await expect(regions.getByRole("row")).toHaveCount(13);
  await expect(regions.getByRole("rowheader", { name: "London" })).toBeVisible();
  await expectAccessible(page);
  await regions.getByRole("link", { name: "Wales" }).click();
  await page.waitForURL(/region=WAL/);
  await expect(page.getByRole("heading", { name: "Probation delivery units compared", exact: true })).toBeVisible();
  await expectAccessible(page);
});

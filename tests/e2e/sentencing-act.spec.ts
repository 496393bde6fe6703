// Sentencing Act 2026: an administrator records the commencement dates after a preview, and a
// coordinator confirms an earned reduction of hours (s.37) on a case that has reached the
// qualifying amount. The dates are global, so the test clears them again at the end.
import { expect, test } from "./fixtures";
import { apiToken, expectAccessible, signIn, signOut } from "./support";

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test.afterAll(async ({ request }) => {
  const admin = await apiToken(request, "admin@demo.test");
  await request.put("/api/v1/admin/rule-commencements", {
    headers: { authorization: `Bearer ${admin}` },
    data: { twelveMonthPeriodAbolishedFrom: null, earnedReductionFrom: null },
  });
});

test("an administrator records the s.37 date after a preview; a coordinator confirms an earned reduction", async ({
  page,
  request,
}) => {
  // A 40-hour case, ETE-eligible, with 12 hours of ETE credited: past the 10-hour qualifying amount.
  const coordinator = await apiToken(request, "coordinator@demo.test");
  const auth = { authorization: `Bearer ${coordinator}` };
  const crn = `S${String(Date.now()).slice(-6)}`;
  const created = await request.post("/api/v1/cases", {
    headers: auth,
    data: {
      crn,
      firstName: "Earned",
      lastName: "Reduction",
      dateOfBirth: "1990-04-04",
      gender: "MALE",
      region: "LON",
      orderType: "COMMUNITY_ORDER",
      managedBy: "STANDALONE_UPW",
      sentenceDate: isoDaysAgo(40),
      court: "Croydon Magistrates' Court",
      hoursOrdered: 40,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const caseView = (await created.json()) as { id: string; version: number };
  const assessed = await request.put(`/api/v1/cases/${caseView.id}/assessment`, {
    headers: auth,
    data: {
      version: caseView.version,
      rosh: "LOW",
      riskCodes: [],
      eteEligible: true,
      eteReason: "NOT_IN_WORK",
      complete: true,
    },
  });
  expect(assessed.status(), await assessed.text()).toBe(200);
  for (const daysAgo of [20, 10]) {
    const credit = await request.post(`/api/v1/cases/${caseView.id}/ete-credits`, {
      headers: auth,
      data: { date: isoDaysAgo(daysAgo), minutes: 360, activity: "Forklift licence course" },
    });
    expect(credit.status(), await credit.text()).toBe(201);
  }

  // The administrator previews, then records, the commencement date of s.37.
  await signIn(page, "admin@demo.test");
  await page.getByRole("link", { name: "Rule dates" }).click();
  await expect(page.getByRole("heading", { name: "Rule dates" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Date the earned reduction starts (section 37)").fill("2026-01-22");
  await page.getByRole("button", { name: "Preview the change" }).click();
  await expect(page.getByRole("heading", { name: /What changes today/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Record these dates" }).click();
  await expect(page.getByText("Rule dates recorded.")).toBeVisible();
  await expect(page.getByText("From 22 January 2026")).toBeVisible();
  await signOut(page);

  // The coordinator sees the proposal and records their view.
  await signIn(page, "coordinator@demo.test");
  await page.goto(`/cases/${caseView.id}`);
  await expect(page.getByTestId("earned-reduction-status")).toContainText("Qualified");
  await page.getByRole("link", { name: "Decide on the reduction" }).click();
  await expect(page.getByRole("heading", { name: "Decide on the earned reduction" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("link", { name: "Choose whether you confirm or refuse the reduction" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Confirm:/).check();
  await page.getByLabel("Note (optional)").fill("Attended every session and worked well");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText(/Reduction confirmed\. The hours required are now 39 hours/)).toBeVisible();
  await expect(page.getByText("1 hour earned off")).toBeVisible();
  await expectAccessible(page);
});

test("an administrator adds a proclaimed bank holiday and removes it again", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.getByRole("link", { name: "Bank holidays" }).click();
  await expect(page.getByRole("heading", { name: "Bank holidays" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add bank holiday" }).click();
  await expect(page.getByRole("link", { name: "Enter the date of the holiday" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Date", { exact: true }).fill("2031-06-02");
  await page.getByLabel("Name of the holiday").fill("Proclaimed holiday");
  await page.getByRole("button", { name: "Add bank holiday" }).click();
  await expect(page.getByText("Proclaimed holiday on 2 June 2031 added.")).toBeVisible();
  await page.getByRole("button", { name: /Remove Proclaimed holiday/ }).click();
  // The date is gone from the year's table. (The "removed" notice does not show after a redirect to the
  // same address the "added" notice was shown on: a flash-banner defect noted for the lead.)
  await expect(page.getByText("There are no bank holidays recorded for 2031.")).toBeVisible();
  await expectAccessible(page);
});

test("an administrator changes a region's settings; a wrong value keeps what was typed", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.getByRole("link", { name: "Regions" }).click();
  await expect(page.getByRole("heading", { name: "Regions" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Change Wales's settings" }).click();
  await expectAccessible(page);
  await page.getByLabel("Over-booking limit (%)").fill("90");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("link", { name: /at least 100%/ })).toBeVisible();
  await expect(page.getByLabel("Over-booking limit (%)")).toHaveValue("90");
  await expectAccessible(page);
  await page.getByLabel("Over-booking limit (%)").fill("120");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Wales's settings saved.")).toBeVisible();
});

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn, signOut } from "./support";

// Issue 5 on a phone (Pixel 5 project, playwright.config.ts): the demo supervisor runs today's
// session from the roster — everyone present in one tap, two exceptions, an incident — and closes it.

async function openTodaysSession(page: Page): Promise<string> {
  await signIn(page, "supervisor@demo.test");
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  await expectAccessible(page);
  const today = page.getByRole("region", { name: "Today" });
  await today.getByRole("link").first().click();
  await page.waitForURL(/\/my-sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Who is booked", exact: true })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

test("a supervisor records a full session on a phone and closes it; the office sees it closed", async ({ page }) => {
  // A long journey (eight accessibility scans) on a shared machine.
  test.setTimeout(120_000);
  // The narrowest phone the service supports (issue 5: 360 px wide).
  await page.setViewportSize({ width: 360, height: 780 });
  const sessionId = await openTodaysSession(page);
  await expectAccessible(page);

  const attendanceHeadings = page.getByRole("heading", { name: /^Attendance for / });
  const people = await attendanceHeadings.count();
  expect(people).toBeGreaterThanOrEqual(2);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  const names = (await attendanceHeadings.allTextContents()).map((text) => text.replace(/^Attendance for /, "").trim());
  const [absent, late] = names as [string, string];

  if (process.env.SCREENSHOTS) await page.screenshot({ path: "/tmp/sup-top.png" });
  // Everyone present in one tap: one PUT per person through the outbox.
  // Other specs (offline-mobile) may already have recorded someone on today's session.
  const unrecorded = await page.getByRole("button", { name: /^Record attendance for / }).count();
  expect(unrecorded).toBeGreaterThanOrEqual(2);
  await page.getByRole("button", { name: /^Mark all present \d\d:\d\d–\d\d:\d\d$/ }).click();
  await expect(page.getByText(`${unrecorded} people marked present.`)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Record attendance for / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Mark all present/ })).toBeDisabled();

  // Exception 1: did not attend. The supervisor records what they saw; whether the absence was
  // acceptable is the office's decision on evidence, so "acceptable absence" is not offered here.
  const absentSection = page.getByRole("region", { name: `Attendance for ${absent}` });
  await absentSection.getByRole("button", { name: `Change attendance for ${absent}` }).click();
  const absentForm = page.getByRole("form", { name: `Attendance for ${absent}` });
  await expect(absentForm.getByRole("radio", { name: "Acceptable absence", exact: true })).toHaveCount(0);
  await absentForm.getByRole("radio", { name: /^Did not attend/ }).check();
  await expect(absentForm.getByText("No time is credited for an absence.")).toBeVisible();
  await absentForm.getByLabel("Note (optional)").fill("Phoned at 08:15: says GP appointment, letter to follow.");
  await expectAccessible(page);
  if (process.env.SCREENSHOTS) await absentForm.screenshot({ path: "/tmp/sup-form.png" });
  await absentForm.getByRole("button", { name: `Save attendance for ${absent}` }).click();
  await expect(absentSection.getByText("Saved: Unacceptable absence")).toBeVisible();

  // Exception 2: penalty minutes; the credited time is shown as the rule computes it.
  const lateSection = page.getByRole("region", { name: `Attendance for ${late}` });
  await lateSection.getByRole("button", { name: `Change attendance for ${late}` }).click();
  const lateForm = page.getByRole("form", { name: `Attendance for ${late}` });
  const before = (await lateForm.getByText(/^Time credited: /).textContent()) ?? "";
  await lateForm.getByLabel("Penalty minutes").fill("30");
  await expect(lateForm.getByText(/^Time credited: /)).not.toHaveText(before);
  await lateForm.getByRole("button", { name: `Save attendance for ${late}` }).click();
  await expect(lateSection.getByText(/30 penalty minutes/)).toBeVisible();

  // An incident, with who, what and when.
  await page.getByRole("link", { name: "Record an incident" }).click();
  await page.waitForURL(/\/incidents\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Record an incident" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: /^Near miss/ }).check();
  await page.getByLabel("Who was it about? (optional)").selectOption({ label: late });
  await page.getByLabel("What time did it happen?").fill("11:20");
  await page.getByLabel("What happened?").fill("Strimmer guard came loose; machine taken out of use.");
  await page.getByRole("button", { name: "Save the incident" }).click();
  await expect(page.getByText("Incident saved.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the session" }).last().click();
  await page.waitForURL(new RegExp(`/my-sessions/${sessionId}$`));
  await expect(page.getByText("Strimmer guard came loose; machine taken out of use.")).toBeVisible();

  // Close the session: the register is done.
  // First a check of the register, then a confirmation.
  await page.getByRole("button", { name: "Close the session" }).click();
  const check = page.getByRole("group", { name: "Check the register before closing" });
  await expect(check.getByText("Absent: 1")).toBeVisible();
  await expect(check.getByText("Waiting to be sent: 0")).toBeVisible();
  await expectAccessible(page);
  await check.getByRole("button", { name: "Yes, close the session" }).click();
  await expect(
    page.getByText("This session is closed. You can reopen it today to correct its attendance."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Change attendance for / })).toHaveCount(0);
  await expectAccessible(page);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: "/tmp/sup-closed.png" });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // The office sees it as closed.
  await signOut(page);
  await signIn(page, "coordinator@demo.test");
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByText("Closed", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The incident reaches the manager's list.
  await signOut(page);
  await signIn(page, "manager@demo.test");
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await expect(page.getByText("Strimmer guard came loose; machine taken out of use.")).toBeVisible();
  await expectAccessible(page);
});

test("a supervisor gets 404 for a session that is not theirs", async ({ page }) => {
  // Sessions of the region from the office's list; some belong to other supervisors.
  await signIn(page, "coordinator@demo.test");
  await page.goto("/sessions");
  const hrefs = await page
    .getByRole("main")
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((link) => link.getAttribute("href") ?? "").filter((href) => /^\/sessions\/[0-9a-f-]{36}$/.test(href)),
    );
  expect(hrefs.length).toBeGreaterThan(0);
  await signOut(page);

  await signIn(page, "supervisor@demo.test");
  const statuses = [];
  for (const href of hrefs.slice(0, 20))
    statuses.push((await page.request.get(`/my-sessions/${href.split("/").pop()}`)).status());
  expect(statuses).toContain(404);
  expect(statuses.every((status) => status === 200 || status === 404)).toBe(true);
  const notMine = hrefs[statuses.indexOf(404)] ?? "";
  const response = await page.goto(`/my-sessions/${notMine.split("/").pop()}`);
  expect(response?.status()).toBe(404);
  await expectAccessible(page);

  const stranger = await page.goto("/my-sessions/00000000-0000-4000-8000-000000000000");
  expect(stranger?.status()).toBe(404);
  await expectAccessible(page);
  const incident = await page.goto("/my-sessions/00000000-0000-4000-8000-000000000000/incidents/new");
  expect(incident?.status()).toBe(404);
});

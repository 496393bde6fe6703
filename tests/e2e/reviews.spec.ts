import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./support";

// R3 reviews (issue 10): a coordinator sees a review due on the work queue, records it with its
// outcome, and the case page shows it; a missing answer keeps what was typed and says what to fix.
test("a coordinator records an overdue review from the work queue", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/work-queue");
  const section = page.getByRole("region", { name: /^Reviews due and overdue \(/ });
  await expect(section.getByRole("heading", { name: /^Reviews due and overdue/ })).toBeVisible();
  await expectAccessible(page);
  await section
    .getByRole("link", { name: /^Record the review/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}\/review$/);
  await expect(page.getByRole("heading", { level: 1, name: "Record a review" })).toBeVisible();
  await expectAccessible(page);

  // Leave the outcome out: the error summary names it and the note typed is kept.
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
  await page.getByLabel("Date of the review").fill(today);
  await page.getByLabel("Note (optional)").fill("Attending weekly; agreed Saturdays.");
  await page.getByRole("button", { name: "Record review" }).click();
  const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(problems).toContainText("Choose the outcome of the review");
  await expect(page.getByLabel("Note (optional)")).toHaveValue("Attending weekly; agreed Saturdays.");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "On track" }).check();
  await page.getByRole("button", { name: "Record review" }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const reviews = page.getByRole("region", { name: "Reviews" });
  await expect(reviews.getByText(/review on .*: On track/).first()).toBeVisible();
  await expect(reviews.getByText("Attending weekly; agreed Saturdays.")).toBeVisible();
  await expectAccessible(page);
});

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn, signOut } from "./support";

// The coordinator's forms that start from a case (issue 4): intake → assessment, the ETE cap
// (R6), a warning then a refused second warning (R9) and the printable warning letter. Each test
// takes in its own new case through the form, so it does not depend on the demo data.

/** A calendar date in Europe/London, `offsetDays` from today (YYYY-MM-DD). */
function londonDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

let crnCounter = 0;
/** Takes in a new case through the new-case form; returns the case page's path. */
async function takeInCase(page: Page, { hours = 120 } = {}): Promise<string> {
  crnCounter += 1;
  const crn = `Y${String(Date.now() + crnCounter).slice(-6)}`;
  await page.goto("/cases/new");
  await page.getByLabel("Case reference number (CRN)").fill(crn);
  await page.getByLabel("First name").fill("Alex");
  await page.getByLabel("Last name").fill(`Formtest${crnCounter}`);
  await page.getByLabel("Date of birth").fill("1992-05-14");
  await page.getByRole("radio", { name: "Female" }).check();
  await page.getByRole("radio", { name: "Community order" }).check();
  await page.getByRole("radio", { name: /Unpaid work team/ }).check();
  await page.getByLabel("Date of sentence").fill(londonDate(-7));
  await page.getByLabel("Sentencing court").fill("Highbury Corner Magistrates' Court");
  await page.getByLabel("Hours of unpaid work ordered").fill(String(hours));
  await page.getByRole("button", { name: "Create case" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** Fills in and completes the assessment (the form must be open). */
async function completeAssessment(page: Page, { eteEligible }: { eteEligible: boolean }): Promise<void> {
  await page.getByRole("radio", { name: "Medium" }).check();
  await page.getByRole("radio", { name: eteEligible ? "Yes" : "No", exact: true }).check();
  if (eteEligible) await page.getByRole("radio", { name: "Not in work or training" }).check();
  await page.getByRole("checkbox", { name: "The assessment is complete" }).check();
  await page.getByRole("button", { name: "Save assessment" }).click();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
});

test("intake then assessment: risk codes explained, mistakes pointed out, completion unlocks allocation", async ({
  page,
}) => {
  const casePath = await takeInCase(page);
  await expect(page.getByTestId("allocation-readiness")).toHaveText(
    "Work sessions cannot be allocated until the assessment is complete.",
  );
  await page.getByRole("link", { name: "Complete the assessment" }).click();
  await page.waitForURL(`**${casePath}/assessment`);
  await expect(page.getByRole("heading", { level: 1, name: "Assessment" })).toBeVisible();
  // Each risk code is shown with its meaning and the supervisor's guidance, never as a bare code.
  const riskToChildren = page.getByRole("checkbox", { name: "Risk to children (code RC)" });
  await expect(riskToChildren).toBeVisible();
  await expect(page.getByText(/Must not work where children are present/)).toBeVisible();
  await expectAccessible(page);

  await riskToChildren.check();
  await page.getByRole("group", { name: "Monday" }).getByRole("checkbox", { name: "Morning" }).check();
  await page.getByLabel("Skills and work experience (optional)").fill("Painting and decorating");
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await page.getByRole("checkbox", { name: "The assessment is complete" }).check();
  await page.getByRole("button", { name: "Save assessment" }).click();

  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link", { name: "Choose the risk of serious harm (RoSH) level" })).toBeVisible();
  await expectAccessible(page);
  // Nothing ticked or typed is lost.
  await expect(riskToChildren).toBeChecked();
  await expect(page.getByRole("group", { name: "Monday" }).getByRole("checkbox", { name: "Morning" })).toBeChecked();
  await expect(page.getByLabel("Skills and work experience (optional)")).toHaveValue("Painting and decorating");
  await expect(page.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();

  await page.getByRole("radio", { name: "Medium" }).check();
  await page.getByRole("button", { name: "Save assessment" }).click();
  // R6: eligibility needs one of the three reasons.
  await expect(summary.getByRole("link", { name: "Choose why the person is eligible for ETE" })).toBeVisible();
  await page.getByRole("radio", { name: "Developing employment options" }).check();
  await page.getByRole("button", { name: "Save assessment" }).click();
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByRole("status")).toContainText(
    "Assessment saved and complete. Work sessions can now be allocated.",
  );
  await expect(page.getByTestId("allocation-readiness")).toHaveText(
    "The assessment is complete, so work sessions can be allocated.",
  );
  await expect(page.getByText("Risk to children (RC)")).toBeVisible();
  await expectAccessible(page);
});

test("ETE over the 30% cap is refused with the allowance shown; a credit within it is accepted", async ({ page }) => {
  const casePath = await takeInCase(page, { hours: 40 });
  await page.getByRole("link", { name: "Complete the assessment" }).click();
  await page.waitForURL(`**${casePath}/assessment`);
  await completeAssessment(page, { eteEligible: true });
  await page.waitForURL(`**${casePath}`);

  await page.getByRole("link", { name: "Credit ETE time" }).click();
  await page.waitForURL(`**${casePath}/ete-credit`);
  await expect(page.getByRole("heading", { level: 1, name: "Credit ETE time" })).toBeVisible();
  // 30% of 40 hours: the allowance, and (nothing used yet) what remains.
  await expect(page.getByText("12 hours (720 minutes)", { exact: true })).toHaveCount(2);
  await expectAccessible(page);

  await page.getByLabel("Time to credit, in minutes").fill("800");
  await page.getByLabel("Activity", { exact: true }).fill("Forklift licence course");
  await page.getByRole("button", { name: "Credit ETE time" }).click();
  const refusal =
    "This credit would take ETE to 800 minutes. The most this person can have credited as ETE is 720 minutes (30% of 40 hours); 720 minutes remain.";
  await expect(page.getByTestId("error-summary").getByRole("link", { name: refusal })).toBeVisible();
  await expect(page.getByText(`Error: ${refusal}`)).toBeVisible();
  await expect(page.getByLabel("Time to credit, in minutes")).toHaveValue("800");
  await expect(page.getByLabel("Activity", { exact: true })).toHaveValue("Forklift licence course");
  await expectAccessible(page);

  await page.getByLabel("Time to credit, in minutes").fill("120");
  await page.getByRole("button", { name: "Credit ETE time" }).click();
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByRole("status")).toContainText(
    "2 hours of ETE credited. 10 hours of the ETE allowance remain.",
  );
  await expectAccessible(page);
});

test("a warning, then a second warning refused, and the printable warning letter", async ({ page }) => {
  const casePath = await takeInCase(page);
  await page.getByRole("link", { name: "Record a warning or breach" }).click();
  await page.waitForURL(`**${casePath}/enforcement/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Record a warning or breach" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "A formal warning" }).check();
  // R9: a warning must answer a failure — none named is refused, with what was typed kept.
  await page.getByLabel("Note (optional)").fill("Seen at the office");
  await page.getByRole("button", { name: "Record" }).click();
  await expect(
    page.getByTestId("error-summary").getByRole("link", { name: /must answer a failure to comply/ }),
  ).toBeVisible();
  await expect(page.getByLabel("Note (optional)")).toHaveValue("Seen at the office");
  await expectAccessible(page);
  await page.getByLabel("Date of the failure (if not listed above)").fill(londonDate(-1));
  await page
    .getByLabel("What the failure was (if not listed above)")
    .fill("you left the work site without permission before the session ended.");
  await page.getByRole("button", { name: "Record" }).click();
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByRole("status")).toContainText("Warning recorded.");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Record a warning or breach" }).click();
  await page.waitForURL(`**${casePath}/enforcement/new`);
  await page.getByRole("radio", { name: "A formal warning" }).check();
  await page.getByLabel("Date of the failure (if not listed above)").fill(londonDate(0));
  await page.getByLabel("What the failure was (if not listed above)").fill("you did not come to your session.");
  await page.getByRole("button", { name: "Record" }).click();
  const secondWarning =
    /A warning was given on .+\. A further failure within 12 months of that warning \(up to .+\) must go back to court as a breach, not get a second warning\./;
  await expect(page.getByTestId("error-summary").getByRole("link", { name: secondWarning })).toBeVisible();
  await expect(page.getByRole("radio", { name: "A formal warning" })).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("link", { name: /^Back to / }).click();
  await page.waitForURL(`**${casePath}`);
  await page.getByRole("link", { name: /Print the warning letter/ }).click();
  await page.waitForURL(/\/enforcement\/[0-9a-f-]{36}\/letter$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Formal warning: failure to comply with your community order" }),
  ).toBeVisible();
  await expect(
    page.getByText(
      /you failed to comply with the requirements of your order: you left the work site without permission before the session ended\./,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/within 12 months of this warning .+ you are liable to be brought back before the court/),
  ).toBeVisible();
  await expect(page.getByText(/This warning was given to you in person on .+ by /)).toBeVisible();
  await expectAccessible(page);
  // On paper: only the letter, no navigation.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print the letter" })).toBeHidden();
  await expect(
    page.getByRole("heading", { level: 1, name: "Formal warning: failure to comply with your community order" }),
  ).toBeVisible();
});

test("a new placement, a weekly series of sessions, and a session's free places within the over-booking limit", async ({
  page,
}) => {
  const name = `Canal towpath clean-up ${Date.now()}`;
  await page.goto("/placements");
  await page.getByRole("link", { name: "Add a placement" }).click();
  await page.waitForURL("**/placements/new");
  await expect(page.getByRole("heading", { level: 1, name: "New placement" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Placement name").fill(name);
  await page.getByLabel("Places").fill("six");
  await page.getByRole("button", { name: "Add placement" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link", { name: "Choose the type of placement" })).toBeVisible();
  await expect(
    summary.getByRole("link", { name: "Enter how many people can work there at once, as a whole number" }),
  ).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel("Placement name")).toHaveValue(name);

  await page.getByRole("radio", { name: "Group work party" }).check();
  await page.getByLabel("Places").fill("6");
  await page.getByRole("checkbox", { name: "Tools used" }).check();
  await page.getByLabel("Beneficiary (optional)", { exact: true }).fill("Canal and River Trust");
  await page.getByRole("button", { name: "Add placement" }).click();
  await page.waitForURL(/\/placements\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toContainText(`Placement ${name} added.`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a weekly series of sessions" }).click();
  await page.waitForURL(/\/sessions\/new\?/);
  await expect(page.getByRole("heading", { level: 1, name: "New weekly series of sessions" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Date of the first session").fill(londonDate(7));
  await page.getByLabel("Date of the last session").fill(londonDate(28));
  await page.getByRole("button", { name: "Add the sessions" }).click();
  await page.waitForURL(/\/placements\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toContainText(/sessions? added/);
  await expectAccessible(page);

  await page.getByRole("table").getByRole("link").first().click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  // Issue 13: free places in words, with the over-booking limit (6 places × the region's 120 % → 7).
  await expect(page.getByText(/^0 of 6 booked \(up to 7 with over-booking\)$/)).toBeVisible();
  await expectAccessible(page);
});

test("an assessment saved by someone else meanwhile is not overwritten: the form asks to reload", async ({
  page,
  context,
}) => {
  const casePath = await takeInCase(page);
  const other = await context.newPage();
  await other.goto(`${casePath}/assessment`);
  await page.goto(`${casePath}/assessment`);
  await completeAssessment(other, { eteEligible: false });
  await other.waitForURL(`**${casePath}`);

  await page.getByRole("radio", { name: "High", exact: true }).check();
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByTestId("error-summary")).toContainText(
    "This record was changed by someone else. Reload it to see their changes, then try again.",
  );
  await expect(page.getByRole("radio", { name: "High", exact: true })).toBeChecked();
  await expectAccessible(page);
});

test("a manager: an extension refused then recorded, a breach and the court's outcome, then termination", async ({
  page,
}) => {
  await signOut(page);
  await signIn(page, "manager@demo.test");
  const casePath = await takeInCase(page);

  await page.getByRole("link", { name: "Record an extension" }).click();
  await page.waitForURL(`**${casePath}/extension`);
  await expect(page.getByRole("heading", { level: 1, name: "Record an extension" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Date the court granted the extension").fill(londonDate(0));
  await page.getByLabel("New end date").fill(londonDate(100));
  await page.getByLabel("Reason the court gave").fill("Person in hospital for two months");
  await page.getByRole("button", { name: "Record extension" }).click();
  // R3: the new end date must be after the current one.
  await expect(page.getByTestId("error-summary").getByRole("link", { name: /after/ })).toBeVisible();
  await expect(page.getByLabel("Reason the court gave")).toHaveValue("Person in hospital for two months");
  await expectAccessible(page);
  await page.getByLabel("New end date").fill(londonDate(500));
  await page.getByRole("button", { name: "Record extension" }).click();
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByRole("status")).toContainText("Extension recorded. The work must now be done by");

  await page.getByRole("link", { name: "Record a warning or breach" }).click();
  await page.waitForURL(`**${casePath}/enforcement/new`);
  await page.getByRole("radio", { name: "A breach (back to court)" }).check();
  await page.getByLabel("Date of the failure (if not listed above)").fill(londonDate(-1));
  await page
    .getByLabel("What the failure was (if not listed above)")
    .fill("you did not come to your session for the third time.");
  await page.getByRole("button", { name: "Record" }).click();
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByRole("status")).toContainText("Breach recorded.");
  await expectAccessible(page);

  await page.getByRole("link", { name: /Record the court's outcome/ }).click();
  await page.waitForURL(/\/enforcement\/[0-9a-f-]{36}\/outcome$/);
  await expect(page.getByRole("heading", { level: 1, name: "Record the court's outcome" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Hours added" }).check();
  await page.getByLabel("New total hours ordered (only if hours were added)").fill("150");
  await page.getByRole("button", { name: "Record outcome" }).click();
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByRole("status")).toContainText("Outcome recorded: hours added.");
  await expect(page.getByText("120 hours (the court has since changed them)")).toBeVisible();

  await page.getByRole("link", { name: "Terminate the requirement" }).click();
  await page.waitForURL(`**${casePath}/terminate`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Terminate the requirement" }).click();
  await expect(
    page.getByTestId("error-summary").getByRole("link", { name: "Choose why the requirement is ending" }),
  ).toBeVisible();
  await page.getByRole("radio", { name: "Other reason" }).check();
  await page.getByRole("button", { name: "Terminate the requirement" }).click();
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByRole("status")).toContainText("Requirement terminated.");
  await expect(
    page.getByText("This requirement is no longer active, so nothing more can be recorded on it here."),
  ).toBeVisible();
  await expectAccessible(page);
});

// Issue 4's whole journey in one go: a new case taken in, assessed, booked on a session, and its
// work instruction opened — nothing but the coordinator's own screens.
test("the whole journey: intake → assessment → allocation → work instruction", async ({ page }) => {
  const casePath = await takeInCase(page);
  await page.getByRole("link", { name: "Complete the assessment" }).click();
  await page.waitForURL(`**${casePath}/assessment`);
  await completeAssessment(page, { eteEligible: false });
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByTestId("allocation-readiness")).toHaveText(
    "The assessment is complete, so work sessions can be allocated.",
  );

  await page.getByRole("link", { name: "Allocate to a session" }).click();
  await page.waitForURL(`**${casePath}/allocate`);
  await expect(page.getByRole("heading", { level: 1, name: "Allocate to a session" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("link", { name: /^(Book|Record the details and book) / })
    .first()
    .click();
  await page.waitForURL(/\/allocate\?session=/);
  const lateStart = page.getByRole("group", { name: "Why is the start late?" });
  if (await lateStart.isVisible()) {
    await lateStart.getByRole("radio", { name: "Service capacity" }).check();
    await page.getByLabel("Note about the late start").fill("No places on suitable sessions before the deadline.");
  }
  const consent = page.getByRole("checkbox", { name: "She has agreed to be the only woman in this group" });
  if (await consent.isVisible()) await consent.check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Book this session" }).click();
  await page.waitForURL(`**${casePath}`);
  await expect(page.getByRole("status")).toContainText("Booked on the session");

  await page.getByRole("link", { name: "Work instructions" }).click();
  await page.waitForURL(`**${casePath}/work-instruction`);
  await page
    .getByRole("link", { name: /\d{2}:\d{2} to \d{2}:\d{2}/ })
    .first()
    .click();
  await page.waitForURL(/\/work-instruction\?allocation=/);
  await expect(
    page.getByRole("heading", { level: 1, name: /^Your unpaid work (instruction|induction)$/ }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "If you do not attend" })).toBeVisible();
  await expectAccessible(page);
});

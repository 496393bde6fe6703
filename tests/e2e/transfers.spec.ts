import { expect, test } from "./fixtures";
import { expectAccessible, signIn, signOut } from "./support";

// Issue 10, order model: a second order for the same person, consecutive to the first, shown on the
// case page; then a transfer to Wales asked for by the London coordinator and accepted by the
// Welsh manager, after which the case is Wales's. The CRN is unique per run so the test can repeat.
const londonDate = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/London" });

test("a consecutive order is recorded, then the case moves to Wales when its manager accepts", async ({ page }) => {
  const crn = `Y${String(Date.now()).slice(-6)}`;
  await signIn(page, "coordinator@demo.test");
  await page.goto("/cases/new");
  await page.getByLabel("Case reference number (CRN)").fill(crn);
  await page.getByLabel("First name").fill("Morgan");
  await page.getByLabel("Last name").fill("Transferperson");
  await page.getByLabel("Date of birth").fill("1988-05-04");
  await page.getByRole("radio", { name: "Male", exact: true }).check();
  await page.getByRole("radio", { name: "Community order" }).check();
  await page.getByRole("radio", { name: /Unpaid work team/ }).check();
  await page.getByLabel("Date of sentence").fill(londonDate(20));
  await page.getByLabel("Sentencing court").fill("Highbury Corner Magistrates' Court");
  await page.getByLabel("Hours of unpaid work ordered").fill("80");
  await page.getByRole("button", { name: "Create case" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);

  // A second order for the same person, consecutive to the first.
  await page.getByRole("link", { name: "Add another order for this person" }).click();
  await page.waitForURL(/\/cases\/new\?for=/);
  await expect(page.getByLabel("Case reference number (CRN)")).toHaveValue(crn);
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Community order" }).check();
  await page.getByRole("radio", { name: /Unpaid work team/ }).check();
  await page.getByLabel("Date of sentence").fill(londonDate(5));
  await page.getByLabel("Sentencing court").fill("Camberwell Green Magistrates' Court");
  await page.getByLabel("Hours of unpaid work ordered").fill("60");
  await page.getByRole("radio", { name: "After another order (consecutive)" }).check();
  await page.getByLabel("Which order (if consecutive or concurrent)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Create case" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const requirements = page.getByRole("region", { name: "This person's requirements" }).first();
  await expect(requirements.getByText(/^After the community order of /)).toBeVisible();
  await expect(requirements.getByText(/^Before the community order of /)).toBeVisible();
  await expectAccessible(page);

  // Ask for the transfer of this (second) case to Wales.
  const caseUrl = page.url();
  await page.getByRole("link", { name: "Ask to transfer this case to another region" }).click();
  await page.waitForURL(/\/transfer$/);
  await expectAccessible(page);
  await page.getByLabel("Region to transfer to").selectOption({ label: "Wales" });
  await page.getByLabel("Reason").fill("Moved to Cardiff to live with family");
  await page.getByRole("button", { name: "Ask for the transfer" }).click();
  await page.waitForURL(caseUrl);
  await expect(page.getByRole("status")).toContainText("Transfer asked for");
  await expect(page.getByText(/A transfer to Wales was asked for on/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The Welsh manager sees the summary and accepts.
  await signIn(page, "manager.wales@demo.test");
  await page.goto("/transfers");
  await expect(page.getByRole("heading", { level: 1, name: "Transfers to your region" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Decide on the transfer of Morgan Transferperson" }).last().click();
  await page.waitForURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Moved to Cardiff to live with family")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Accept transfer of Morgan Transferperson" }).click();
  await page.waitForURL(caseUrl);
  await expect(page.getByRole("status")).toContainText("Transfer accepted");
  await expect(page.getByText(/From London to Wales, asked for on/)).toBeVisible();
  await expectAccessible(page);
});

test("a concurrent order: both orders' hours count towards both, and the outstanding total counts the pair once", async ({
  page,
}) => {
  const crn = `X${String(Date.now()).slice(-6)}`;
  await signIn(page, "coordinator@demo.test");
  await page.goto("/cases/new");
  await page.getByLabel("Case reference number (CRN)").fill(crn);
  await page.getByLabel("First name").fill("Riley");
  await page.getByLabel("Last name").fill("Twoorders");
  await page.getByLabel("Date of birth").fill("1991-02-14");
  await page.getByRole("radio", { name: "Female", exact: true }).check();
  await page.getByRole("radio", { name: "Community order" }).check();
  await page.getByRole("radio", { name: /Unpaid work team/ }).check();
  await page.getByLabel("Date of sentence").fill(londonDate(10));
  await page.getByLabel("Sentencing court").fill("Highbury Corner Magistrates' Court");
  await page.getByLabel("Hours of unpaid work ordered").fill("80");
  await page.getByRole("button", { name: "Create case" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);

  await page.getByRole("link", { name: "Add another order for this person" }).click();
  await page.waitForURL(/\/cases\/new\?for=/);
  await page.getByRole("radio", { name: "Community order" }).check();
  await page.getByRole("radio", { name: /Unpaid work team/ }).check();
  // Another court, another day: the same court's order on the same day would be the first one again.
  await page.getByLabel("Date of sentence").fill(londonDate(5));
  await page.getByLabel("Sentencing court").fill("Camberwell Green Magistrates' Court");
  await page.getByLabel("Hours of unpaid work ordered").fill("60");
  await page.getByRole("radio", { name: "At the same time as another order (concurrent)" }).check();
  await page.getByLabel("Which order (if consecutive or concurrent)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Create case" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);

  const section = page.getByRole("region", { name: "This person's requirements" }).first();
  await expect(section.getByText(/hours count towards both/).first()).toBeVisible();
  await expect(page.getByText(/Orders that run at the same time share their hours/)).toBeVisible();
  // 80 and 60 hours at the same time: 80 hours outstanding, not 140 (decision 0049).
  await expect(page.getByText(/Outstanding across their active requirements:/)).toContainText("80 hours");
});

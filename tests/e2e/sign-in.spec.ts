import { expect, test } from "./fixtures";
import { expectAccessible, signIn, signOut } from "./support";

const homes = [
  {
    email: "coordinator@demo.test",
    path: "/work-queue",
    heading: /work queue/i,
    role: "Placement coordinator",
    region: "London",
  },
  {
    email: "supervisor@demo.test",
    path: "/my-sessions",
    heading: /my sessions/i,
    role: "Supervisor",
    region: "London",
  },
  { email: "manager@demo.test", path: "/dashboard", heading: /dashboard/i, role: "Regional manager", region: "London" },
  {
    email: "manager.wales@demo.test",
    path: "/dashboard",
    heading: /dashboard/i,
    role: "Regional manager",
    region: "Wales",
  },
  {
    email: "national@demo.test",
    path: "/dashboard",
    heading: /dashboard/i,
    role: "National lead",
    region: "All regions",
  },
  { email: "admin@demo.test", path: "/admin/users", heading: /users/i, role: "Administrator", region: "All regions" },
];

test("the sign-in page is accessible and a signed-out visitor is sent to it", async ({ page }) => {
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expectAccessible(page);
});

for (const home of homes) {
  test(`${home.email} lands on their home page with their role and region`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
    const header = page.getByTestId("signed-in-as");
    await expect(header).toContainText(home.role);
    await expect(header).toContainText(home.region);
    await expectAccessible(page);
    // Every page in the role's navigation opens and passes the accessibility scan.
    const nav = page.getByRole("navigation", { name: "Main" });
    const links = await nav.getByRole("link").all();
    const hrefs = await Promise.all(links.map((l) => l.getAttribute("href")));
    for (const href of hrefs) {
      if (!href) continue;
      const response = await page.goto(href);
      expect(response?.status(), `${href} for ${home.email}`).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    await signOut(page);
  });
}

test("a wrong password shows an error summary and keeps the email", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("coordinator@demo.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("Enter a correct email address and password");
  await expect(page.getByLabel("Email address")).toHaveValue("coordinator@demo.test");
  await expectAccessible(page);
});

test("empty sign-in fields are each named in the error summary", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link", { name: "Enter your email address" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter your password" })).toBeVisible();
});

test("a manager of Wales gets 404 for a London case page", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/cases");
  const firstCase = page.getByRole("table").getByRole("link").first();
  const href = await firstCase.getAttribute("href");
  expect(href).toMatch(/^\/cases\//);
  const own = await page.goto(href ?? "/");
  expect(own?.status()).toBe(200);
  await signOut(page);

  await signIn(page, "manager.wales@demo.test");
  const response = await page.goto(href ?? "/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});

test("a supervisor cannot open the case list (404)", async ({ page }) => {
  await signIn(page, "supervisor@demo.test");
  const response = await page.goto("/cases");
  expect(response?.status()).toBe(404);
});

import { expect, test } from "./fixtures";
import { api, type ApiCall, expectAccessible, signIn, signOut } from "./support";

// Issue 13 §3: the allocation list filtered, several people booked on one session at once, and
// a refused booking overridden by a manager at a coordinator's request.

const isoInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const stamp = String(Date.now()).slice(-6);

async function assessedCase(call: ApiCall, crn: string, lastName: string) {
  const created = await call<{ id: string; version: number }>("POST", "/cases", {
    crn,
    firstName: "Robin",
    lastName,
    dateOfBirth: "1990-02-03",
    gender: "MALE",
    region: "LON",
    orderType: "COMMUNITY_ORDER",
    managedBy: "STANDALONE_UPW",
    sentenceDate: isoInDays(-1),
    court: "Highbury Corner Magistrates' Court",
    hoursOrdered: 100,
  });
  await call("PUT", `/cases/${created.id}/assessment`, {
    version: created.version,
    rosh: "LOW",
    riskCodes: [],
    eteEligible: false,
    complete: true,
  });
  return created.id;
}

test("filter the allocation list and book three people into one session", async ({ page, request }) => {
  const call = await api(request);
  const trio = `Trio${stamp}`;
  const people = [];
  for (const [letter, crn] of [
    ["A", "G"],
    ["B", "H"],
    ["C", "K"],
  ] as const)
    people.push(await assessedCase(call, `${crn}${stamp}`, `${trio}${letter}`));
  const placementName = `E2E canal path ${stamp}`;
  const placement = await call<{ id: string }>("POST", "/placements", {
    name: placementName,
    type: "GROUP",
    region: "LON",
    capacity: 6,
    features: [],
  });
  const session = await call<{ id: string }>("POST", "/sessions", {
    placementId: placement.id,
    date: isoInDays(7),
    startTime: "18:00",
    endTime: "21:00",
  });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/cases/${people[0]}/allocate`);
  await expect(page.getByRole("heading", { level: 1, name: "Allocate to a session" })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filter sessions" });
  await filters.getByLabel("Placement").selectOption({ label: placementName });
  await filters.getByRole("checkbox", { name: "Evening (after 17:00)" }).check();
  await filters.getByRole("button", { name: "Show sessions" }).click();
  await page.waitForURL(/placement=/);
  await expect(page.getByText("1 session matches.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(placementName) })).toBeVisible();
  await expect(page.getByText("0 of 6 booked (up to 7 with over-booking)")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/sessions/${session.id}/add-people`);
  await page.getByLabel("Name or CRN").fill(trio);
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/add-people\?q=/);
  await expectAccessible(page);
  for (const letter of ["A", "B", "C"])
    await page.getByRole("checkbox", { name: `Choose Robin ${trio}${letter} to book` }).check();
  await page.getByRole("button", { name: "Book the people chosen" }).click();
  await page.waitForURL(new RegExp(`/sessions/${session.id}$`));
  await expect(page.getByRole("status")).toContainText("3 people booked on this session.");
  for (const letter of ["A", "B", "C"])
    await expect(page.getByRole("link", { name: new RegExp(`^${trio}${letter}, `) })).toBeVisible();
  await expectAccessible(page);
});

test("a full session: the coordinator asks for an override and a manager approves it", async ({ page, request }) => {
  const call = await api(request);
  const lastName = `Override${stamp}`;
  const person = await assessedCase(call, `M${stamp}`, lastName);
  const filler = await assessedCase(call, `N${stamp}`, `Filler${stamp}`);
  const placement = await call<{ id: string }>("POST", "/placements", {
    name: `E2E one place ${stamp}`,
    type: "GROUP",
    region: "LON",
    capacity: 1,
    features: [],
  });
  const session = await call<{ id: string }>("POST", "/sessions", {
    placementId: placement.id,
    date: isoInDays(8),
    startTime: "09:00",
    endTime: "16:00",
  });
  await call("POST", `/sessions/${session.id}/allocations`, { caseId: filler });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/cases/${person}/allocate?session=${session.id}`);
  await expect(page.getByText("This session is full")).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("Why should this booking be made anyway?")
    .fill("The supervisor has agreed to take one more this week.");
  await page.getByRole("button", { name: "Ask a manager to override" }).click();
  await expect(page.getByRole("region", { name: "Requests to a manager" })).toContainText("Waiting for a decision");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "manager@demo.test");
  await page.goto("/approvals");
  const row = page.getByRole("row").filter({ hasText: lastName });
  await expect(row).toContainText("Booking override request");
  await expectAccessible(page);
  await row.getByRole("link", { name: /Decide/ }).click();
  await page.waitForURL(/\/approvals\/[0-9a-f-]{36}/);
  await expect(page.getByText(/Book them on E2E one place/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Approve" }).check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await page.waitForURL("**/approvals");
  await expect(page.getByRole("status")).toContainText(
    `Robin ${lastName}: request approved. They are now booked on the session.`,
  );
  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole("link", { name: new RegExp(`^${lastName}, `) })).toBeVisible();
});

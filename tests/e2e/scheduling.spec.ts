import { expect, test } from "./fixtures";
import { api, type ApiCall, expectAccessible, signIn } from "./support";

// Issue 13: the everyday scheduling verbs in the browser — stand a session down and re-book
// from the work queue, move a booking, and correct an attendance record from the session page.
// The scene is set through the JSON API (the same services).

const isoInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const stamp = String(Date.now()).slice(-6);
let serial = 0;

async function assessedMan(call: ApiCall, lastName: string) {
  serial += 1;
  const created = await call<{ id: string; version: number }>("POST", "/cases", {
    crn: `K${stamp.slice(0, 5)}${serial}`,
    firstName: "Jordan",
    lastName,
    dateOfBirth: "1990-03-04",
    gender: "MALE",
    region: "LON",
    orderType: "COMMUNITY_ORDER",
    managedBy: "STANDALONE_UPW",
    sentenceDate: isoInDays(-10),
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

async function groupSessions(call: ApiCall, name: string, days: number[]) {
  const placement = await call<{ id: string }>("POST", "/placements", {
    name: `${name} ${stamp}`,
    type: "GROUP",
    region: "LON",
    capacity: 6,
    features: [],
    address: "1 Park Road, London",
  });
  const sessions: string[] = [];
  for (const d of days)
    sessions.push(
      (
        await call<{ id: string }>("POST", "/sessions", {
          placementId: placement.id,
          date: isoInDays(d),
          startTime: "09:00",
          endTime: "16:00",
        })
      ).id,
    );
  return sessions;
}

test("a coordinator stands a rained-off session down and re-books the person from the work queue", async ({
  page,
  request,
}) => {
  const call = await api(request);
  const lastName = `Rained${stamp}`;
  const person = await assessedMan(call, lastName);
  const [rainedOff, later] = await groupSessions(call, "E2E canal clearance", [2, 9]);
  await call("POST", `/sessions/${rainedOff}/allocations`, { caseId: person });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/sessions/${rainedOff}`);
  await page.getByRole("link", { name: "Change, stand down or cancel this session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change or stand down the session" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("group", { name: "Why is the session stood down?" })
    .getByRole("radio", { name: "Weather" })
    .check();
  await page.getByLabel("Note (optional)").fill("Storm warning for Saturday");
  await page.getByRole("button", { name: "Stand the session down" }).click();
  await page.waitForURL(new RegExp(`/sessions/${rainedOff}$`));
  await expect(page.getByRole("status")).toContainText("Session stood down");
  await expect(page.getByRole("table", { name: "People booked on this session" })).toContainText("Acceptable absence");
  await expectAccessible(page);

  await page.goto("/work-queue");
  const toRebook = page.getByRole("table", { name: /^People to re-book/ });
  const row = toRebook.getByRole("row").filter({ hasText: lastName });
  await expect(row).toContainText("Stood down");
  await expectAccessible(page);
  await row.getByRole("link", { name: /^Book again/ }).click();
  await page.waitForURL(new RegExp(`/cases/${person}/allocate$`));
  await page.goto(`/cases/${person}/allocate?session=${later}`);
  await page.getByRole("button", { name: "Book this session" }).click();
  await page.waitForURL(new RegExp(`/cases/${person}$`));
  await expect(page.getByRole("status")).toContainText("Booked on the session");

  await page.goto("/work-queue");
  await expect(
    page
      .getByRole("table", { name: /^People to re-book/ })
      .getByRole("row")
      .filter({ hasText: lastName }),
  ).toHaveCount(0);
});

test("a coordinator moves a booking to another session in one step", async ({ page, request }) => {
  const call = await api(request);
  const lastName = `Mover${stamp}`;
  const person = await assessedMan(call, lastName);
  const [from, to] = await groupSessions(call, "E2E park litter pick", [3, 10]);
  await call("POST", `/sessions/${from}/allocations`, { caseId: person });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/sessions/${from}`);
  await page.getByRole("link", { name: new RegExp(`^Move or cancel the booking of Jordan ${lastName}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Move or cancel a booking" })).toBeVisible();
  await expectAccessible(page);
  const target = page.getByLabel("Session to move to");
  const option = target.locator("option").filter({ hasText: `E2E park litter pick ${stamp}` });
  await target.selectOption({ value: (await option.first().getAttribute("value"))! });
  await page.getByLabel("Why is the booking moved?").fill("Asked for a later date: hospital appointment");
  await page.getByRole("button", { name: "Move the booking" }).click();
  await page.waitForURL(new RegExp(`/sessions/${to}$`));
  await expect(page.getByRole("status")).toContainText("Booking moved");
  await expect(page.getByRole("table", { name: "People booked on this session" })).toContainText(lastName);
  await expectAccessible(page);
  await page.goto(`/sessions/${from}`);
  await expect(page.getByText("Nobody is booked on this session yet.")).toBeVisible();
});

test("the office corrects an attendance record from the session page when evidence arrives", async ({
  page,
  request,
}) => {
  const call = await api(request);
  const lastName = `Evidence${stamp}`;
  const person = await assessedMan(call, lastName);
  const [past] = await groupSessions(call, "E2E church grounds", [-2]);
  await call("POST", `/sessions/${past}/allocations`, { caseId: person, retrospective: true });
  await call("PUT", `/sessions/${past}/attendance/${person}`, { outcome: "UNACCEPTABLE_ABSENCE" });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/sessions/${past}`);
  await page.getByRole("link", { name: new RegExp(`^Correct attendance of Jordan ${lastName}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Correct the attendance record" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("group", { name: "What happened?" })
    .getByRole("radio", { name: /^Acceptable absence/ })
    .check();
  await page.getByLabel("Reason", { exact: true }).selectOption({ label: "Medical (illness, injury or appointment)" });
  await page.getByLabel("Note", { exact: true }).fill("Sick note from the GP dated the day of the session");
  await page.getByRole("button", { name: "Save the attendance record" }).click();
  await page.waitForURL(new RegExp(`/sessions/${past}$`));
  await expect(page.getByRole("status")).toContainText("Attendance record saved");
  await expect(page.getByRole("table", { name: "People booked on this session" })).toContainText("Acceptable absence");
  await expectAccessible(page);
});

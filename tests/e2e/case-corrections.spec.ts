import { expect, test } from "./fixtures";
import { api, type ApiCall, expectAccessible, signIn } from "./support";

// Issue 13: from the case page the office corrects an attendance record and corrects or removes
// an ETE credit; the schedule of booked sessions prints and downloads; every work-queue list pages.
// The scene is set through the JSON API (the same services).

const isoInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const stamp = String(Date.now()).slice(-6);
let serial = 0;

async function assessedCase(call: ApiCall, lastName: string, eteEligible: boolean) {
  serial += 1;
  const created = await call<{ id: string; version: number }>("POST", "/cases", {
    crn: `C${stamp.slice(0, 5)}${serial}`,
    firstName: "Robin",
    lastName,
    dateOfBirth: "1988-05-06",
    gender: "MALE",
    region: "LON",
    orderType: "COMMUNITY_ORDER",
    managedBy: "STANDALONE_UPW",
    sentenceDate: isoInDays(-20),
    court: "Highbury Corner Magistrates' Court",
    hoursOrdered: 100,
  });
  await call("PUT", `/cases/${created.id}/assessment`, {
    version: created.version,
    rosh: "LOW",
    riskCodes: [],
    eteEligible,
    ...(eteEligible ? { eteReason: "NOT_IN_WORK" } : {}),
    complete: true,
  });
  return created.id;
}

async function groupSession(call: ApiCall, name: string, days: number) {
  const placement = await call<{ id: string }>("POST", "/placements", {
    name: `${name} ${stamp}`,
    type: "GROUP",
    region: "LON",
    capacity: 6,
    features: [],
    address: "2 Canal Walk, London",
  });
  return (
    await call<{ id: string }>("POST", "/sessions", {
      placementId: placement.id,
      date: isoInDays(days),
      startTime: "09:00",
      endTime: "16:00",
    })
  ).id;
}

test("the office corrects an attendance record from the case page", async ({ page, request }) => {
  const call = await api(request);
  const lastName = `Casefix${stamp}`;
  const person = await assessedCase(call, lastName, false);
  const past = await groupSession(call, "E2E towpath clearance", -3);
  await call("POST", `/sessions/${past}/allocations`, { caseId: person, retrospective: true });
  await call("PUT", `/sessions/${past}/attendance/${person}`, { outcome: "UNACCEPTABLE_ABSENCE" });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/cases/${person}`);
  const records = page.getByRole("table", { name: "Attendance records" });
  await expect(records).toContainText("Unacceptable absence");
  await expectAccessible(page);
  await records.getByRole("link", { name: /^Correct the record for/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Correct the attendance record" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Back to Robin ${lastName}` })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("group", { name: "What happened?" })
    .getByRole("radio", { name: /^Acceptable absence/ })
    .check();
  await page.getByLabel("Reason", { exact: true }).selectOption({ label: "Medical (illness, injury or appointment)" });
  await page.getByLabel("Note", { exact: true }).fill("Hospital letter arrived");
  await page.getByRole("button", { name: "Save the attendance record" }).click();
  await page.waitForURL(new RegExp(`/cases/${person}$`));
  await expect(page.getByRole("status")).toContainText("Attendance record saved");
  await expect(page.getByRole("table", { name: "Attendance records" })).toContainText("Acceptable absence");
  await expectAccessible(page);
});

test("the office corrects, then removes, an ETE credit with a reason", async ({ page, request }) => {
  const call = await api(request);
  const lastName = `Etefix${stamp}`;
  const person = await assessedCase(call, lastName, true);
  await call("POST", `/cases/${person}/ete-credits`, {
    date: isoInDays(-2),
    minutes: 120,
    activity: "Forklift licence course",
  });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/cases/${person}`);
  const credits = page.getByRole("table", { name: /\(ETE\) credits/ });
  await expect(credits).toContainText("Forklift licence course");
  await credits.getByRole("link", { name: /^Correct or remove/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Correct or remove an ETE credit" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Time to credit, in minutes").fill("180");
  await page.getByLabel("Reason for the correction").fill("The certificate shows 3 hours");
  await page.getByRole("button", { name: "Save the correction" }).click();
  await page.waitForURL(new RegExp(`/cases/${person}$`));
  await expect(page.getByRole("status")).toContainText("ETE credit corrected to 3 hours");
  await expectAccessible(page);

  await page
    .getByRole("table", { name: /\(ETE\) credits/ })
    .getByRole("link", { name: /^Correct or remove/ })
    .click();
  await page.getByLabel("Reason for removing it").fill("Credited to the wrong person");
  await page.getByRole("button", { name: "Remove the credit" }).click();
  await page.waitForURL(new RegExp(`/cases/${person}$`));
  await expect(page.getByRole("status")).toContainText("ETE credit removed");
  await expect(page.getByRole("table", { name: /\(ETE\) credits/ })).toHaveCount(0);
});

test("a person's schedule of booked sessions prints and downloads as a PDF", async ({ page, request }) => {
  const call = await api(request);
  const lastName = `Schedule${stamp}`;
  const person = await assessedCase(call, lastName, false);
  // Sentenced 20 days ago, so the first session is after the start deadline: it needs the reason (R2).
  await call("POST", `/sessions/${await groupSession(call, "E2E schedule 4", 4)}/allocations`, {
    caseId: person,
    lateStartReason: { category: "HEALTH", note: "In hospital" },
  });
  await call("POST", `/sessions/${await groupSession(call, "E2E schedule 11", 11)}/allocations`, { caseId: person });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/cases/${person}`);
  await page.getByRole("link", { name: "Schedule of all booked sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your unpaid work sessions" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Booked sessions" }).getByRole("row")).toHaveCount(3);
  await expectAccessible(page);
  const pdfHref = await page.getByRole("link", { name: "Download as PDF" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("every work-queue list can be paged to its end", async ({ page, request }) => {
  // 30 new cases awaiting assessment, so that list is longer than one page (25 rows) whatever the demo data holds.
  const call = await api(request);
  for (let i = 0; i < 30; i += 1) {
    await call("POST", "/cases", {
      crn: `U${stamp.slice(0, 4)}${String(i).padStart(2, "0")}`,
      firstName: "Sam",
      lastName: `Paging${stamp}${i}`,
      dateOfBirth: "1990-02-03",
      gender: "MALE",
      region: "LON",
      orderType: "COMMUNITY_ORDER",
      managedBy: "STANDALONE_UPW",
      sentenceDate: isoInDays(-2),
      court: "Highbury Corner Magistrates' Court",
      hoursOrdered: 60,
    });
  }
  await signIn(page, "coordinator@demo.test");
  await page.goto("/work-queue");
  await expect(page.getByText(/and [\d,]+ more/)).toHaveCount(0);
  const pager = page.getByRole("navigation", { name: /^Pages of / }).first();
  await expect(pager).toContainText(/Page 1 of \d+/);
  const title = await pager.getAttribute("aria-label");
  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByRole("navigation", { name: title! })).toContainText(/Page 2 of \d+/);
  await expectAccessible(page);
});

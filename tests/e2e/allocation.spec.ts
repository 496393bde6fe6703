import { expect, test } from "./fixtures";
import { api, type ApiCall, expectAccessible, signIn } from "./support";

// Issue 4, part B: allocation with every refusal explained before the click, the work
// instruction (page and PDF), and the CSV import of new cases with bad rows.

const isoInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const stamp = String(Date.now()).slice(-6);

test("a coordinator allocates an assessed demo case to a session and opens its work instruction", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/work-queue");
  await expect(page.getByRole("heading", { level: 1, name: "Work queue" })).toBeVisible();
  await expectAccessible(page);

  const noFirstSession = page.getByRole("table", { name: /^No first session booked/ });
  await noFirstSession
    .getByRole("link", { name: /^Allocate/ })
    .first()
    .click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/allocate$/);
  await expect(page.getByRole("heading", { level: 1, name: "Allocate to a session" })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("link", { name: /^(Book|Record the details and book) / })
    .first()
    .click();
  await page.waitForURL(/\/allocate\?session=/);
  await expect(page.getByRole("heading", { level: 1, name: "Book this session" })).toBeVisible();
  await expectAccessible(page);
  const lateStart = page.getByRole("group", { name: "Why is the start late?" });
  if (await lateStart.isVisible()) {
    await lateStart.getByRole("radio", { name: "Service capacity" }).check();
    await page.getByLabel("Note about the late start").fill("No places on suitable sessions before the deadline.");
  }
  const consent = page.getByRole("checkbox", { name: "The only woman in this group has agreed to it" });
  if (await consent.isVisible()) await consent.check();
  await page.getByRole("button", { name: "Book this session" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toContainText("Booked on the session");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Work instructions" }).click();
  await page.waitForURL(/\/work-instruction$/);
  await expect(page.getByRole("heading", { level: 1, name: "Work instructions" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("link", { name: /\d{2}:\d{2} to \d{2}:\d{2}/ })
    .first()
    .click();
  await page.waitForURL(/\/work-instruction\?allocation=/);
  await expect(
    page.getByRole("heading", { level: 1, name: /^Your unpaid work (instruction|induction)$/ }),
  ).toBeVisible();
  for (const heading of ["Where", "When", "What to wear and bring", "Who to call", "If you do not attend"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByText(/you can be taken back to court/)).toBeVisible();
  await expectAccessible(page);

  const pdfHref = await page.getByRole("link", { name: "Download as PDF" }).getAttribute("href");
  expect(pdfHref).toBeTruthy();
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

// The scene is set through the JSON API (the same services): a man with a "risk to children"
// code, a full session, a school session with children present, and a women-only placement.
async function assessedCase(call: ApiCall, crn: string, lastName: string, riskCodes: string[]) {
  const created = await call<{ id: string; version: number }>("POST", "/cases", {
    crn,
    firstName: "Ellis",
    lastName,
    dateOfBirth: "1991-05-04",
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
    riskCodes,
    eteEligible: false,
    complete: true,
  });
  return created.id;
}

test("each allocation refusal is explained in plain words before the click", async ({ page, request }) => {
  const call = await api(request);
  const person = await assessedCase(call, `R${stamp}`, `Refusals${stamp}`, ["RC"]);
  const other = await assessedCase(call, `S${stamp}`, `Filler${stamp}`, []);
  const placement = (name: string, type: string, capacity: number, features: string[]) =>
    call<{ id: string }>("POST", "/placements", {
      name: `${name} ${stamp}`,
      type,
      region: "LON",
      capacity,
      features,
      address: "1 Test Street, London",
    });
  const session = (placementId: string, days: number) =>
    call<{ id: string }>("POST", "/sessions", {
      placementId,
      date: isoInDays(days),
      startTime: "09:00",
      endTime: "16:00",
    });

  const full = await session((await placement("E2E tiny work party", "GROUP", 1, [])).id, 3);
  await call("POST", `/sessions/${full.id}/allocations`, { caseId: other });
  await session((await placement("E2E school grounds", "GROUP", 6, ["CHILDREN_PRESENT"])).id, 4);
  await session((await placement("E2E women's centre", "INDIVIDUAL", 2, ["FEMALE_ONLY"])).id, 5);

  await signIn(page, "coordinator@demo.test");
  // The list pages 20 sessions at a time in date order: the three sessions' days only.
  await page.goto(`/cases/${person}/allocate?start=${isoInDays(3)}&end=${isoInDays(5)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Allocate to a session" })).toBeVisible();
  await expectAccessible(page);

  const card = (name: string) =>
    page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`${name} ${stamp}`) }) });
  await expect(card("E2E tiny work party")).toContainText(
    "This session is full: 1 people are booked and the limit is 1",
  );
  await expect(card("E2E tiny work party")).toContainText("Cannot be booked");
  await expect(card("E2E school grounds")).toContainText("A risk code conflicts with this placement.");
  await expect(card("E2E school grounds")).toContainText("A regional manager can override this with a reason.");
  await expect(card("E2E women's centre")).toContainText(
    "This is a female-only placement, so a man cannot be booked on it.",
  );
  for (const name of ["E2E tiny work party", "E2E school grounds", "E2E women's centre"]) {
    await expect(card(name).getByRole("link", { name: /Book/ })).toHaveCount(0);
  }
});

test("a CSV import with bad rows reports them, then creates the valid rows", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/cases");
  await page.getByRole("link", { name: "Import new cases from a file" }).click();
  await page.waitForURL("**/cases/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import new cases from a file" })).toBeVisible();
  await expectAccessible(page);

  const template = await page.request.get("/cases/import/template");
  const header = (await template.text()).split("\r\n")[0]!;
  expect(header).toBe(
    "crn,firstName,lastName,dateOfBirth,gender,ethnicity,phone,region,pdu,orderType,managedBy,sentenceDate,court,practitionerName,hoursOrdered,orderRelation,relatedSentenceDate",
  );

  const row = (crn: string, dateOfBirth: string, hours: string) =>
    [
      crn,
      "Morgan",
      `Imported${stamp}`,
      dateOfBirth,
      "FEMALE",
      "",
      "",
      "LON",
      "",
      "COMMUNITY_ORDER",
      "STANDALONE_UPW",
      isoInDays(-2),
      "Camberwell Green Magistrates' Court",
      "",
      hours,
      "",
      "",
    ].join(",");
  const csv = [
    header,
    row(`U${stamp}`, "01/01/1990", "120"),
    row(`V${stamp}`, "1990-01-01", "400"),
    row(`W${stamp}`, "31/02/1990", "80"),
    row(`Y${stamp}`, "1985-06-30", "60"),
  ].join("\r\n");
  await page
    .getByLabel("CSV file of new cases")
    .setInputFiles({ name: "new-cases.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();

  await expect(
    page.getByText("4 rows checked: 2 can be created, 2 were rejected. Nothing has been created yet."),
  ).toBeVisible();
  const rejected = page.getByRole("table", { name: "Rejected rows" });
  await expect(rejected.getByRole("row", { name: /Row 3 Hours ordered .*from 40 to 300/ })).toBeVisible();
  await expect(
    rejected.getByRole("row", { name: /Row 4 Date of birth Enter a real date as YYYY-MM-DD/ }),
  ).toBeVisible();
  await expectAccessible(page);

  const download = page.getByRole("link", { name: "Download the rejected rows as CSV" });
  expect(decodeURIComponent((await download.getAttribute("href"))!)).toContain(`\uFEFFcrn,firstName`);

  await page.getByRole("button", { name: "Create the 2 valid cases" }).click();
  // Issue 13: the report stays, linking each created case (a dd/mm/yyyy date of birth was accepted).
  await expect(page.getByRole("heading", { level: 2, name: "2 cases created" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Morgan Imported${stamp}` })).toHaveCount(2);
  await expectAccessible(page);

  await page.goto(`/cases?q=Imported${stamp}`);
  await expect(page.getByRole("link", { name: new RegExp(`Imported${stamp}`) })).toHaveCount(2);
});

test("from a session, a coordinator adds a person, with the same explanation before booking", async ({
  page,
  request,
}) => {
  const call = await api(request);
  const lastName = `Addpeople${stamp}`;
  await assessedCase(call, `T${stamp}`, lastName, []);
  const placement = await call<{ id: string }>("POST", "/placements", {
    name: `E2E park team ${stamp}`,
    type: "GROUP",
    region: "LON",
    capacity: 6,
    features: ["TOOLS"],
  });
  const session = await call<{ id: string }>("POST", "/sessions", {
    placementId: placement.id,
    date: isoInDays(6),
    startTime: "09:00",
    endTime: "16:00",
  });

  await signIn(page, "coordinator@demo.test");
  await page.goto(`/sessions/${session.id}`);
  await page.getByRole("link", { name: "Add people" }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}\/add-people$/);
  await expect(page.getByRole("heading", { level: 1, name: "Add people" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Name or CRN").fill(lastName);
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/add-people\?q=/);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(lastName) }) });
  await expect(card).toContainText("Can be booked");
  await expect(card).toContainText("This person has not had an induction yet.");
  await expectAccessible(page);
  await card.getByRole("link", { name: /^Book / }).click();
  await page.waitForURL(/\/allocate\?session=.*from=session/);
  await expect(page.getByRole("heading", { level: 1, name: "Book this session" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Book this session" }).click();
  await page.waitForURL(new RegExp(`/sessions/${session.id}$`));
  await expect(page.getByRole("status")).toContainText("Booked on the session");
  // The booking's own links ("Move or cancel the booking of …") name the person too.
  await expect(page.getByRole("link", { name: new RegExp(`^${lastName}, `) })).toBeVisible();
  await expectAccessible(page);
});

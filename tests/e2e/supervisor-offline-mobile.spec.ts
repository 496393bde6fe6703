import http from "node:http";
import type { Socket } from "node:net";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { devices, expect, request as apiRequest, test } from "./fixtures";
import { expectAccessible, signIn, signOut } from "./support";

// Issue 11 on a phone, with the signal cut by a proxy this test controls. Playwright's setOffline
// does not stop a service worker's own requests (Background Sync, kept pages); a cut proxy stops
// everything the browser sends. Journeys: mark all present + corrections + close with no signal
// → the server has exactly the corrected records and closes only then; a person edited twice →
// the last edit stands; an incident recorded offline from a roster only ever opened online; a
// sensitive note kept through a correction; records wait for the user who made them.

/** A forwarding HTTP proxy that can drop every connection, as a lost signal does. */
async function startSignalProxy() {
  let cut = false;
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    if (cut) return request.socket.destroy();
    const target = new URL(request.url ?? "/");
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: request.method,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    if (cut) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    setSignal(on: boolean) {
      cut = !on;
      if (cut) for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Proxy = Awaited<ReturnType<typeof startSignalProxy>>;
type SessionJson = {
  status: string;
  allocations: {
    caseId: string;
    firstName: string;
    lastName: string;
    attendance: { outcome: string; version: number; minutesCredited: number } | null;
  }[];
};

let proxy: Proxy;
test.beforeAll(async () => {
  proxy = await startSignalProxy();
});
test.afterAll(async () => proxy.close());

async function phone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  // "<-loopback>": Chromium would otherwise never send 127.0.0.1 through a proxy.
  return browser.newContext({ ...devices["Pixel 5"], baseURL, proxy: { server: proxy.url, bypass: "<-loopback>" } });
}

async function expectWorkerActive(page: Page) {
  await expect
    .poll(
      () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/my-sessions"))?.active?.state),
      { timeout: 20_000 },
    )
    .toBe("activated");
}

/** The session as the server has it, read with the phone's sign-in but not through the proxy (the signal is the phone's, not the test's). */
async function sessionFromApi(page: Page, sessionId: string): Promise<SessionJson> {
  const api = await apiRequest.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: await page.context().storageState(),
  });
  const response = await api.get(`/api/v1/sessions/${sessionId}`);
  expect(response.status()).toBe(200);
  const session = (await response.json()) as SessionJson;
  await api.dispose();
  return session;
}

/**
 * Opens one of today's sessions that is still open, reopening it when an earlier journey
 * (supervisor-mobile) closed it in a full run.
 */
async function openTodaysOpenSession(page: Page): Promise<void> {
  const links = page.getByRole("region", { name: "Today" }).getByRole("link");
  await expect(links.first()).toBeVisible();
  const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))).filter((h) =>
    /\/my-sessions\/[0-9a-f-]{36}$/.test(h),
  );
  const sessions = [];
  for (const href of hrefs.reverse())
    sessions.push({ href, session: await sessionFromApi(page, href.split("/").pop() ?? "") });
  const open = sessions.find(({ session }) => session.status === "SCHEDULED");
  if (open) {
    await page.goto(open.href);
    return;
  }
  // The demo supervisor's only session today was closed by an earlier journey on this same day:
  // a supervisor may reopen their own register the day they closed it (issue 11).
  const closed = sessions.find(({ session }) => session.status === "CLOSED");
  if (!closed) throw new Error("The demo supervisor has no session today that is open or can be reopened");
  const api = await apiRequest.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: await page.context().storageState(),
  });
  const reopened = await api.post(`/api/v1/sessions/${closed.href.split("/").pop() ?? ""}/reopen`, {
    data: { reason: "Reopened for another journey" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(reopened.status()).toBe(200);
  await api.dispose();
  await page.goto(closed.href);
}

const fullName = (allocation: SessionJson["allocations"][number]) => `${allocation.firstName} ${allocation.lastName}`;

async function changeAttendance(
  page: Page,
  name: string,
  change: (form: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  const section = page.getByRole("region", { name: `Attendance for ${name}` });
  await section.getByRole("button", { name: `Change attendance for ${name}` }).click();
  const form = page.getByRole("form", { name: `Attendance for ${name}` });
  await change(form);
  await form.getByRole("button", { name: `Save attendance for ${name}` }).click();
}

test("no signal: mark all present, correct two people (one twice), close → the server gets exactly the corrected records, then closes", async ({
  browser,
  baseURL,
}) => {
  const context = await phone(browser, baseURL ?? "");
  const page = await context.newPage();
  await signIn(page, "supervisor@demo.test");
  // Yesterday's session is still open with nothing recorded (demo seed).
  await page.getByRole("region", { name: "Still to be closed" }).getByRole("link").first().click();
  await page.waitForURL(/\/my-sessions\/[0-9a-f-]{36}$/);
  const sessionId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await expectWorkerActive(page);
  // Loaded once more so the worker controls the page and keeps it.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Who is booked", exact: true })).toBeVisible();
  const names = (await page.getByRole("heading", { name: /^Attendance for / }).allTextContents()).map((text) =>
    text.replace(/^Attendance for /, "").trim(),
  );
  expect(names.length).toBeGreaterThanOrEqual(3);
  const [, absent, twice] = names as [string, string, string];

  proxy.setSignal(false);
  await page.getByRole("button", { name: /^Mark all present/ }).click();
  await changeAttendance(page, absent, async (form) => form.getByRole("radio", { name: /^Did not attend/ }).check());
  // The waiting record's form starts from what was entered, and the card shows it.
  const absentSection = page.getByRole("region", { name: `Attendance for ${absent}` });
  await expect(absentSection.getByText("You entered: Unacceptable absence")).toBeVisible();
  await changeAttendance(page, twice, async (form) => form.getByLabel("Penalty minutes").fill("30"));
  await changeAttendance(page, twice, async (form) => {
    await expect(form.getByLabel("Penalty minutes")).toHaveValue("30");
    await form.getByLabel("Penalty minutes").fill("45");
  });
  await expect(page.getByTestId("outbox-waiting")).toHaveText(`Waiting to send: ${names.length}`);
  await expect(page.getByText("Not recorded yet.")).toHaveCount(0);

  await page.getByRole("button", { name: "Close the session" }).click();
  const check = page.getByRole("group", { name: "Check the register before closing" });
  await expect(check.getByText("Absent: 1")).toBeVisible();
  await expect(check.getByText(`Waiting to be sent: ${names.length}`)).toBeVisible();
  await check.getByRole("button", { name: "Yes, close the session" }).click();
  await expect(page.getByText(/The session will close when every record above is saved/)).toBeVisible();

  // Still no signal: a reload is answered by the worker, and the records are still there.
  await page.reload();
  await expect(page.getByTestId("outbox-waiting")).toHaveText(`Waiting to send: ${names.length + 1}`);
  await expectAccessible(page);

  proxy.setSignal(true);
  await page.reload();
  await expect(page.getByText("This session is closed.", { exact: false })).toBeVisible({ timeout: 30_000 });

  const session = await sessionFromApi(page, sessionId);
  expect(session.status).toBe("CLOSED");
  for (const allocation of session.allocations) {
    const name = fullName(allocation);
    // Version 1 each: every person's record reached the server once, as last entered (a 7-hour session).
    if (name === absent)
      expect(allocation.attendance).toMatchObject({ outcome: "UNACCEPTABLE_ABSENCE", minutesCredited: 0, version: 1 });
    else if (name === twice)
      expect(allocation.attendance).toMatchObject({
        outcome: "ATTENDED_COMPLIED",
        minutesCredited: 420 - 45,
        version: 1,
      });
    else
      expect(allocation.attendance).toMatchObject({ outcome: "ATTENDED_COMPLIED", minutesCredited: 420, version: 1 });
  }
  await context.close();
});

test("an incident recorded with no signal from a roster only opened online (kept from My sessions)", async ({
  browser,
  baseURL,
}) => {
  const context = await phone(browser, baseURL ?? "");
  const page = await context.newPage();
  await signIn(page, "supervisor@demo.test");
  await expectWorkerActive(page);
  await page.reload();
  const link = page.getByRole("region", { name: "Today" }).getByRole("link").first();
  const href = (await link.getAttribute("href")) ?? "";
  // My sessions keeps today's roster and its incident form.
  await expect
    .poll(
      () =>
        page.evaluate(
          async (path) =>
            Boolean(
              (await caches.match(path, { ignoreVary: true })) &&
              (await caches.match(`${path}/incidents/new`, { ignoreVary: true })),
            ),
          href,
        ),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);

  proxy.setSignal(false);
  await page.goto(`${href}/incidents/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Record an incident" })).toBeVisible();
  await page.getByRole("radio", { name: /^Near miss/ }).check();
  await page.getByLabel("What time did it happen?").fill("10:05");
  await page.getByLabel("What happened?").fill("Offline: a ladder left unattended by the path.");
  await page.getByRole("button", { name: "Save the incident" }).click();
  await expect(page.getByText("Waiting to be sent. It will be sent when you have a connection.")).toBeVisible();

  await page.goto(href);
  await expect(page.getByText("Offline: a ladder left unattended by the path.")).toBeVisible();
  await expect(page.getByText(/Waiting to be sent$/)).toBeVisible();
  // A page never kept: the app's own offline page, not the browser's error.
  await page.goto("/my-sessions/00000000-0000-4000-8000-000000000000/incidents/new");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();

  proxy.setSignal(true);
  await page.goto(href);
  await expect(page.getByText("Offline: a ladder left unattended by the path.")).toBeVisible();
  await expect(page.getByText(/Waiting to be sent$/)).toHaveCount(0, { timeout: 30_000 });
  await context.close();
});

test("a sensitive note is kept through a correction, and the roster says one is recorded", async ({
  browser,
  baseURL,
}) => {
  const context = await phone(browser, baseURL ?? "");
  const page = await context.newPage();
  await signIn(page, "supervisor@demo.test");
  await openTodaysOpenSession(page);
  await page.waitForURL(/\/my-sessions\/[0-9a-f-]{36}$/);
  const sessionId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const heading = page.getByRole("heading", { name: /^Attendance for / }).last();
  const name = ((await heading.textContent()) ?? "").replace(/^Attendance for /, "").trim();
  const section = page.getByRole("region", { name: `Attendance for ${name}` });
  await section.getByRole("button", { name: new RegExp(`^(Record|Change) attendance for ${name}$`) }).click();
  const form = page.getByRole("form", { name: `Attendance for ${name}` });
  await form.getByLabel("Attended – complied", { exact: true }).check();
  await form.getByLabel("Quality of work", { exact: true }).selectOption({ label: "Good" });
  await form.getByLabel("Behaviour", { exact: true }).selectOption({ label: "Good" });
  // 200 % text on a 320 px phone: nothing pushes the page sideways.
  await page.setViewportSize({ width: 320, height: 700 });
  await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await form.getByLabel("Note (optional)").fill("Told me in confidence about a court date.");
  await form.getByLabel("The note is sensitive").check();
  const box = await form.getByLabel("The note is sensitive").boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await form.getByRole("button", { name: `Save attendance for ${name}` }).click();
  await expect(section.getByText("A sensitive note is recorded.")).toBeVisible({ timeout: 20_000 });

  await changeAttendance(page, name, async (change) => change.getByLabel("Penalty minutes").fill("15"));
  await expect(section.getByText(/15 penalty minutes/)).toBeVisible({ timeout: 20_000 });
  await expect(section.getByText("A sensitive note is recorded.")).toBeVisible();

  // The office (a manager) reads the note on the case: still there.
  const person = (await sessionFromApi(page, sessionId)).allocations.find(
    (allocation) => fullName(allocation) === name,
  );
  expect(person?.attendance?.outcome).toBe("ATTENDED_COMPLIED");
  const office = await browser.newContext({ ...devices["Pixel 5"], baseURL });
  const managerPage = await office.newPage();
  await signIn(managerPage, "manager@demo.test");
  await managerPage.goto(`/cases/${person?.caseId}`);
  await expect(managerPage.getByText("Told me in confidence about a court date.").first()).toBeVisible();
  await office.close();
  await context.close();
});

test("records wait for the user who made them: another user signing in on the same phone does not send them", async ({
  browser,
  baseURL,
}) => {
  const context = await phone(browser, baseURL ?? "");
  const page = await context.newPage();
  await signIn(page, "supervisor@demo.test");
  await openTodaysOpenSession(page);
  await page.waitForURL(/\/my-sessions\/[0-9a-f-]{36}$/);
  const rosterPath = new URL(page.url()).pathname;
  const sessionId = rosterPath.split("/").pop() ?? "";
  await expectWorkerActive(page);
  await page.reload();
  const heading = page.getByRole("heading", { name: /^Attendance for / }).first();
  const name = ((await heading.textContent()) ?? "").replace(/^Attendance for /, "").trim();
  const before =
    (await sessionFromApi(page, sessionId)).allocations.find((allocation) => fullName(allocation) === name)
      ?.attendance ?? null;
  const session = await sessionFromApi(page, sessionId);
  expect(session.status).toBe("SCHEDULED");

  proxy.setSignal(false);
  const section = page.getByRole("region", { name: `Attendance for ${name}` });
  await section.getByRole("button", { name: new RegExp(`^(Record|Change) attendance for ${name}$`) }).click();
  const form = page.getByRole("form", { name: `Attendance for ${name}` });
  await form.getByLabel("Attended – complied", { exact: true }).check();
  await form.getByLabel("Quality of work", { exact: true }).selectOption({ label: "Excellent" });
  await form.getByLabel("Behaviour", { exact: true }).selectOption({ label: "Excellent" });
  await form.getByLabel("Penalty minutes").fill("5");
  await form.getByRole("button", { name: `Save attendance for ${name}` }).click();
  await expect(section.getByText("Waiting to be sent. It will be sent when you have a connection.")).toBeVisible();
  // The phone is handed to a colleague before the record went: the supervisor's sign-in ends.
  await context.clearCookies();
  await page.close();
  proxy.setSignal(true);
  const next = await context.newPage();
  await signIn(next, "coordinator@demo.test");
  await next.waitForTimeout(3_000);
  expect(
    (await sessionFromApi(next, sessionId)).allocations.find((allocation) => fullName(allocation) === name)?.attendance
      ?.version ?? null,
  ).toBe(before?.version ?? null);
  await signOut(next);

  // The supervisor signs in from the roster's address and lands back on it; the record then goes.
  await next.goto(rosterPath);
  await next.waitForURL(/\/sign-in/);
  await next.getByLabel("Email address").fill("supervisor@demo.test");
  await next.getByLabel("Password").fill("demo-password-1");
  await next.getByRole("button", { name: "Sign in" }).click();
  await next.waitForURL(new RegExp(`${rosterPath}$`));
  await expect
    .poll(
      async () =>
        (await sessionFromApi(next, sessionId)).allocations.find((allocation) => fullName(allocation) === name)
          ?.attendance?.version,
      { timeout: 30_000 },
    )
    .toBe((before?.version ?? 0) + 1);
  await context.close();
});

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./support";

// Issue 5, item 5 — offline first, on a phone (project "mobile", Pixel 5): the roster opens from
// the service worker's cache without a connection, attendance recorded offline waits in the
// outbox (IndexedDB) over a reload, reaches the server exactly once when the connection returns,
// and a queued record the server refuses is shown with the server's words.

const WAITING = "Waiting to be sent. It will be sent when you have a connection.";

type SessionJson = {
  allocations: {
    caseId: string;
    firstName: string;
    lastName: string;
    attendance: { outcome: string; version: number } | null;
  }[];
};

async function openTodaysSession(page: Page): Promise<string> {
  await signIn(page, "supervisor@demo.test");
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  await page.getByRole("region", { name: "Today" }).getByRole("link").first().click();
  await page.waitForURL(/\/my-sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Who is booked", exact: true })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

/** The service worker is active and holds this page and every script and stylesheet it loaded. */
async function expectKeptForOffline(page: Page) {
  // Not navigator.serviceWorker.ready: after signing in, this document was opened at /sign-in (outside
  // the worker's scope) and reached the roster by client-side navigation, so it is not controlled yet.
  await expect
    .poll(
      () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/my-sessions"))?.active?.state),
      { timeout: 20_000 },
    )
    .toBe("activated");
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const assets = [...document.querySelectorAll<HTMLScriptElement>("script[src]")]
            .filter((script) => !script.noModule)
            .map((script) => script.src)
            .concat([...document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")].map((link) => link.href))
            .filter((url) => new URL(url).origin === location.origin);
          const missing = [];
          for (const url of [location.pathname, ...assets])
            if (!(await caches.match(url, { ignoreVary: true }))) missing.push(url);
          return missing;
        }),
      { timeout: 20_000, message: "the page and its files are kept by the service worker" },
    )
    .toEqual([]);
}

async function sessionFromApi(page: Page, sessionId: string): Promise<SessionJson> {
  const response = await page.request.get(`/api/v1/sessions/${sessionId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as SessionJson;
}

async function recordAttended(page: Page, name: string, behaviour: string) {
  const form = page.getByRole("form", { name: `Attendance for ${name}` });
  await form.getByLabel("Attended – complied", { exact: true }).check();
  await form.getByLabel("Quality of work", { exact: true }).selectOption({ label: "Good" });
  await form.getByLabel("Behaviour", { exact: true }).selectOption({ label: behaviour });
  await form.getByRole("button", { name: `Save attendance for ${name}` }).click();
}

/** The first person on the roster with nothing recorded yet. */
async function firstUnrecorded(page: Page): Promise<string> {
  const button = page.getByRole("button", { name: /^Record attendance for / }).first();
  const name = ((await button.textContent()) ?? "").replace(/^Record attendance\s*for\s*/, "").trim();
  expect(name).not.toBe("");
  await button.click();
  return name;
}

test("attendance recorded offline survives a reload and reaches the server exactly once", async ({ page, context }) => {
  const sessionId = await openTodaysSession(page);
  await expectAccessible(page);
  await expectKeptForOffline(page);

  await context.setOffline(true);
  const name = await firstUnrecorded(page);
  await recordAttended(page, name, "Good");
  await expect(page.getByText(WAITING)).toBeVisible();

  // Reloading without a connection: the worker answers with the kept page; the outbox is in IndexedDB.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Who is booked", exact: true })).toBeVisible();
  await expect(page.getByText(WAITING)).toBeVisible();
  await expectAccessible(page);

  await context.setOffline(false);
  await expect(page.getByText(WAITING)).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByText("Saved: Attended – complied").first()).toBeVisible();

  const session = await sessionFromApi(page, sessionId);
  const person = session.allocations.find((allocation) => `${allocation.firstName} ${allocation.lastName}` === name);
  expect(person?.attendance?.outcome).toBe("ATTENDED_COMPLIED");
  // Version 1: written once, never corrected by a second copy of the same record.
  expect(person?.attendance?.version).toBe(1);
});

test("a queued record the server refuses is shown to the supervisor with the server's message", async ({
  page,
  context,
  playwright,
}) => {
  const sessionId = await openTodaysSession(page);
  await expectKeptForOffline(page);

  // Saved online first.
  const name = await firstUnrecorded(page);
  await recordAttended(page, name, "Good");
  await expect(page.getByText(WAITING)).toHaveCount(0, { timeout: 20_000 });
  const byName = (session: SessionJson) =>
    session.allocations.find((allocation) => `${allocation.firstName} ${allocation.lastName}` === name);
  await expect.poll(async () => byName(await sessionFromApi(page, sessionId))?.attendance?.version).toBe(1);
  const person = byName(await sessionFromApi(page, sessionId));

  // Offline, the supervisor corrects it (the correction names version 1)…
  await context.setOffline(true);
  await page.getByRole("button", { name: `Change attendance for ${name}` }).click();
  await recordAttended(page, name, "Excellent");
  await expect(page.getByText(WAITING)).toBeVisible();

  // …while the office corrects the same attendance (version 1 → 2), from another device.
  const office = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: await context.storageState(),
  });
  const officeChange = await office.put(`/api/v1/sessions/${sessionId}/attendance/${person?.caseId}`, {
    data: { outcome: "ATTENDED_COMPLIED", workQuality: "GOOD", behaviour: "SATISFACTORY", version: 1 },
  });
  expect(officeChange.status()).toBe(200);
  await office.dispose();

  await context.setOffline(false);
  // Beside the person with both values and a choice, and in the session's outbox summary at the top of the roster.
  await expect(page.getByText("Not saved – the office changed this attendance")).toBeVisible({ timeout: 20_000 });
  const section = page.getByRole("region", { name: `Attendance for ${name}` });
  await expect(section.getByText("Now on record: Attended – complied")).toBeVisible();
  await expect(section.getByText("Yours: Attended – complied")).toBeVisible();
  await expect(section.getByText("Work: Good · Behaviour: Satisfactory")).toBeVisible();
  await expect(section.getByText("Work: Good · Behaviour: Excellent")).toBeVisible();
  await expect(section.getByRole("button", { name: `Send mine instead for ${name}` })).toBeVisible();
  await expect(section.getByRole("button", { name: `Keep the office's record for ${name}` })).toBeVisible();
  await expect(page.getByText(/^Not accepted: This attendance was changed by someone else/)).toBeVisible();
  await expectAccessible(page);

  // Nothing was written by the refused record.
  const after = await sessionFromApi(page, sessionId);
  expect(after.allocations.find((allocation) => allocation.caseId === person?.caseId)?.attendance?.version).toBe(2);
});

import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { scanPage } from "./axe";

export const DEMO_PASSWORD = "demo-password-1";

/**
 * Fails on any serious or critical WCAG 2.2 A/AA violation on the page as it is now. Every page a
 * test opens is scanned anyway (./fixtures.ts); call this for a state a navigation does not make
 * (an error summary, an opened panel). It waits for any scan of the page already under way.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // After a client-side navigation (e.g. a server action's redirect) Next sets the new <title> a
  // moment after the content; scan the page as the user gets it, title included.
  await expect.poll(() => page.title(), { message: `the page at ${page.url()} has a title` }).not.toBe("");
  const { violations } = await scanPage(page);
  expect(violations, `accessibility violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** A bearer token for the JSON API (POST /api/v1/auth/token) for a demo account. */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post("/api/v1/auth/token", { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/**
 * The JSON API as `email` (a coordinator by default), for setting a scene through the same services
 * the office uses: `call(method, path, body)` fails the test unless the answer is 2xx, and returns its body.
 */
export async function api(request: APIRequestContext, email = "coordinator@demo.test") {
  const headers = { authorization: `Bearer ${await apiToken(request, email)}` };
  return async <T>(method: "POST" | "PUT", path: string, data: unknown): Promise<T> => {
    const response = await request.fetch(`/api/v1${path}`, { method, headers, data });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}

export type ApiCall = Awaited<ReturnType<typeof api>>;

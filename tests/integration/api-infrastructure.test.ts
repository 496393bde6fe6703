// The JSON API plumbing against real PostgreSQL: tokens, the apiRoute wrapper and idempotency.
// Route handlers are called directly with `new Request(...)`; there is no Next request context,
// so the session-cookie path finds no session and only bearer tokens authenticate.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { z } from "zod";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.LOGIN_MAX_FAILURES = "3";
});

import { testDb } from "../support/db";
import { POST as issueToken } from "../../app/api/v1/auth/token/route";
import { GET as getMe } from "../../app/api/v1/me/route";
import { GET as getOpenApi } from "../../app/api/v1/openapi.json/route";
import { apiRoute } from "@/server/api/handler";
import { defineRoute } from "@/server/api/route-spec";
import { audit } from "@/server/audit";
import { createApiTokenForUser, hashApiToken, issueApiToken, revokeApiToken } from "@/server/auth/api-tokens";
import { hashPassword } from "@/server/auth/password";
import type { AppUser } from "@/server/auth/access";
import type { UserRole } from "@/generated/prisma/enums";

const BASE = "http://localhost";
const PASSWORD = "correct horse battery";
let regionId: string;
let regionCode: string;
let passwordHash: string;

async function makeUser(role: UserRole = "COORDINATOR"): Promise<AppUser> {
  const email = `api-${randomUUID()}@example.test`;
  const user = await testDb.user.create({
    data: { email, name: "Sam Okafor", role, regionId: role === "ADMIN" ? null : regionId, passwordHash },
  });
  return {
    id: user.id,
    email,
    name: user.name,
    role,
    regionId: user.regionId,
    regionCode: role === "ADMIN" ? null : regionCode,
  };
}

async function tokenFor(user: AppUser, expiresAt: Date | null = null): Promise<string> {
  return (await issueApiToken(testDb, { userId: user.id, name: "test", expiresAt })).token;
}

const json = (path: string, body: unknown, headers: Record<string, string> = {}, method = "POST") =>
  new Request(`${BASE}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

// A test-only route through the real wrapper: it writes an audit row, so rows can be counted.
const noteRoute = defineRoute({
  method: "POST",
  path: "/api/v1/test-notes",
  tag: "Test",
  summary: "Test only",
  permission: "self.read",
  idempotent: true,
  status: 201,
  body: z
    .object({
      marker: z.string(),
      refuse: z.boolean().optional(),
      crash: z.boolean().optional(),
      regionCode: z.string().optional(),
    })
    .strict(),
});
const postNote = apiRoute(noteRoute, async ({ user, body, transaction }) =>
  transaction(async (tx) => {
    await audit(tx, user, { action: "test.note", entityType: "TestNote", entityId: body.marker });
    if (body.crash) throw new Error("secret internal detail");
    if (body.regionCode) await tx.region.create({ data: { code: body.regionCode, name: "Duplicate" } });
    if (body.refuse) return { ok: false as const, code: "SESSION_FULL" as const, message: "This session is full" };
    await new Promise((resolve) => setTimeout(resolve, 50)); // widen the window for concurrent retries
    return { ok: true as const, value: { marker: body.marker, id: randomUUID() } };
  }),
);
const adminOnly = apiRoute(
  defineRoute({
    method: "GET",
    path: "/api/v1/test-admin",
    tag: "Test",
    summary: "Test only",
    permission: "admin.apiTokens",
  }),
  async () => ({
    ok: true,
    value: { fine: true },
  }),
);
const notesWritten = (marker: string) =>
  testDb.auditEvent.count({ where: { entityType: "TestNote", entityId: marker } });

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  regionCode = `A${randomUUID().slice(0, 5)}`;
  regionId = (await testDb.region.create({ data: { code: regionCode, name: `API test region ${regionCode}` } })).id;
});
afterAll(() => testDb.$disconnect());

describe("POST /api/v1/auth/token", () => {
  it("issues a 12-hour token for the right password, storing only its hash", async () => {
    const user = await makeUser();
    const response = await issueToken(json("/api/v1/auth/token", { email: user.email, password: PASSWORD }));
    expect(response.status).toBe(200);
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    expect(token).toMatch(/^cpb_[A-Za-z0-9_-]{43}$/);
    expect(Math.abs(new Date(expiresAt).getTime() - (Date.now() + 12 * 3_600_000))).toBeLessThan(60_000);

    const rows = await testDb.$queryRaw<
      { text: string }[]
    >`SELECT row_to_json(t)::text AS text FROM "ApiToken" t WHERE "userId" = ${user.id}::uuid`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).not.toContain(token);
    expect(rows[0]?.text).toContain(hashApiToken(token));

    const me = await getMe(new Request(`${BASE}/api/v1/me`, { headers: bearer(token) }));
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      id: user.id,
      email: user.email,
      name: "Sam Okafor",
      role: "COORDINATOR",
      region: regionCode,
    });
  });

  it("refuses a wrong password with 401 and no token", async () => {
    const user = await makeUser();
    const response = await issueToken(json("/api/v1/auth/token", { email: user.email, password: "wrong" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { code: "INVALID_CREDENTIALS", message: expect.any(String) },
    });
    expect(await testDb.apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("throttles repeated failures with 429 TOO_MANY_ATTEMPTS, even for the right password", async () => {
    const user = await makeUser();
    for (let i = 0; i < 3; i += 1)
      await issueToken(json("/api/v1/auth/token", { email: user.email, password: "wrong" }));
    const response = await issueToken(json("/api/v1/auth/token", { email: user.email, password: PASSWORD }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("900");
    expect(await response.json()).toMatchObject({
      error: { code: "TOO_MANY_ATTEMPTS", message: expect.stringContaining("Wait 15 minutes") },
    });
  });

  it("rejects an unknown field and malformed JSON with 400", async () => {
    const unknown = await issueToken(json("/api/v1/auth/token", { email: "a@b.test", password: "x", remember: true }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: { fields: [{ field: "remember" }] } },
    });
    const malformed = await issueToken(json("/api/v1/auth/token", '{"email": "a@b.test", "password": '));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: "MALFORMED_JSON", message: expect.stringContaining("not valid JSON") },
    });
  });
});

describe("bearer authentication", () => {
  it("401s without credentials (no session outside Next), with a revoked, expired or unknown token, or a deactivated user", async () => {
    const user = await makeUser();
    const revoked = await tokenFor(user);
    const tokenRow = await testDb.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(revoked) } });
    await testDb.$transaction((tx) => revokeApiToken(tx, user, tokenRow.id));
    const expired = await tokenFor(user, new Date(Date.now() - 1000));
    const inactive = await makeUser();
    const inactiveToken = await tokenFor(inactive);
    await testDb.user.update({ where: { id: inactive.id }, data: { active: false } });

    const headers = [
      {},
      bearer(revoked),
      bearer(expired),
      bearer(inactiveToken),
      bearer("cpb_not-a-real-token"),
      { authorization: "Basic abc" },
    ];
    for (const h of headers) {
      const response = await getMe(new Request(`${BASE}/api/v1/me`, { headers: h }));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    }
  });

  it("records last use at most once a minute", async () => {
    const user = await makeUser();
    const token = await tokenFor(user);
    await getMe(new Request(`${BASE}/api/v1/me`, { headers: bearer(token) }));
    const first = (await testDb.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) } })).lastUsedAt;
    await getMe(new Request(`${BASE}/api/v1/me`, { headers: bearer(token) }));
    const second = (await testDb.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) } })).lastUsedAt;
    expect(first).not.toBeNull();
    expect(second).toEqual(first);
  });

  it("403s a role the route does not allow", async () => {
    const user = await makeUser("COORDINATOR");
    const response = await adminOnly(
      new Request(`${BASE}/api/v1/test-admin`, { headers: bearer(await tokenFor(user)) }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("lets an administrator create a token for a user, audited without the token; others may not", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser();
    const issued = await testDb.$transaction((tx) =>
      createApiTokenForUser(tx, admin, { userId: user.id, name: "Case feed", expiresInDays: 30 }),
    );
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { entityType: "ApiToken", entityId: issued.id } });
    expect(event).toMatchObject({ action: "api-token.create", actorId: admin.id });
    expect(JSON.stringify(event)).not.toContain(issued.token);
    expect(JSON.stringify(event)).not.toContain(hashApiToken(issued.token));
    expect((await getMe(new Request(`${BASE}/api/v1/me`, { headers: bearer(issued.token) }))).status).toBe(200);
    await expect(
      testDb.$transaction((tx) =>
        createApiTokenForUser(tx, user, { userId: user.id, name: "Mine", expiresInDays: 30 }),
      ),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the apiRoute wrapper", () => {
  it("400s malformed JSON and unknown fields, 413s an oversized body, and writes nothing", async () => {
    const user = await makeUser();
    const headers = { ...bearer(await tokenFor(user)), "idempotency-key": randomUUID() };
    const marker = randomUUID();
    const malformed = await postNote(json("/api/v1/test-notes", `{"marker": "${marker}"`, headers));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "MALFORMED_JSON" } });
    const unknown = await postNote(json("/api/v1/test-notes", { marker, extra: 1 }, headers));
    expect(unknown.status).toBe(400);
    const huge = await postNote(json("/api/v1/test-notes", { marker: "x".repeat(110 * 1024) }, headers));
    expect(huge.status).toBe(413);
    expect(await notesWritten(marker)).toBe(0);
    expect(await testDb.idempotencyKey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("returns 500 with a reference, never the error's text, and keeps nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const user = await makeUser();
    const marker = randomUUID();
    const response = await postNote(
      json("/api/v1/test-notes", { marker, crash: true }, { ...bearer(await tokenFor(user)), "idempotency-key": "k1" }),
    );
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({
      error: {
        code: "INTERNAL_ERROR",
        message: expect.stringMatching(/^Something went wrong\. Reference: [0-9a-f-]{36}$/),
      },
    });
    expect(text).not.toContain("secret internal detail");
    expect(await notesWritten(marker)).toBe(0);
    expect(await testDb.idempotencyKey.count({ where: { userId: user.id } })).toBe(0);
    log.mockRestore();
  });

  it("rolls back a refused command's writes and answers 422 with the rule code", async () => {
    const user = await makeUser();
    const marker = randomUUID();
    const response = await postNote(json("/api/v1/test-notes", { marker, refuse: true }, bearer(await tokenFor(user))));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: "SESSION_FULL", message: "This session is full", details: {} },
    });
    expect(await notesWritten(marker)).toBe(0);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first reply for a retry with the same key and body, writing once", async () => {
    const user = await makeUser();
    const headers = { ...bearer(await tokenFor(user)), "idempotency-key": randomUUID() };
    const marker = randomUUID();
    const first = await postNote(json("/api/v1/test-notes", { marker }, headers));
    // Same JSON, different key order and spacing: still the same request.
    const retry = await postNote(json("/api/v1/test-notes", `{ "marker" : "${marker}" }`, headers));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(await first.json());
    expect(await notesWritten(marker)).toBe(1);
  });

  it("422s IDEMPOTENCY_KEY_REUSED for the same key with a different body", async () => {
    const user = await makeUser();
    const headers = { ...bearer(await tokenFor(user)), "idempotency-key": randomUUID() };
    const marker = randomUUID();
    await postNote(json("/api/v1/test-notes", { marker }, headers));
    const reused = await postNote(json("/api/v1/test-notes", { marker: randomUUID() }, headers));
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
  });

  it("keeps a refusal too: the retry gets the same 422 and nothing is written", async () => {
    const user = await makeUser();
    const headers = { ...bearer(await tokenFor(user)), "idempotency-key": randomUUID() };
    const marker = randomUUID();
    const first = await postNote(json("/api/v1/test-notes", { marker, refuse: true }, headers));
    const retry = await postNote(json("/api/v1/test-notes", { marker, refuse: true }, headers));
    expect([first.status, retry.status]).toEqual([422, 422]);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await notesWritten(marker)).toBe(0);
  });

  it("turns a unique-constraint clash into a stored 409 CONFLICT and undoes the handler's other writes", async () => {
    const user = await makeUser();
    const headers = { ...bearer(await tokenFor(user)), "idempotency-key": randomUUID() };
    const marker = randomUUID();
    const first = await postNote(json("/api/v1/test-notes", { marker, regionCode }, headers));
    const retry = await postNote(json("/api/v1/test-notes", { marker, regionCode }, headers));
    expect([first.status, retry.status]).toEqual([409, 409]);
    expect(await first.json()).toMatchObject({ error: { code: "CONFLICT" } });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await notesWritten(marker)).toBe(0);
  });

  it("scopes keys to the user: another user's identical key is a new request", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const key = randomUUID();
    const marker = randomUUID();
    await postNote(json("/api/v1/test-notes", { marker }, { ...bearer(await tokenFor(a)), "idempotency-key": key }));
    const other = await postNote(
      json("/api/v1/test-notes", { marker }, { ...bearer(await tokenFor(b)), "idempotency-key": key }),
    );
    expect(other.status).toBe(201);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(await notesWritten(marker)).toBe(2);
  });

  it("20 concurrent identical retries write once and all get the same reply", async () => {
    const user = await makeUser();
    const headers = { ...bearer(await tokenFor(user)), "idempotency-key": randomUUID() };
    const marker = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => postNote(json("/api/v1/test-notes", { marker }, headers))),
    );
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(bodies).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    expect(await notesWritten(marker)).toBe(1);
    expect(await testDb.idempotencyKey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("400s a key that is not 1–200 visible characters", async () => {
    const user = await makeUser();
    const response = await postNote(
      json("/api/v1/test-notes", { marker: "m" }, { ...bearer(await tokenFor(user)), "idempotency-key": "has spaces" }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_IDEMPOTENCY_KEY" } });
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the OpenAPI 3.1 document without authentication", async () => {
    const response = await getOpenApi(new Request(`${BASE}/api/v1/openapi.json`));
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/auth/token", "/api/v1/me"]));
  });
});

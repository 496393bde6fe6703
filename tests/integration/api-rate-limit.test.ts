// The per-token API rate limit: counted in PostgreSQL (shared by every instance), 429 with
// Retry-After beyond it, and one token's use does not slow another's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "5";
});

import { randomUUID } from "node:crypto";
import { testDb } from "../support/db";
import { GET as getMe } from "../../app/api/v1/me/route";
import { hashApiToken, issueApiToken } from "@/server/auth/api-tokens";
import { tokenRateKey } from "@/server/auth/token-rate";

let userId: string;
/** Requests counted for a token, over every minute. */
const counted = async (token: string) =>
  (
    await testDb.apiRateWindow.findMany({ where: { key: tokenRateKey(hashApiToken(token)) }, select: { count: true } })
  ).reduce((sum, window) => sum + window.count, 0);
const me = (token: string) =>
  getMe(new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${token}` } }));

beforeAll(async () => {
  const code = `R${randomUUID().slice(0, 6)}`;
  const region = await testDb.region.create({ data: { code, name: `Rate ${code}` } });
  userId = (
    await testDb.user.create({
      data: {
        email: `rate-${randomUUID()}@example.test`,
        name: "Rae Lim",
        role: "MANAGER",
        regionId: region.id,
        passwordHash: "x",
      },
    })
  ).id;
});
afterAll(() => testDb.$disconnect());

describe("per-token API rate limit", () => {
  it("answers 429 with Retry-After once a token passes its limit in a minute, without slowing another token", async () => {
    const token = (await issueApiToken(testDb, { userId, name: "busy script", expiresAt: null })).token;
    const other = (await issueApiToken(testDb, { userId, name: "other script", expiresAt: null })).token;
    // A fixed clock in the middle of a minute, so the test never straddles two windows.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(`2026-12-03T10:${String(Math.floor(Math.random() * 50)).padStart(2, "0")}:10Z`));
    try {
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await me(token)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const refused = await me(token);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("50");
      expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
      expect((await me(other)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts a token's requests in its lookup, and never an unknown token's", async () => {
    const token = (await issueApiToken(testDb, { userId, name: "counted script", expiresAt: null })).token;
    const unknown = `cpb_${randomUUID().replaceAll("-", "")}`;
    expect((await me(unknown)).status).toBe(401);
    expect(await counted(unknown)).toBe(0);
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    expect(await counted(token)).toBe(2);
  });

  it("refuses a revoked token with 401 however often it is sent, counting it in its own window", async () => {
    const issued = await issueApiToken(testDb, { userId, name: "revoked script", expiresAt: null });
    await testDb.apiToken.update({ where: { id: issued.id }, data: { revokedAt: new Date() } });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T11:20:10Z"));
    try {
      const statuses = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await me(issued.token)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401]);
      expect(await counted(issued.token)).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts parallel requests exactly (one atomic upsert per request)", async () => {
    const token = (await issueApiToken(testDb, { userId, name: "parallel script", expiresAt: null })).token;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T12:00:30Z"));
    try {
      const statuses = (await Promise.all(Array.from({ length: 12 }, () => me(token)))).map((r) => r.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(7);
      expect(await counted(token)).toBe(12);
      // The next minute starts afresh.
      vi.setSystemTime(new Date("2026-12-03T12:01:00Z"));
      expect((await me(token)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

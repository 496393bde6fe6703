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
import { consumeRate } from "@/server/api/rate-limit";

let userId: string;
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
    const windows = (t: string) =>
      testDb.apiRateWindow.findMany({ where: { key: `token:${hashApiToken(t)}` }, select: { count: true } });
    expect((await me(unknown)).status).toBe(401);
    expect(await windows(unknown)).toEqual([]);
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    const counted = await windows(token);
    expect(counted.reduce((sum, w) => sum + w.count, 0)).toBe(2);
  });

  it("counts parallel requests exactly (one atomic upsert per request)", async () => {
    const key = `test:${randomUUID()}`;
    const at = new Date("2026-12-03T10:00:30Z");
    const decisions = await Promise.all(Array.from({ length: 12 }, () => consumeRate(testDb, key, 5, at)));
    expect(decisions.filter((d) => d.ok)).toHaveLength(5);
    expect(decisions.find((d) => !d.ok)).toEqual({ ok: false, limit: 5, retryAfterSeconds: 30 });
    // The next minute starts afresh.
    await expect(consumeRate(testDb, key, 5, new Date("2026-12-03T10:01:00Z"))).resolves.toEqual({ ok: true });
  });
});

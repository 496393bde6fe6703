import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDb } from "../support/db";
import { authenticate } from "@/server/auth/authenticate";
import { hashPassword } from "@/server/auth/password";

const throttle = { maxFailures: 3, windowMinutes: 15, accountMaxFailures: 20, accountWindowMinutes: 60, clientMaxFailures: 10 };
let regionId: string;

async function makeUser(overrides: { active?: boolean } = {}) {
  const email = `user-${randomUUID()}@example.test`;
  await testDb.user.create({
    data: { email, name: "Priya Shah", role: "COORDINATOR", regionId, passwordHash: await hashPassword("correct horse"), active: overrides.active ?? true },
  });
  return email;
}

beforeAll(async () => {
  const code = `T${randomUUID().slice(0, 6)}`;
  regionId = (await testDb.region.create({ data: { code, name: `Test region ${code}` } })).id;
});
afterAll(() => testDb.$disconnect());

describe("authenticate (sign-in and API tokens)", () => {
  it("accepts the right password and returns role and region", async () => {
    const email = await makeUser();
    const result = await authenticate(testDb, { email: email.toUpperCase(), password: "correct horse" }, throttle);
    expect(result).toMatchObject({ ok: true, user: { email, role: "COORDINATOR", regionId } });
  });

  it("refuses a wrong password, an unknown email and a deactivated user alike", async () => {
    const email = await makeUser();
    const inactive = await makeUser({ active: false });
    await expect(authenticate(testDb, { email, password: "wrong" }, throttle)).resolves.toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    await expect(authenticate(testDb, { email: "nobody@example.test", password: "x" }, throttle)).resolves.toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    await expect(authenticate(testDb, { email: inactive, password: "correct horse" }, throttle)).resolves.toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
  });

  it("throttles after repeated failures, even with the right password, using rows in PostgreSQL", async () => {
    const email = await makeUser();
    for (let i = 0; i < throttle.maxFailures; i += 1) {
      await authenticate(testDb, { email, password: "wrong" }, throttle);
    }
    await expect(authenticate(testDb, { email, password: "correct horse" }, throttle)).resolves.toMatchObject({ ok: false, code: "TOO_MANY_ATTEMPTS" });
    expect(await testDb.loginAttempt.count({ where: { email, succeeded: false } })).toBe(throttle.maxFailures);
  });

  it("forgets failures older than the window", async () => {
    const email = await makeUser();
    const old = new Date(Date.now() - 20 * 60_000);
    await testDb.loginAttempt.createMany({ data: Array.from({ length: 5 }, () => ({ email, succeeded: false, createdAt: old })) });
    await expect(authenticate(testDb, { email, password: "correct horse" }, throttle)).resolves.toMatchObject({ ok: true });
  });

  it("a success resets the count of failures", async () => {
    const email = await makeUser();
    await authenticate(testDb, { email, password: "wrong" }, throttle);
    await authenticate(testDb, { email, password: "wrong" }, throttle);
    await authenticate(testDb, { email, password: "correct horse" }, throttle);
    await authenticate(testDb, { email, password: "wrong" }, throttle);
    await expect(authenticate(testDb, { email, password: "correct horse" }, throttle)).resolves.toMatchObject({ ok: true });
  });
});

describe("sign-in throttling that protects without locking people out", () => {
  const settings = { maxFailures: 5, windowMinutes: 15, accountMaxFailures: 30, accountWindowMinutes: 60, clientMaxFailures: 12 };
  const attackerIp = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

  it("checks at most 5 of 20 parallel wrong passwords (counting is atomic)", async () => {
    const email = await makeUser();
    const ip = attackerIp();
    const results = await Promise.all(Array.from({ length: 20 }, () => authenticate(testDb, { email, password: "wrong", ip }, settings)));
    expect(results.filter((r) => !r.ok && r.code === "INVALID_CREDENTIALS")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "TOO_MANY_ATTEMPTS")).toHaveLength(15);
    expect(await testDb.loginAttempt.count({ where: { email } })).toBe(5);
  });

  it("lets the real user sign in from their own client after someone else's failures", async () => {
    const email = await makeUser();
    const ip = attackerIp();
    for (let i = 0; i < 8; i += 1) await authenticate(testDb, { email, password: "wrong", ip }, settings);
    await expect(authenticate(testDb, { email, password: "correct horse", ip }, settings)).resolves.toMatchObject({ ok: false, code: "TOO_MANY_ATTEMPTS" });
    await expect(authenticate(testDb, { email, password: "correct horse", ip: "198.51.100.20" }, settings)).resolves.toMatchObject({ ok: true });
  });

  it("stops an account being guessed from many clients with a longer backstop", async () => {
    const email = await makeUser();
    for (let i = 0; i < settings.accountMaxFailures; i += 1) await testDb.loginAttempt.create({ data: { email, ip: `192.0.2.${i}`, succeeded: false } });
    await expect(authenticate(testDb, { email, password: "correct horse", ip: "198.51.100.21" }, settings)).resolves.toEqual({
      ok: false,
      code: "TOO_MANY_ATTEMPTS",
      retryAfterSeconds: 3600,
    });
  });

  it("slows one client spraying a password across many accounts", async () => {
    const ip = attackerIp();
    const outcomes: string[] = [];
    for (let i = 0; i < settings.clientMaxFailures + 3; i += 1) {
      const result = await authenticate(testDb, { email: `nobody-${randomUUID()}@example.test`, password: "Summer2026!", ip }, settings);
      outcomes.push(result.ok ? "ok" : result.code);
    }
    expect(outcomes.filter((o) => o === "INVALID_CREDENTIALS")).toHaveLength(settings.clientMaxFailures);
    expect(outcomes.slice(-3)).toEqual(["TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS"]);
    // Someone else, from their own client, is not slowed by it.
    const email = await makeUser();
    await expect(authenticate(testDb, { email, password: "correct horse", ip: "198.51.100.22" }, settings)).resolves.toMatchObject({ ok: true });
  });

  it("takes as long for an unknown account as for a wrong password on a real one (median gap under 20 ms)", async () => {
    const email = await makeUser();
    const roomy = { ...settings, maxFailures: 100, accountMaxFailures: 100, clientMaxFailures: 100 };
    const time = async (who: string) => {
      const started = performance.now();
      await authenticate(testDb, { email: who, password: "wrong", ip: attackerIp() }, roomy);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    await time(`warm-${randomUUID()}@example.test`);
    // Interleaved, alternating which goes first, so load on a shared machine falls on both alike.
    for (let i = 0; i < 31; i += 1) {
      if (i % 2 === 0) {
        known.push(await time(email));
        unknown.push(await time(`nobody-${randomUUID()}@example.test`));
      } else {
        unknown.push(await time(`nobody-${randomUUID()}@example.test`));
        known.push(await time(email));
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    // The median of the paired differences: each pair ran back to back, so a busy machine slows both.
    const gap = median(known.map((k, i) => k - (unknown[i] ?? 0)));
    expect(Math.abs(gap), `median gap ${gap.toFixed(1)} ms (medians: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms)`).toBeLessThan(20);
  });
});

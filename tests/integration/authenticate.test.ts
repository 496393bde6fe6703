import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDb } from "../support/db";
import { authenticate } from "@/server/auth/authenticate";
import { hashPassword } from "@/server/auth/password";

const throttle = {
  maxFailures: 3,
  windowMinutes: 15,
  accountMaxFailures: 20,
  accountWindowMinutes: 60,
  clientMaxFailures: 10,
};
let regionId: string;

async function makeUser(overrides: { active?: boolean } = {}) {
  const email = `user-${randomUUID()}@example.test`;
  await testDb.user.create({
    data: {
      email,
      name: "Priya Shah",
      role: "COORDINATOR",
      regionId,
      passwordHash: await hashPassword("correct horse"),
      active: overrides.active ?? true,
    },
  });
  return email;
}

beforeAll(async () => {
  const code = `T${randomUUID().slice(0, 6)}`;
  regionId = (await testDb.region.create({ data: { code, name: `Test region ${code}` } })).id;
});
afterAll(() => testDb.$disconnect());

/** The most pairs the timing test takes before the median alone decides. */
const MAX_TIMING_PAIRS = 151;

/**
 * The median of `values` and a distribution-free 95 % confidence interval for it: the order
 * statistics x(k) and x(n+1−k), with k the largest whose binomial(n, ½) tail is at most 2.5 %.
 */
function medianInterval(values: number[]): { median: number; low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let tail = 0;
  let term = 0.5 ** n; // P(X = 0)
  let k = 0;
  while (k < n && tail + term <= 0.025) {
    tail += term;
    term *= (n - k) / (k + 1);
    k += 1;
  }
  const at = (i: number) => sorted[Math.min(n - 1, Math.max(0, i))] ?? 0;
  return { median: at(Math.floor(n / 2)), low: at(k - 1), high: at(n - k) };
}

describe("authenticate (sign-in and API tokens)", () => {
  it("accepts the right password and returns role and region", async () => {
    const email = await makeUser();
    const result = await authenticate(testDb, { email: email.toUpperCase(), password: "correct horse" }, throttle);
    expect(result).toMatchObject({ ok: true, user: { email, role: "COORDINATOR", regionId } });
  });

  it("refuses a wrong password, an unknown email and a deactivated user alike", async () => {
    const email = await makeUser();
    const inactive = await makeUser({ active: false });
    await expect(authenticate(testDb, { email, password: "wrong" }, throttle)).resolves.toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    await expect(authenticate(testDb, { email: "nobody@example.test", password: "x" }, throttle)).resolves.toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    await expect(authenticate(testDb, { email: inactive, password: "correct horse" }, throttle)).resolves.toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
  });

  it("throttles after repeated failures, even with the right password, using rows in PostgreSQL", async () => {
    const email = await makeUser();
    for (let i = 0; i < throttle.maxFailures; i += 1) {
      await authenticate(testDb, { email, password: "wrong" }, throttle);
    }
    await expect(authenticate(testDb, { email, password: "correct horse" }, throttle)).resolves.toMatchObject({
      ok: false,
      code: "TOO_MANY_ATTEMPTS",
    });
    expect(await testDb.loginAttempt.count({ where: { email, succeeded: false } })).toBe(throttle.maxFailures);
  });

  it("forgets failures older than the window", async () => {
    const email = await makeUser();
    const old = new Date(Date.now() - 20 * 60_000);
    await testDb.loginAttempt.createMany({
      data: Array.from({ length: 5 }, () => ({ email, succeeded: false, createdAt: old })),
    });
    await expect(authenticate(testDb, { email, password: "correct horse" }, throttle)).resolves.toMatchObject({
      ok: true,
    });
  });

  it("a success resets the count of failures", async () => {
    const email = await makeUser();
    await authenticate(testDb, { email, password: "wrong" }, throttle);
    await authenticate(testDb, { email, password: "wrong" }, throttle);
    await authenticate(testDb, { email, password: "correct horse" }, throttle);
    await authenticate(testDb, { email, password: "wrong" }, throttle);
    await expect(authenticate(testDb, { email, password: "correct horse" }, throttle)).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe("sign-in throttling that protects without locking people out", () => {
  const settings = {
    maxFailures: 5,
    windowMinutes: 15,
    accountMaxFailures: 30,
    accountWindowMinutes: 60,
    clientMaxFailures: 12,
  };
  const attackerIp = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

  it("checks at most 5 of 20 parallel wrong passwords (counting is atomic)", async () => {
    const email = await makeUser();
    const ip = attackerIp();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => authenticate(testDb, { email, password: "wrong", ip }, settings)),
    );
    expect(results.filter((r) => !r.ok && r.code === "INVALID_CREDENTIALS")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "TOO_MANY_ATTEMPTS")).toHaveLength(15);
    expect(await testDb.loginAttempt.count({ where: { email } })).toBe(5);
  });

  it("lets the real user sign in from their own client after someone else's failures", async () => {
    const email = await makeUser();
    const ip = attackerIp();
    for (let i = 0; i < 8; i += 1) await authenticate(testDb, { email, password: "wrong", ip }, settings);
    await expect(authenticate(testDb, { email, password: "correct horse", ip }, settings)).resolves.toMatchObject({
      ok: false,
      code: "TOO_MANY_ATTEMPTS",
    });
    await expect(
      authenticate(testDb, { email, password: "correct horse", ip: "198.51.100.20" }, settings),
    ).resolves.toMatchObject({ ok: true });
  });

  it("stops an account being guessed from many clients with a longer backstop", async () => {
    const email = await makeUser();
    for (let i = 0; i < settings.accountMaxFailures; i += 1)
      await testDb.loginAttempt.create({ data: { email, ip: `192.0.2.${i}`, succeeded: false } });
    await expect(
      authenticate(testDb, { email, password: "correct horse", ip: "198.51.100.21" }, settings),
    ).resolves.toEqual({
      ok: false,
      code: "TOO_MANY_ATTEMPTS",
      retryAfterSeconds: 3600,
    });
  });

  it("slows one client spraying a password across many accounts", async () => {
    const ip = attackerIp();
    const outcomes: string[] = [];
    for (let i = 0; i < settings.clientMaxFailures + 3; i += 1) {
      const result = await authenticate(
        testDb,
        { email: `nobody-${randomUUID()}@example.test`, password: "Summer2026!", ip },
        settings,
      );
      outcomes.push(result.ok ? "ok" : result.code);
    }
    expect(outcomes.filter((o) => o === "INVALID_CREDENTIALS")).toHaveLength(settings.clientMaxFailures);
    expect(outcomes.slice(-3)).toEqual(["TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS"]);
    // Someone else, from their own client, is not slowed by it.
    const email = await makeUser();
    await expect(
      authenticate(testDb, { email, password: "correct horse", ip: "198.51.100.22" }, settings),
    ).resolves.toMatchObject({ ok: true });
  });

  it("takes as long for an unknown account as for a wrong password on a real one (median gap under 20 ms)", async () => {
    const email = await makeUser();
    const roomy = { ...settings, maxFailures: 100, accountMaxFailures: 1000, clientMaxFailures: 1000 };
    const time = async (who: string) => {
      const started = performance.now();
      await authenticate(testDb, { email: who, password: "wrong", ip: attackerIp() }, roomy);
      return performance.now() - started;
    };
    await time(`warm-${randomUUID()}@example.test`);
    // Pairs run back to back, alternating which goes first, so load on a shared machine falls on
    // both alike; the statistic is the median of the paired differences (known − unknown).
    const gaps: number[] = [];
    const samplePairs = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        if (gaps.length % 2 === 0) {
          const known = await time(email);
          gaps.push(known - (await time(`nobody-${randomUUID()}@example.test`)));
        } else {
          const unknown = await time(`nobody-${randomUUID()}@example.test`);
          gaps.push((await time(email)) - unknown);
        }
      }
    };
    // Sequential: sample until a 95 % distribution-free confidence interval for the median gap
    // lies wholly inside ±20 ms (pass) or wholly outside it (a real gap: fail), taking more pairs
    // only while a busy machine leaves it undecided. At the cap the median itself decides, with
    // five times the samples a fixed 31 pairs gave; a true gap of 20 ms or more cannot pass on an
    // interval, so this proves at least as much as the point estimate did.
    await samplePairs(31);
    let interval = medianInterval(gaps);
    while (
      gaps.length < MAX_TIMING_PAIRS &&
      interval.low < 20 &&
      interval.high > -20 &&
      !(interval.low > -20 && interval.high < 20)
    ) {
      await samplePairs(20);
      interval = medianInterval(gaps);
    }
    const decided =
      interval.low > -20 && interval.high < 20
        ? "interval"
        : gaps.length >= MAX_TIMING_PAIRS
          ? "median at the cap"
          : "interval (a real gap)";
    const report = `median gap ${interval.median.toFixed(1)} ms, 95 % interval ${interval.low.toFixed(1)}…${interval.high.toFixed(1)} ms over ${gaps.length} pairs, decided by the ${decided}`;
    if (decided === "median at the cap") expect(Math.abs(interval.median), report).toBeLessThan(20);
    else expect(interval.low > -20 && interval.high < 20, report).toBe(true);
  }, 300_000);
});

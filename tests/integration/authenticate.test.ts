import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDb } from "../support/db";
import { authenticate } from "@/server/auth/authenticate";
import { hashPassword } from "@/server/auth/password";

const throttle = { maxFailures: 3, windowMinutes: 15 };
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
    await expect(authenticate(testDb, { email, password: "correct horse" }, throttle)).resolves.toEqual({ ok: false, code: "TOO_MANY_ATTEMPTS" });
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

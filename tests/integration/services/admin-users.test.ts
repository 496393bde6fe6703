// Administrators maintain users (decisions 0072, 0073): create, change role and region,
// deactivate and reactivate, and a password reset by a one-time link that only the hash of is
// stored. Each change that alters access ends the user's sign-ins in the same transaction.
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { startSignInSession } from "@/server/auth/sessions";
import { expectOk } from "@/server/services/result";
import { changeUserAccess } from "@/server/services/users/change-user-access";
import { createUser } from "@/server/services/users/create-user";
import { issuePasswordReset } from "@/server/services/users/issue-password-reset";
import { hashPasswordLinkToken } from "@/server/services/users/password-links";
import { setPasswordWithLink } from "@/server/services/users/set-password-with-link";
import { setUserActive } from "@/server/services/users/set-user-active";
import { testDb } from "../../support/db";
import { auditEventsFor, makeRegion, makeUser } from "../../support/factories";

afterAll(() => testDb.$disconnect());

const tokenOf = (path: string) => path.replace("/set-password/", "");
const NEW_PASSWORD = "marble kettle orchard";

async function signInsOf(userId: string) {
  const user = await testDb.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const open = await testDb.signInSession.count({ where: { userId, endedAt: null } });
  return { sessionVersion: user.sessionVersion, open };
}

describe("creating a user", () => {
  it("adds the user with no known password, audited, and gives a one-time link of which only the hash is kept", async () => {
    const region = await makeRegion();
    const admin = await makeUser("ADMIN", null);
    const email = `New.Person.${Date.now()}@Test.test`;
    const issued = expectOk(
      await createUser(admin, { name: "New Person", email, role: "COORDINATOR", regionId: region.id }),
    );
    expect(issued.user).toMatchObject({
      name: "New Person",
      email: email.toLowerCase(),
      role: "COORDINATOR",
      regionId: region.id,
      active: true,
    });
    const token = tokenOf(issued.path);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const links = await testDb.passwordResetLink.findMany({ where: { userId: issued.user.id } });
    expect(links).toHaveLength(1);
    expect(links[0]?.tokenHash).toBe(hashPasswordLinkToken(token));
    expect(JSON.stringify(await testDb.auditEvent.findMany({ where: { entityId: issued.user.id } }))).not.toContain(
      token,
    );
    const events = await auditEventsFor("User", issued.user.id);
    expect(events.map((e) => e.action).sort()).toEqual(["user.create", "user.password-link"]);

    // The link sets the password once; then it is used.
    expectOk(await setPasswordWithLink({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    const { passwordHash } = await testDb.user.findUniqueOrThrow({
      where: { id: issued.user.id },
      select: { passwordHash: true },
    });
    expect(await verifyPassword(NEW_PASSWORD, passwordHash)).toBe(true);
    expect(
      await setPasswordWithLink({ token, password: "another long password", confirmPassword: "another long password" }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("refuses a second account with the same email in any case, and a regional role without a region", async () => {
    const region = await makeRegion();
    const admin = await makeUser("ADMIN", null);
    const existing = await makeUser("SUPERVISOR", region);
    expect(
      await createUser(admin, {
        name: "Twin",
        email: existing.email.toUpperCase(),
        role: "SUPERVISOR",
        regionId: region.id,
      }),
    ).toMatchObject({ ok: false, field: "email" });
    expect(
      await createUser(admin, {
        name: "No region",
        email: `n${Date.now()}@test.test`,
        role: "MANAGER",
        regionId: null,
      }),
    ).toMatchObject({ ok: false, field: "regionId" });
    expect(
      await createUser(admin, {
        name: "Lead",
        email: `l${Date.now()}@test.test`,
        role: "NATIONAL_LEAD",
        regionId: region.id,
      }),
    ).toMatchObject({ ok: false, field: "regionId" });
  });

  it("is for administrators only", async () => {
    const region = await makeRegion();
    const manager = await makeUser("MANAGER", region);
    await expect(
      createUser(manager, { name: "X", email: `x${Date.now()}@test.test`, role: "SUPERVISOR", regionId: region.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("changing a user's role and region", () => {
  it("ends every sign-in of the user in the same change, audited with before and after; a stale version is refused", async () => {
    const [north, south] = [await makeRegion(), await makeRegion()];
    const admin = await makeUser("ADMIN", null);
    const user = await makeUser("COORDINATOR", north);
    await startSignInSession(testDb, user.id);
    await startSignInSession(testDb, user.id);
    expect(await signInsOf(user.id)).toEqual({ sessionVersion: 0, open: 2 });

    const changed = expectOk(
      await changeUserAccess(admin, { userId: user.id, version: 1, role: "MANAGER", regionId: south.id }),
    );
    expect(changed).toMatchObject({ role: "MANAGER", regionId: south.id, version: 2 });
    expect(await signInsOf(user.id)).toEqual({ sessionVersion: 1, open: 0 });
    const [event] = await auditEventsFor("User", user.id);
    expect(event).toMatchObject({
      action: "user.access",
      before: { role: "COORDINATOR", regionId: north.id },
      after: { role: "MANAGER", regionId: south.id },
    });

    expect(
      await changeUserAccess(admin, { userId: user.id, version: 1, role: "SUPERVISOR", regionId: south.id }),
    ).toMatchObject({ ok: false, code: "STALE_VERSION" });
  });

  it("does not let administrators change their own role (so one always remains)", async () => {
    const admin = await makeUser("ADMIN", null);
    expect(
      await changeUserAccess(admin, { userId: admin.id, version: 1, role: "NATIONAL_LEAD", regionId: null }),
    ).toMatchObject({ ok: false, field: "role" });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("reports an unknown user as not found", async () => {
    const admin = await makeUser("ADMIN", null);
    await expect(
      changeUserAccess(admin, {
        userId: "00000000-0000-4000-8000-000000000000",
        version: 1,
        role: "ADMIN",
        regionId: null,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("deactivating and reactivating", () => {
  it("deactivation ends the user's sign-ins and open links; reactivation lets them back; nobody deactivates themselves", async () => {
    const region = await makeRegion();
    const admin = await makeUser("ADMIN", null);
    const user = await makeUser("SUPERVISOR", region);
    await startSignInSession(testDb, user.id);
    const link = expectOk(await issuePasswordReset(admin, { userId: user.id, version: 1 }));

    const off = expectOk(await setUserActive(admin, { userId: user.id, version: 1, active: false }));
    expect(off).toMatchObject({ active: false, version: 2 });
    expect((await signInsOf(user.id)).open).toBe(0);
    const token = tokenOf(link.path);
    expect(await setPasswordWithLink({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await issuePasswordReset(admin, { userId: user.id, version: 2 })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });

    expect(expectOk(await setUserActive(admin, { userId: user.id, version: 2, active: true }))).toMatchObject({
      active: true,
      version: 3,
    });
    const events = await auditEventsFor("User", user.id);
    expect(events.find((e) => e.action === "user.deactivate")).toMatchObject({
      before: { active: true },
      after: { active: false },
    });
    expect(events.find((e) => e.action === "user.reactivate")).toMatchObject({
      before: { active: false },
      after: { active: true },
    });

    expect(await setUserActive(admin, { userId: admin.id, version: 1, active: false })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});

describe("password reset by a one-time link", () => {
  it("ends the user's sign-ins when made and when used; a newer link ends the older; an expired link is refused", async () => {
    const region = await makeRegion();
    const admin = await makeUser("ADMIN", null);
    const user = await makeUser("COORDINATOR", region);
    await startSignInSession(testDb, user.id);
    const first = expectOk(await issuePasswordReset(admin, { userId: user.id, version: 1 }));
    expect((await signInsOf(user.id)).open).toBe(0);
    const second = expectOk(await issuePasswordReset(admin, { userId: user.id, version: 1 }));
    expect(
      await setPasswordWithLink({ token: tokenOf(first.path), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });

    // The password rules, and the two entries must match; a refusal leaves the link open.
    expect(
      await setPasswordWithLink({ token: tokenOf(second.path), password: "short", confirmPassword: "short" }),
    ).toMatchObject({ ok: false, field: "password" });
    expect(
      await setPasswordWithLink({
        token: tokenOf(second.path),
        password: NEW_PASSWORD,
        confirmPassword: "something else",
      }),
    ).toMatchObject({ ok: false, field: "confirmPassword" });

    // A day later it has expired.
    const later = new Date(Date.parse(second.expiresAt) + 1000);
    expect(
      await setPasswordWithLink(
        { token: tokenOf(second.path), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        { now: later },
      ),
    ).toMatchObject({ ok: false, code: "CONFLICT" });

    await startSignInSession(testDb, user.id);
    expectOk(
      await setPasswordWithLink({ token: tokenOf(second.path), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect((await signInsOf(user.id)).open).toBe(0);
    const set = (await auditEventsFor("User", user.id)).find((e) => e.action === "user.password-set");
    expect(set).toMatchObject({ actorId: user.id });
    expect(JSON.stringify(set)).not.toContain(NEW_PASSWORD);
  });

  it("refuses an unknown token with the same words as a used one", async () => {
    expect(
      await setPasswordWithLink({ token: "not-a-token", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "This link has expired or has already been used. Ask an administrator for a new one.",
    });
  });
});

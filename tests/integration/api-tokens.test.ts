// Administrators' API tokens (docs/api.md "Auth"): the issue and revoke services on a real database —
// admin only, audited, only a hash stored — and the token working, then refused, on the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "../../app/api/v1/me/route";
import { AccessError } from "@/server/auth/access";
import { hashApiToken, issueApiToken } from "@/server/auth/api-tokens";
import { issueApiTokenForUser } from "@/server/services/api-tokens/issue-api-token";
import { revokeUserApiToken } from "@/server/services/api-tokens/revoke-api-token";
import { expectOk } from "@/server/services/result";
import { db } from "@/server/db/client";
import { testDb } from "../support/db";
import {
  auditEventsFor,
  makeRegion,
  makeRegionalStaff,
  makeUser,
  type TestRegion,
  type TestUser,
} from "../support/factories";

let region: TestRegion;
let admin: TestUser;
let staff: { coordinator: TestUser; manager: TestUser; supervisor: TestUser };
let nationalLead: TestUser;

beforeAll(async () => {
  region = await makeRegion();
  staff = await makeRegionalStaff(region);
  admin = await makeUser("ADMIN", null);
  nationalLead = await makeUser("NATIONAL_LEAD", null);
});
afterAll(() => Promise.all([testDb.$disconnect(), db.$disconnect()]));

const me = (token: string) =>
  getMe(new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${token}` } }));

describe("issueApiTokenForUser", () => {
  it("makes a token that acts as the user (role and region), stores only its hash, and audits without the token", async () => {
    const before = Date.now();
    const issued = expectOk(
      await issueApiTokenForUser(admin, { userId: staff.coordinator.id, name: "Nightly case feed", expiresInDays: 30 }),
    );
    expect(issued).toMatchObject({
      name: "Nightly case feed",
      userId: staff.coordinator.id,
      userName: staff.coordinator.name,
    });
    const expiresAt = Date.parse(issued.expiresAt ?? "");
    expect(expiresAt - before).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
    expect(issued.token).toMatch(/^cpb_[A-Za-z0-9_-]{43}$/);

    const row = await testDb.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.tokenHash).toBe(hashApiToken(issued.token));
    expect(JSON.stringify(row)).not.toContain(issued.token);

    const events = await auditEventsFor("ApiToken", issued.id);
    expect(events.map((e) => [e.action, e.actorId, e.regionId])).toEqual([["api-token.create", admin.id, region.id]]);
    expect(JSON.stringify(events)).not.toContain(issued.token);

    const response = await me(issued.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: staff.coordinator.id, role: "COORDINATOR", region: region.code });
  });

  it("refuses a token that never expires: every token lasts at most a year", async () => {
    await expect(issueApiTokenForUser(admin, { userId: staff.manager.id, name: "Reporting" } as never)).rejects.toThrow(
      /Choose how long the token lasts/,
    );
    await expect(
      issueApiTokenForUser(admin, { userId: staff.manager.id, name: "Reporting", expiresInDays: 367 }),
    ).rejects.toThrow(/at most 366 days/);
    const now = new Date();
    const issued = expectOk(
      await issueApiTokenForUser(admin, { userId: staff.manager.id, name: "Reporting", expiresInDays: 366 }, { now }),
    );
    expect(new Date(issued.expiresAt!).getTime()).toBe(now.getTime() + 366 * 86_400_000);
    const response = await me(issued.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: staff.manager.id, role: "MANAGER", region: region.code });
  });

  it("stops a token made before expiry was required one year after it was made", async () => {
    const { token } = await issueApiToken(testDb, {
      userId: staff.coordinator.id,
      name: "Old, no expiry",
      expiresAt: null,
    });
    expect((await me(token)).status).toBe(200);
    await testDb.apiToken.update({
      where: { tokenHash: hashApiToken(token) },
      data: { createdAt: new Date(Date.now() - 367 * 86_400_000) },
    });
    expect((await me(token)).status).toBe(401);
  });

  it.each([
    ["coordinator", () => staff.coordinator],
    ["regional manager", () => staff.manager],
    ["supervisor", () => staff.supervisor],
    ["national lead", () => nationalLead],
  ])("refuses a %s (FORBIDDEN) and writes nothing", async (_, actor) => {
    const [tokensBefore, auditBefore] = await Promise.all([testDb.apiToken.count(), testDb.auditEvent.count()]);
    await expect(
      issueApiTokenForUser(actor(), { userId: actor().id, name: "Mine", expiresInDays: 30 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.apiToken.count()).toBe(tokensBefore);
    expect(await testDb.auditEvent.count()).toBe(auditBefore);
  });

  it("refuses a deactivated or unknown user with a field error, writing nothing", async () => {
    const leaver = await makeUser("COORDINATOR", region);
    await testDb.user.update({ where: { id: leaver.id }, data: { active: false } });
    const tokensBefore = await testDb.apiToken.count();
    for (const userId of [leaver.id, "7f1c2c3e-0000-4000-8000-000000000001"]) {
      expect(await issueApiTokenForUser(admin, { userId, name: "Leaver", expiresInDays: 30 })).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        field: "userId",
      });
    }
    expect(await testDb.apiToken.count()).toBe(tokensBefore);
  });

  it("refuses bad input before touching the database", async () => {
    await expect(
      issueApiTokenForUser(admin, { userId: staff.coordinator.id, name: "  ", expiresInDays: 30 }),
    ).rejects.toThrow();
    await expect(
      issueApiTokenForUser(admin, { userId: staff.coordinator.id, name: "x", expiresInDays: 0 }),
    ).rejects.toThrow();
    await expect(issueApiTokenForUser(admin, { userId: "not-a-uuid", name: "x", expiresInDays: 30 })).rejects.toThrow();
  });
});

describe("revokeUserApiToken", () => {
  it("revokes: the API answers 401 from then on; audited; a second revoke changes nothing", async () => {
    const issued = expectOk(
      await issueApiTokenForUser(admin, { userId: staff.supervisor.id, name: "Tablet", expiresInDays: 30 }),
    );
    expect((await me(issued.token)).status).toBe(200);

    const revoked = expectOk(await revokeUserApiToken(admin, { tokenId: issued.id }));
    expect(revoked).toMatchObject({
      id: issued.id,
      name: "Tablet",
      userName: staff.supervisor.name,
      alreadyRevoked: false,
    });
    const response = await me(issued.token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    expect((await auditEventsFor("ApiToken", issued.id)).map((e) => e.action)).toEqual([
      "api-token.create",
      "api-token.revoke",
    ]);

    const again = expectOk(await revokeUserApiToken(admin, { tokenId: issued.id }));
    expect(again).toMatchObject({ alreadyRevoked: true, revokedAt: revoked.revokedAt });
    expect((await auditEventsFor("ApiToken", issued.id)).length).toBe(2);
  });

  it("refuses anyone but an administrator, even the token's own user, and leaves the token working", async () => {
    const issued = expectOk(
      await issueApiTokenForUser(admin, { userId: staff.manager.id, name: "Manager's script", expiresInDays: 30 }),
    );
    for (const actor of [staff.manager, staff.coordinator, nationalLead]) {
      await expect(revokeUserApiToken(actor, { tokenId: issued.id })).rejects.toBeInstanceOf(AccessError);
    }
    expect((await testDb.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).revokedAt).toBeNull();
    expect((await me(issued.token)).status).toBe(200);
  });

  it("an unknown token is NOT_FOUND", async () => {
    await expect(revokeUserApiToken(admin, { tokenId: "7f1c2c3e-0000-4000-8000-000000000002" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

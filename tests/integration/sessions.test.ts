// Browser sign-ins end on the server: a copied session cookie stops working after sign-out,
// "sign out everywhere", deactivation, idling (office roles) and the absolute limit. Uses the
// real next-auth options (jwt callback, encoder, sign-out event) and the real API wrapper.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { decode } from "next-auth/jwt";
import type { JWT } from "next-auth/jwt";
import type { UserRole } from "@/generated/prisma/enums";
import { testDb } from "../support/db";
import { GET as getMe } from "../../app/api/v1/me/route";
import { authOptions } from "@/server/auth/auth-options";
import { endUserSessions } from "@/server/auth/sessions";

const SECRET = process.env.NEXTAUTH_SECRET ?? "";
let regionId: string;

async function makeUser(role: UserRole = "COORDINATOR") {
  const user = await testDb.user.create({
    data: {
      email: `session-${randomUUID()}@example.test`,
      name: "Ada Brown",
      role,
      regionId,
      passwordHash: "not used",
    },
  });
  return user;
}

/** What next-auth does when the sign-in form succeeds: the jwt callback, then the encoder. */
async function signIn(user: { id: string; role: UserRole }): Promise<{ cookie: string; token: JWT; jwe: string }> {
  const jwt = authOptions.callbacks?.jwt;
  const encode = authOptions.jwt?.encode;
  if (!jwt || !encode) throw new Error("authOptions lacks jwt callback or encoder");
  const token = await jwt({
    token: { sub: user.id },
    user: { id: user.id, role: user.role, regionId, regionCode: null } as never,
    account: null,
    trigger: "signIn",
  });
  const jwe = await encode({ token, secret: SECRET, maxAge: authOptions.jwt?.maxAge });
  return { cookie: `next-auth.session-token=${jwe}`, token, jwe };
}

const me = (cookie: string) => getMe(new Request("http://localhost/api/v1/me", { headers: { cookie } }));

async function signOut(token: JWT) {
  await authOptions.events?.signOut?.({ token, session: null as never });
}

beforeAll(async () => {
  const code = `S${randomUUID().slice(0, 6)}`;
  regionId = (await testDb.region.create({ data: { code, name: `Sessions ${code}` } })).id;
});
afterAll(() => testDb.$disconnect());

describe("sessions that really end", () => {
  it("a copied cookie answers 401 on GET /api/v1/me after sign-out", async () => {
    const user = await makeUser();
    const { cookie, token } = await signIn(user);
    expect((await me(cookie)).status).toBe(200);
    await signOut(token);
    expect((await me(cookie)).status).toBe(401);
  });

  it("sign-out ends only this device's sign-in; sign out everywhere ends them all", async () => {
    const user = await makeUser();
    const office = await signIn(user);
    const phone = await signIn(user);
    await signOut(office.token);
    expect((await me(office.cookie)).status).toBe(401);
    expect((await me(phone.cookie)).status).toBe(200);
    const laptop = await signIn(user);
    await testDb.$transaction((tx) => endUserSessions(tx, user.id));
    expect((await me(phone.cookie)).status).toBe(401);
    expect((await me(laptop.cookie)).status).toBe(401);
    // Signing in again afterwards works.
    expect((await me((await signIn(user)).cookie)).status).toBe(200);
  });

  it("a deactivated user's cookie stops working at once", async () => {
    const user = await makeUser();
    const { cookie } = await signIn(user);
    await testDb.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await me(cookie)).status).toBe(401);
  });

  it("the token's own expiry is at most 10 hours from sign-in, however often it is renewed", async () => {
    const user = await makeUser();
    const { token, jwe } = await signIn(user);
    const decoded = await decode({ token: jwe, secret: SECRET });
    const exp = Number(decoded?.exp);
    const signedInAt = Number(token.signedInAt);
    expect(exp - signedInAt).toBeLessThanOrEqual(10 * 3600);
    expect(exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(9 * 3600);
    // A renewal 9 hours in (next-auth re-encodes on each session read) keeps the same end.
    const renewed = await authOptions.jwt!.encode!({
      token: { ...token, signedInAt: signedInAt - 9 * 3600 },
      secret: SECRET,
      maxAge: 10 * 3600,
    });
    const again = await decode({ token: renewed, secret: SECRET });
    expect(Number(again?.exp)).toBeLessThanOrEqual(signedInAt + 3600 + 1);
  });

  it("ends an office role's sign-in after 30 idle minutes, but not a supervisor's", async () => {
    const coordinator = await makeUser("COORDINATOR");
    const supervisor = await makeUser("SUPERVISOR");
    const office = await signIn(coordinator);
    const phone = await signIn(supervisor);
    const longAgo = new Date(Date.now() - 31 * 60_000);
    await testDb.signInSession.updateMany({
      where: { id: { in: [String(office.token.sid), String(phone.token.sid)] } },
      data: { lastSeenAt: longAgo },
    });
    expect((await me(office.cookie)).status).toBe(401);
    expect((await me(phone.cookie)).status).toBe(200);
  });

  it("ends every sign-in 10 hours after it began", async () => {
    const supervisor = await makeUser("SUPERVISOR");
    const phone = await signIn(supervisor);
    await testDb.signInSession.update({
      where: { id: String(phone.token.sid) },
      data: { createdAt: new Date(Date.now() - 10 * 3600_000 - 1000) },
    });
    expect((await me(phone.cookie)).status).toBe(401);
  });

  it("GET /api/auth/session stops renewing an ended sign-in (the jwt callback refuses it)", async () => {
    const user = await makeUser();
    const { token } = await signIn(user);
    const jwt = authOptions.callbacks!.jwt!;
    await expect(jwt({ token, account: null, user: undefined as never })).resolves.toMatchObject({ uid: user.id });
    await signOut(token);
    await expect(jwt({ token, account: null, user: undefined as never })).rejects.toThrow();
  });
});

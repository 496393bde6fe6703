import type { PrismaClient } from "@/generated/prisma/client";
import type { UserRole } from "@/generated/prisma/enums";
import { appUserFrom } from "./access";
import { dummyPasswordCheck, verifyPassword } from "./password";
import { reserveLoginAttempt, settleLoginAttempt, throttleSettings, type ThrottleSettings } from "./login-throttle";

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  regionId: string | null;
  regionCode: string | null;
};

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; code: "INVALID_CREDENTIALS" }
  | { ok: false; code: "TOO_MANY_ATTEMPTS"; retryAfterSeconds: number };

/** Checks an email and password; used by the sign-in form and POST /api/v1/auth/token. */
export async function authenticate(
  db: PrismaClient,
  input: { email: string; password: string; ip?: string },
  throttle: ThrottleSettings = throttleSettings(),
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const reservation = await reserveLoginAttempt(db, { email, ip: input.ip ?? "unknown" }, throttle);
  if (!reservation.ok)
    return { ok: false, code: "TOO_MANY_ATTEMPTS", retryAfterSeconds: reservation.retryAfterSeconds };
  const user = await db.user.findUnique({
    where: { email },
    // No relation here: a second query only for known accounts would be a timing difference.
    select: { id: true, email: true, name: true, role: true, regionId: true, passwordHash: true, active: true },
  });
  // The same bcrypt work for an unknown account as a known one, so timing does not tell them apart.
  const passwordRight = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await dummyPasswordCheck(input.password);
  const valid = user !== null && user.active && passwordRight;
  await settleLoginAttempt(db, reservation.attemptId, valid);
  if (!valid || !user) return { ok: false, code: "INVALID_CREDENTIALS" };
  const region = user.regionId
    ? await db.region.findUnique({ where: { id: user.regionId }, select: { code: true } })
    : null;
  return { ok: true, user: appUserFrom(user, region?.code) };
}

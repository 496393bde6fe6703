import type { PrismaClient } from "@/generated/prisma/client";
import type { UserRole } from "@/generated/prisma/enums";
import { verifyPassword } from "./password";
import { isLoginThrottled, recordLoginAttempt, type ThrottleSettings } from "./login-throttle";

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
  | { ok: false; code: "INVALID_CREDENTIALS" | "TOO_MANY_ATTEMPTS" };

/** Checks an email and password; used by the sign-in form and POST /api/v1/auth/token. */
export async function authenticate(
  db: PrismaClient,
  input: { email: string; password: string; ip?: string },
  throttle: ThrottleSettings,
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  if (await isLoginThrottled(db, email, throttle)) return { ok: false, code: "TOO_MANY_ATTEMPTS" };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, regionId: true, passwordHash: true, active: true, region: { select: { code: true } } },
  });
  const valid = user !== null && user.active && (await verifyPassword(input.password, user.passwordHash));
  await recordLoginAttempt(db, email, valid, input.ip);
  if (!valid || !user) return { ok: false, code: "INVALID_CREDENTIALS" };
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, regionId: user.regionId, regionCode: user.region?.code ?? null },
  };
}

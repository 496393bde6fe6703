import "server-only";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { issueApiToken, SIGN_IN_TOKEN_HOURS } from "./api-tokens";
import { authenticate } from "./authenticate";

export type SignInTokenResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; code: "INVALID_CREDENTIALS"; message: string }
  | { ok: false; code: "TOO_MANY_ATTEMPTS"; message: string; retryAfterSeconds: number };

/** POST /api/v1/auth/token: email and password → a 12-hour token, throttled like the sign-in form (rows in PostgreSQL). */
export async function issueTokenForCredentials(
  input: { email: string; password: string; ip?: string },
  now = new Date(),
): Promise<SignInTokenResult> {
  const { LOGIN_MAX_FAILURES: maxFailures, LOGIN_WINDOW_MINUTES: windowMinutes } = env();
  const result = await authenticate(db, input, { maxFailures, windowMinutes });
  if (!result.ok && result.code === "TOO_MANY_ATTEMPTS") {
    return {
      ok: false,
      code: "TOO_MANY_ATTEMPTS",
      message: `You have entered the wrong password too many times. Wait ${windowMinutes} minutes, then try again.`,
      retryAfterSeconds: windowMinutes * 60,
    };
  }
  if (!result.ok) return { ok: false, code: "INVALID_CREDENTIALS", message: "Enter a correct email address and password." };
  const expiresAt = new Date(now.getTime() + SIGN_IN_TOKEN_HOURS * 3_600_000);
  const issued = await issueApiToken(db, { userId: result.user.id, name: `Signed in through the API at ${now.toISOString()}`, expiresAt });
  return { ok: true, token: issued.token, expiresAt };
}

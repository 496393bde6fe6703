import "server-only";
import { db } from "@/server/db/client";
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
  const result = await authenticate(db, input);
  if (!result.ok && result.code === "TOO_MANY_ATTEMPTS") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return {
      ok: false,
      code: "TOO_MANY_ATTEMPTS",
      message: `There have been too many wrong passwords. Wait ${minutes} minutes, then try again.`,
      retryAfterSeconds: result.retryAfterSeconds,
    };
  }
  if (!result.ok)
    return { ok: false, code: "INVALID_CREDENTIALS", message: "Enter a correct email address and password." };
  const expiresAt = new Date(now.getTime() + SIGN_IN_TOKEN_HOURS * 3_600_000);
  const issued = await issueApiToken(db, {
    userId: result.user.id,
    name: `Signed in through the API at ${now.toISOString()}`,
    expiresAt,
  });
  return { ok: true, token: issued.token, expiresAt };
}

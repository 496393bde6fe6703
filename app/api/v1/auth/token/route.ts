import { ApiError } from "@/server/api/api-error";
import { issueTokenRoute } from "@/server/api/contracts/auth-token";
import { apiRoute } from "@/server/api/handler";
import { issueTokenForCredentials } from "@/server/auth/sign-in-token";

export const dynamic = "force-dynamic";

export const POST = apiRoute(issueTokenRoute, async ({ body, request }) => {
  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || undefined;
  const result = await issueTokenForCredentials({ ...body, ip });
  if (result.ok) return { ok: true, value: { token: result.token, expiresAt: result.expiresAt.toISOString() } };
  if (result.code === "TOO_MANY_ATTEMPTS") {
    throw new ApiError(429, "TOO_MANY_ATTEMPTS", result.message, {}, { "retry-after": String(result.retryAfterSeconds) });
  }
  throw new ApiError(401, "INVALID_CREDENTIALS", result.message);
});

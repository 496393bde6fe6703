import { ApiError } from "@/server/api/api-error";
import { issueTokenRoute } from "@/server/api/contracts/auth-token";
import { apiRoute } from "@/server/api/handler";
import { clientAddress } from "@/server/auth/client-address";
import { issueTokenForCredentials } from "@/server/auth/sign-in-token";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

export const POST = apiRoute(issueTokenRoute, async ({ body, request }) => {
  const ip = clientAddress(request.headers.get("x-forwarded-for"), env().TRUSTED_PROXY_COUNT);
  const result = await issueTokenForCredentials({ ...body, ip });
  if (result.ok) return { ok: true, value: { token: result.token, expiresAt: result.expiresAt.toISOString() } };
  if (result.code === "TOO_MANY_ATTEMPTS") {
    throw new ApiError(
      429,
      "TOO_MANY_ATTEMPTS",
      result.message,
      {},
      { "retry-after": String(result.retryAfterSeconds) },
    );
  }
  throw new ApiError(401, "INVALID_CREDENTIALS", result.message);
});

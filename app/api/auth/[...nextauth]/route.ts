import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";
import { withSafeCallbackUrl } from "@/server/auth/callback-request";

const handler = NextAuth(authOptions) as (
  request: NextRequest,
  context: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;

// An invalid callbackUrl goes home instead of failing (src/server/auth/callback-request.ts).
async function route(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return handler(await withSafeCallbackUrl(request), context);
}

export { route as GET, route as POST };

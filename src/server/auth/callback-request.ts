import "server-only";
import { NextRequest } from "next/server";
import { env } from "@/server/env";
import { safeCallbackPath } from "./callback-url";

// next-auth refuses a malformed callbackUrl (in the query or a sign-in form's body) with a 500
// before any callback of ours runs. Each request to its routes is passed on with the callbackUrl
// replaced by a safe path on this site ("/" when it was not one).

export async function withSafeCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const base = env().NEXTAUTH_URL ?? request.nextUrl.origin;
  const url = new URL(request.url);
  let changed = false;
  const fromQuery = url.searchParams.get("callbackUrl");
  if (fromQuery !== null) {
    url.searchParams.set("callbackUrl", safeCallbackPath(fromQuery, base));
    changed = true;
  }
  let body: string | undefined;
  const isForm =
    request.method === "POST" &&
    (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded");
  if (isForm) {
    const params = new URLSearchParams(await request.text());
    const fromBody = params.get("callbackUrl");
    if (fromBody !== null) params.set("callbackUrl", safeCallbackPath(fromBody, base));
    body = params.toString();
    changed = true;
  }
  if (!changed) return request;
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return new NextRequest(url, { method: request.method, headers, ...(body === undefined ? {} : { body }) });
}

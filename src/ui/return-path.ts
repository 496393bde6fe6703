// Where to go after signing in: back to the page the sign-in interrupted, but only ever a path on
// this site (an open redirect would let a link send someone to a look-alike site after signing in).

/**
 * A same-origin relative path ("/my-sessions/…?x#y") from a callbackUrl, or null. NextAuth's
 * guard gives an absolute URL: accepted only when its host is this site's (`host`).
 */
export function safeReturnPath(raw: unknown, host: string | null): string | null {
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://this.site");
  } catch {
    return null;
  }
  const relative = raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\");
  const sameSite = /^https?:\/\//i.test(raw) && host !== null && url.host === host;
  if (!relative && !sameSite) return null;
  if (relative && url.host !== "this.site") return null;
  if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

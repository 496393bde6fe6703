// Where to send someone after signing in. Only a path on this site is accepted; anything else
// (another site, "//evil.example", a malformed URL, control characters) falls back to home, which
// then sends each role to its own start page. Pure: used by next-auth's redirect callback, the
// proxy and the sign-in page.

const HOME = "/";

/** A same-site path (with its query) for `candidate`, or "/" when it is missing or not safe. */
export function safeCallbackPath(candidate: unknown, baseUrl: string): string {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 2000) return HOME;
  // Control characters and backslashes are how "/\\evil.example" style tricks get past URL parsers.
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return HOME;
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return HOME;
  }
  let target: URL;
  try {
    target = new URL(candidate, base);
  } catch {
    return HOME;
  }
  if (target.origin !== base.origin) return HOME;
  if (target.pathname.startsWith("/sign-in") || target.pathname.startsWith("/api/")) return HOME;
  return `${target.pathname}${target.search}`;
}

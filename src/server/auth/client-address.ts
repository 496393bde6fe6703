// The client's address for throttling. X-Forwarded-For is a list each proxy appends to, so only
// the entries our own proxies added can be trusted: with N trusted proxies the client is the
// N-th entry from the right. Anything further left was sent by the client and may be invented.
// With no proxy configured, Next fills the header from the connection only when the client sent
// none, so the rightmost entry is used (documented: run behind a proxy and set TRUSTED_PROXY_COUNT).

const MAX_ADDRESS_LENGTH = 64;

/** The client address, or "unknown" when there is none to be had. */
export function clientAddress(forwardedFor: string | string[] | null | undefined, trustedProxies: number): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) return "unknown";
  const index = entries.length - Math.max(1, trustedProxies);
  const address = entries[Math.max(0, index)] ?? "unknown";
  return /^[0-9A-Za-z.:_[\]-]+$/.test(address) && address.length <= MAX_ADDRESS_LENGTH ? address : "unknown";
}

import "server-only";
import { createHash } from "node:crypto";

// Idempotency keys (docs/decisions/0007-api-idempotency.md): a retry counts as "the same
// request" when method, path, query and body are the same JSON — whatever the key order or
// whitespace a device happened to send.

/** JSON with object keys sorted at every depth; array order is kept (it is meaningful). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Path plus its query parameters in sorted order, e.g. `/api/v1/x?a=1&b=2`. */
export function canonicalPath(url: URL): string {
  const params = [...url.searchParams.entries()].sort(([a, av], [b, bv]) =>
    a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1,
  );
  const query = new URLSearchParams(params).toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** SHA-256 of method, canonical path and canonical body. */
export function idempotencyRequestHash(input: { method: string; path: string; body: unknown }): string {
  return createHash("sha256")
    .update(`${input.method.toUpperCase()}\n${input.path}\n${canonicalJson(input.body ?? null)}`, "utf8")
    .digest("hex");
}

/** A usable key: 1–200 visible ASCII characters (a UUID is typical). */
export const isValidIdempotencyKey = (key: string): boolean => /^[\x21-\x7e]{1,200}$/.test(key);

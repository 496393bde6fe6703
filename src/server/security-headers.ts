// The per-request security headers the proxy adds (the fixed ones are in next.config.ts).
// Pure, so the policy is unit-tested.

/**
 * Content-Security-Policy: scripts only with this response's nonce (Next puts it on its own
 * scripts, and 'strict-dynamic' lets those load the app's chunks); no inline script otherwise,
 * no plugins, no framing, forms only to this site. The supervisors' service worker is allowed
 * from this site. Styles may be inline (style attributes; they cannot run code).
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, subdomains included: sent only when the public address is https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

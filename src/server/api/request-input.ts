import "server-only";
import { errorReply, type ApiReply } from "./api-error";

// Reading what a caller sent, defensively: a size cap before parsing, plain-English errors for
// broken JSON, and query strings as plain objects for zod.

export const MAX_BODY_BYTES = 100 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; reply: ApiReply };

const tooLarge = (): JsonBody => ({
  ok: false,
  reply: errorReply(
    413,
    "PAYLOAD_TOO_LARGE",
    `The request body is too large. Send at most ${MAX_BODY_BYTES / 1024} kB.`,
    {
      limitBytes: MAX_BODY_BYTES,
    },
  ),
});

const malformed = (message: string): JsonBody => ({ ok: false, reply: errorReply(400, "MALFORMED_JSON", message) });

/** Reads at most MAX_BODY_BYTES (stopping early, whatever Content-Length claims) and parses it as JSON. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<JsonBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return malformed("The request body is not valid UTF-8 text. Send JSON encoded as UTF-8.");
  }
  if (!text.trim()) return malformed("The request body is empty. Send a JSON object.");
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return malformed("The request body is not valid JSON. Check for missing quotes, commas or brackets.");
  }
}

/** Query parameters as an object: one value → string, a repeated name → array of strings. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams.entries()) {
    const existing = result[name];
    result[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/** The media type of a request without parameters, lower-cased ("application/json"). */
export const mediaType = (request: Request): string =>
  (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

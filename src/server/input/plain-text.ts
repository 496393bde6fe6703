import { z } from "zod";

// The one rule for text anyone sends us, whether by form, query string or JSON: no control
// characters (tab, line feed and carriage return are fine) and no lone UTF-16 surrogates. Such
// characters are never typed by a person, PostgreSQL refuses NUL outright (a 500), and broken
// surrogates cannot be stored as UTF-8. Checked once at every boundary (the API wrapper, the
// server-action wrapper, page query schemas), so a new field cannot forget it.

// C0 controls except \t \n \r, DEL, and C1 controls.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE =
  "This text contains a hidden control character or a broken character. Type it again without copying and pasting";

/** True when a person could have typed this text. */
export const isPlainText = (text: string): boolean => !CONTROL_CHARACTER.test(text) && !LONE_SURROGATE.test(text);

/** The string schema for anything a person sends: refuses control characters and lone surrogates. */
export const plainText = z.string().refine(isPlainText, { message: UNSAFE_TEXT_MESSAGE });

/** The path ("notes", "rows.2.name") of the first string (or object key) in `value` that is not plain text, or null. */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return isPlainText(value) ? null : path.join(".") || "(text)";
  if (depth > 20 || value === null || typeof value !== "object") return null;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    if (!isPlainText(key)) return [...path, "(field name)"].join(".");
    const found = findUnsafeText(item, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

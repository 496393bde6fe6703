import type { z } from "zod";
import type { FieldError, FormValues } from "@/ui/form/form-state";

// Reading a submitted form: pure, so it is unit-tested without Next.

const IGNORED = /^\$ACTION|^\$ACTION_|^password$/;

/** FormData as plain values: one string per field, an array where the same name is sent more than once. */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, raw] of form.entries()) {
    if (IGNORED.test(key) || typeof raw !== "string") continue;
    const existing = values[key];
    if (existing === undefined) values[key] = raw;
    else values[key] = Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return values;
}

/** Typed reads of a form's fields; empty text is "not given" (undefined). */
export class FormReader {
  constructor(readonly values: FormValues) {}
  text(name: string): string | undefined {
    const value = this.values[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text === undefined || text.trim() === "" ? undefined : text;
  }
  /** Whole or decimal numbers as numbers; anything else stays as typed, so the schema says what is wrong. */
  number(name: string): number | string | undefined {
    const text = this.text(name)?.trim();
    if (text === undefined) return undefined;
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  /** A ticked checkbox or a "true"/"yes" radio. */
  boolean(name: string): boolean {
    const value = this.text(name);
    return value === "true" || value === "on" || value === "yes";
  }
  /** A yes/no radio that may be unanswered. */
  yesNo(name: string): boolean | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    return value === "true" || value === "yes";
  }
  list(name: string): string[] {
    const value = this.values[name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== "");
  }
}

/** zod issues as form errors, one per field, in the order given; unknown paths go to the first field. */
export function issuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  fieldNames: Record<string, string> = {},
  messages: Record<string, string> = {},
): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    const joined = path.join(".");
    const field = fieldNames[joined] ?? fieldNames[path[0] ?? ""] ?? path[0] ?? "main-content";
    if (errors.some((error) => error.field === field)) continue;
    const generic = issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union";
    const message =
      (generic ? messages[field] : undefined) ??
      (issue.code === "invalid_type" && issue.input === undefined ? "Enter or choose an answer" : issue.message);
    errors.push({ field, message });
  }
  return errors;
}

// The one form pattern (house style): every server action behind a form takes the previous
// FormState and the FormData, and returns the next FormState. Plain data only, so it crosses
// from server to client. Field names double as input ids, so the error summary links to them.

export type FieldError = { field: string; message: string };
export type FormValues = Record<string, string | string[]>;

export type FormState = {
  status: "idle" | "error" | "success";
  /** What the user sent, echoed back so nothing typed is lost after an error. */
  values: FormValues;
  /** One entry per field with a problem, in the order of the form. */
  errors: FieldError[];
  /** A problem that belongs to no one field (e.g. "someone else changed this record"). */
  message?: string;
  /** Success message shown in place (for forms that stay on the page). */
  notice?: string;
  /** Changes on every submission, so forms can remount with the values sent (React resets forms after an action). */
  submission: number;
  /** Any plain data a form needs after success (e.g. the token shown once). */
  data?: Record<string, string | number | boolean | null>;
};

export const initialFormState: FormState = { status: "idle", values: {}, errors: [], submission: 0 };

/** The error message for a field, if it has one. */
export function errorFor(state: FormState, field: string): string | undefined {
  return state.errors.find((error) => error.field === field)?.message;
}

/** The value to show in a text-like field: what was sent, else the record's current value. */
export function valueFor(state: FormState, field: string, fallback?: string | number | null): string {
  const sent = state.values[field];
  if (typeof sent === "string") return sent;
  if (Array.isArray(sent)) return sent[0] ?? "";
  return fallback === null || fallback === undefined ? "" : String(fallback);
}

/** The values to tick in a checkbox group: what was sent, else the record's current values. */
export function valuesFor(state: FormState, field: string, fallback: readonly string[] = []): string[] {
  if (state.status === "idle") return [...fallback];
  const sent = state.values[field];
  if (Array.isArray(sent)) return sent;
  return typeof sent === "string" ? [sent] : [];
}

/** Whether a single checkbox is ticked: what was sent, else the record's current value. */
export function checkedFor(state: FormState, field: string, fallback = false): boolean {
  if (state.status === "idle") return fallback;
  const sent = state.values[field];
  return sent === "true" || sent === "on" || (Array.isArray(sent) && sent.length > 0);
}

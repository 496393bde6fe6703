import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Permission } from "@/server/auth/permissions";
import { AccessError, type AppUser } from "@/server/auth/access";
import { requireUser } from "@/server/auth/current-user";
import { logUnexpectedError } from "@/server/log";
import type { CommandResult } from "@/server/services/result";
import type { FieldError, FormState } from "@/ui/form/form-state";
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from "@/server/input/plain-text";
import { FormReader, formValues, issuesToFieldErrors } from "./form-input";

export { FormReader } from "./form-input";
import { FLASH_COOKIE } from "@/ui/flash-cookie";

// The one server-action wrapper (house style: parse → authorise → one service → form state).
// A form's action is `formAction({...})`; the "use server" file beside the page exports an async
// function that calls it. Rules are not here: the service decides, this only translates.

export type FormSuccess = {
  /** Where to go next (GOV.UK: a confirmation page or the record). Omit to stay on the page. */
  redirectTo?: string;
  /** Shown once on the next page (or in place when not redirecting). */
  notice?: string;
  /** Paths whose server-rendered data changed. */
  revalidate?: string[];
  /** Plain data for the form after success (e.g. a token shown once). */
  data?: FormState["data"];
};

export type FormActionSpec<S extends z.ZodType, T> = {
  /**
   * The access table's row for this command (src/server/auth/permissions.ts): who may submit,
   * checked before anything else; the service checks it again with region and record access.
   */
  permission: Permission;
  /** Builds the service's raw input from the form: text stays text, numbers become numbers, etc. */
  fromForm: (form: FormReader) => unknown;
  /** The service's input schema (the same zod schema the API uses). */
  schema: S;
  /** Form field names for input paths whose names differ (e.g. `{ "riskCodes.0": "riskCodes" }` is automatic). */
  fieldNames?: Record<string, string>;
  /**
   * Plain-English messages for a field that is missing or of the wrong kind (the shared API
   * schemas' own words are for programmers), e.g. `{ hoursOrdered: "Enter the hours ordered as a whole number" }`.
   */
  messages?: Record<string, string>;
  run: (user: AppUser, input: z.output<S>) => Promise<CommandResult<T>>;
  onSuccess: (value: T, input: z.output<S>) => FormSuccess;
};

/** Sets the one-time message the next page shows (read and cleared by the FlashBanner). */
export async function setFlash(message: string): Promise<void> {
  const store = await cookies();
  // Next encodes the value itself; the banner decodes it.
  store.set(FLASH_COOKIE, message, { path: "/", maxAge: 60, sameSite: "lax", httpOnly: false });
}

export function formAction<S extends z.ZodType, T>(spec: FormActionSpec<S, T>) {
  return async function run(previous: FormState, form: FormData): Promise<FormState> {
    const values = formValues(form);
    const submission = previous.submission + 1;
    const refuse = (errors: FieldError[], message?: string): FormState => ({
      status: "error",
      values,
      errors,
      submission,
      ...(message ? { message } : {}),
    });

    let success: FormSuccess;
    try {
      const user = await requireUser(spec.permission);
      const unsafe = findUnsafeText(values);
      if (unsafe !== null) {
        const field = spec.fieldNames?.[unsafe] ?? unsafe.split(".")[0] ?? unsafe;
        return refuse([{ field, message: UNSAFE_TEXT_MESSAGE }]);
      }
      const parsed = spec.schema.safeParse(spec.fromForm(new FormReader(values)));
      if (!parsed.success) return refuse(issuesToFieldErrors(parsed.error.issues, spec.fieldNames, spec.messages));
      const result = await spec.run(user, parsed.data);
      if (!result.ok) {
        if (result.problems && result.problems.length > 1) {
          return refuse(
            result.problems.map((p) => ({ field: spec.fieldNames?.[p.field] ?? p.field, message: p.message })),
          );
        }
        const field = result.field ? (spec.fieldNames?.[result.field] ?? result.field) : undefined;
        return field ? refuse([{ field, message: result.message }]) : refuse([], result.message);
      }
      success = spec.onSuccess(result.value, parsed.data);
      // Rule warnings (e.g. more than 300 hours outstanding) reach the user with the confirmation.
      if (result.warnings?.length) {
        success = {
          ...success,
          notice: [success.notice, ...result.warnings.map((w) => `Warning: ${w.message}`)].filter(Boolean).join(" "),
        };
      }
    } catch (error) {
      if (error instanceof AccessError) {
        if (error.code === "UNAUTHENTICATED") redirect("/sign-in");
        return refuse(
          [],
          error.code === "NOT_FOUND"
            ? "This record could not be found. It may have been removed, or it belongs to another region."
            : error.message || "You do not have permission to do this.",
        );
      }
      const reference = randomUUID().slice(0, 8);
      logUnexpectedError(reference, error, { kind: "server action", permission: spec.permission });
      return refuse(
        [],
        `Sorry, there is a problem with the service. Nothing was saved. Try again later (reference ${reference}).`,
      );
    }

    for (const path of success.revalidate ?? []) revalidatePath(path);
    if (success.redirectTo) {
      if (success.notice) await setFlash(success.notice);
      redirect(success.redirectTo);
    }
    return {
      status: "success",
      values: {},
      errors: [],
      submission,
      ...(success.notice ? { notice: success.notice } : {}),
      ...(success.data ? { data: success.data } : {}),
    };
  };
}

"use server";

import { randomUUID } from "node:crypto";
import { logUnexpectedError } from "@/server/log";
import { setPasswordWithLink } from "@/server/services/users/set-password-with-link";
import { setPasswordWithLinkInput } from "@/server/services/users/users.types";
import type { FormState } from "@/ui/form/form-state";

// The one form anyone may submit without signing in: the one-time link itself is the authority
// (decision 0073), checked by the service. It is not a formAction because there is no user yet;
// it keeps the same shape (parse → one service → form state). Passwords are never sent back.
export async function setPasswordAction(previous: FormState, form: FormData): Promise<FormState> {
  const submission = previous.submission + 1;
  const refuse = (errors: FormState["errors"], message?: string): FormState => ({
    status: "error",
    values: {},
    errors,
    submission,
    ...(message ? { message } : {}),
  });
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const parsed = setPasswordWithLinkInput.safeParse({
    token: text("token"),
    password: text("password"),
    confirmPassword: text("confirmPassword"),
  });
  if (!parsed.success)
    return refuse([], "This link has expired or has already been used. Ask an administrator for a new one.");
  try {
    const result = await setPasswordWithLink(parsed.data);
    if (!result.ok)
      return result.field ? refuse([{ field: result.field, message: result.message }]) : refuse([], result.message);
    return { status: "success", values: {}, errors: [], submission, notice: "Your password has been set." };
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    logUnexpectedError(reference, error, { kind: "server action", permission: "public: password link" });
    return refuse(
      [],
      `Sorry, there is a problem with the service. Nothing was saved. Try again later (reference ${reference}).`,
    );
  }
}

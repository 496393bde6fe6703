"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormProblems, SubmitButton, TextField, errorFor, initialFormState } from "@/ui/form";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const [state, action] = useActionState(setPasswordAction, initialFormState);
  if (state.status === "success") {
    return (
      <>
        <div role="status" className="mb-8 bg-success p-6 text-white">
          <p className="m-0 text-2xl font-bold">{state.notice}</p>
        </div>
        <p>This link no longer works. You have been signed out on every device.</p>
        <p>
          <Link href="/sign-in" className="button">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        type="password"
        label="New password"
        hint={`At least ${minLength} characters. A few random words are easy to remember and hard to guess.`}
        autoComplete="new-password"
        error={errorFor(state, "password")}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label="Type the new password again"
        autoComplete="new-password"
        error={errorFor(state, "confirmPassword")}
      />
      <SubmitButton pendingText="Setting your password…">Set password</SubmitButton>
    </form>
  );
}

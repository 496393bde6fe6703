"use client";

import { ErrorSummary } from "@/ui/error-summary";
import type { FormState } from "./form-state";
import { SuccessBanner } from "../success-banner";

/**
 * The top of every form: the GOV.UK error summary (field errors and any general problem), or a
 * success notice for forms that stay on the page.
 */
export function FormProblems({ state }: { state: FormState }) {
  const errors = state.message
    ? [{ field: state.errors[0]?.field ?? "main-content", message: state.message }, ...state.errors]
    : state.errors;
  return (
    <>
      <ErrorSummary errors={state.status === "error" ? dedupe(errors) : []} />
      {state.status === "success" && state.notice && <SuccessBanner>{state.notice}</SuccessBanner>}
    </>
  );
}

function dedupe(errors: { field: string; message: string }[]) {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.field}|${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

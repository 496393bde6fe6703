"use client";

import { useActionState } from "react";
import { FormProblems, SubmitButton, TextArea, errorFor, initialFormState, valueFor } from "@/ui/form";
import { withdrawEnforcementAction } from "./actions";

export function WithdrawForm({ actionId, version }: { actionId: string; version: number }) {
  const [state, action] = useActionState(withdrawEnforcementAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="version" value={version} />
      <TextArea
        name="reason"
        label="Why is it being withdrawn?"
        hint="For example: given in error, the wrong person, or the person later gave an acceptable reason. This is kept on the record."
        error={errorFor(state, "reason")}
        defaultValue={valueFor(state, "reason")}
        rows={4}
      />
      <SubmitButton pendingText="Withdrawing…" variant="warning">
        Withdraw it
      </SubmitButton>
    </form>
  );
}

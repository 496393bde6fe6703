"use client";

import { useActionState } from "react";
import { FormProblems, SubmitButton, TextArea, errorFor, initialFormState, valueFor } from "@/ui/form";
import { requestOverrideAction } from "./actions";

/** R10: ask a regional manager to book despite a risk or capacity refusal. */
export function OverrideRequestForm({ caseId, sessionId }: { caseId: string; sessionId: string }) {
  const [state, action] = useActionState(requestOverrideAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <TextArea
        name="reason"
        label="Why should this booking be made anyway?"
        hint="A regional manager reads this and decides. If they approve, the booking is made and every other check is run again."
        error={errorFor(state, "reason")}
        defaultValue={valueFor(state, "reason")}
        rows={4}
      />
      <SubmitButton pendingText="Sending…" variant="secondary">
        Ask a manager to override
      </SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { FormProblems, RadioGroup, SubmitButton, TextArea, errorFor, initialFormState, valueFor } from "@/ui/form";
import { decideEarnedReductionAction } from "./actions";

export function EarnedReductionForm({ caseId, current }: { caseId: string; current: string }) {
  const [state, action] = useActionState(decideEarnedReductionAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <RadioGroup
        name="decision"
        legend="Your view as the responsible officer"
        hint="Think about the time from the order until the qualifying amount was first worked."
        error={errorFor(state, "decision")}
        defaultValue={valueFor(state, "decision")}
        choices={[
          {
            value: "CONFIRM",
            label: `Confirm: they never failed without reasonable excuse to attend, and were never sent home for not working (${current} off so far)`,
          },
          { value: "REFUSE", label: "Refuse: in my view they did, so the hours stay as ordered" },
        ]}
      />
      <TextArea
        name="note"
        label="Note (optional)"
        hint="Why you decided this, for the record"
        error={errorFor(state, "note")}
        defaultValue={valueFor(state, "note")}
        rows={3}
      />
      <SubmitButton pendingText="Recording…">Record decision</SubmitButton>
    </form>
  );
}

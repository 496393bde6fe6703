"use client";

import { useActionState } from "react";
import { FormProblems, RadioGroup, SubmitButton, errorFor, initialFormState, valueFor } from "@/ui/form";
import { setAutoEnforcementAction } from "./actions";

export function AutoEnforcementForm({ on, version }: { on: boolean; version: number }) {
  const [state, action] = useActionState(setAutoEnforcementAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="version" value={version} />
      <RadioGroup
        name="on"
        legend="Auto-enforcement in your region"
        error={errorFor(state, "on")}
        defaultValue={valueFor(state, "on", on ? "true" : "false")}
        choices={[
          {
            value: "true",
            label: "On",
            hint: "A warning (or breach referral) is created as soon as a failure to comply is recorded.",
          },
          {
            value: "false",
            label: "Off",
            hint: "Staff record each warning or breach themselves; the work queue shows what is due.",
          },
        ]}
      />
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
    </form>
  );
}

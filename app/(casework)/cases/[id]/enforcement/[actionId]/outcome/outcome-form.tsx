"use client";

import { useActionState } from "react";
import { DateField, FormProblems, RadioGroup, SubmitButton, TextField, errorFor, initialFormState, valueFor } from "@/ui/form";
import { recordBreachOutcomeAction } from "./actions";

const OUTCOME_CHOICES = [
  { value: "CONTINUE", label: "The order continues", hint: "Closes the breach" },
  { value: "HOURS_ADDED", label: "Hours added", hint: "Closes the breach. Enter the new total hours below (at most 300)." },
  { value: "REVOKED", label: "The order is revoked", hint: "Closes the breach and ends the requirement" },
  { value: "WARRANT_ISSUED", label: "A warrant was issued", hint: "The breach stays open and the case is under warrant" },
  { value: "WARRANT_EXECUTED", label: "The warrant was executed", hint: "The person has been brought before the court; the breach stays open for its decision" },
];

export function OutcomeForm({ actionId, version, today }: { actionId: string; version: number; today: string }) {
  const [state, action] = useActionState(recordBreachOutcomeAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="version" value={version} />
      <RadioGroup name="outcome" legend="What did the court decide?" error={errorFor(state, "outcome")} defaultValue={valueFor(state, "outcome")} choices={OUTCOME_CHOICES} />
      <TextField
        name="newHoursOrdered"
        label="New total hours ordered (only if hours were added)"
        hint="The whole order's hours after the court's decision, at most 300"
        inputMode="numeric"
        width="3"
        error={errorFor(state, "newHoursOrdered")}
        defaultValue={valueFor(state, "newHoursOrdered")}
      />
      <DateField name="date" label="Date of the decision" error={errorFor(state, "date")} defaultValue={valueFor(state, "date", today)} />
      <SubmitButton pendingText="Recording…">Record outcome</SubmitButton>
    </form>
  );
}

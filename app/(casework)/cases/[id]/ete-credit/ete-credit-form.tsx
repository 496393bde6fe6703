"use client";

import { useActionState } from "react";
import {
  DateField,
  FormProblems,
  SubmitButton,
  TextArea,
  TextField,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { creditEteAction } from "./actions";

export function EteCreditForm({ caseId, today }: { caseId: string; today: string }) {
  const [state, action] = useActionState(creditEteAction, initialFormState);
  const field = (name: string, fallback?: string) => ({
    name,
    error: errorFor(state, name),
    defaultValue: valueFor(state, name, fallback),
  });
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <DateField {...field("date", today)} label="Date of the activity" hint="Between the sentence date and today" />
      <TextField
        {...field("minutes")}
        label="Time to credit, in minutes"
        hint="Whole minutes, for example 90 for 1 hour 30 minutes"
        inputMode="numeric"
        width="5"
      />
      <TextField {...field("activity")} label="Activity" hint="For example, Level 1 food hygiene course" />
      <TextField
        {...field("provider")}
        label="Provider (optional)"
        hint="The college, employer or training organisation"
      />
      <TextArea
        {...field("evidence")}
        label="Evidence seen (optional)"
        hint="For example, attendance certificate, tutor's email"
        rows={3}
      />
      <SubmitButton pendingText="Crediting…">Credit ETE time</SubmitButton>
    </form>
  );
}

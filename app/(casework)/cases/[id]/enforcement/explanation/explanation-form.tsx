"use client";

import { useActionState } from "react";
import {
  DateField,
  FormProblems,
  RadioGroup,
  SubmitButton,
  TextArea,
  errorFor,
  initialFormState,
  valueFor,
  type Choice,
} from "@/ui/form";
import { requestExplanationAction } from "./actions";

export function ExplanationForm({
  failures,
  chosen,
  today,
}: {
  failures: Choice[];
  chosen?: string | undefined;
  today: string;
}) {
  const [state, action] = useActionState(requestExplanationAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <RadioGroup
        name="attendanceId"
        legend="Which failure to comply?"
        error={errorFor(state, "attendanceId")}
        defaultValue={valueFor(state, "attendanceId", chosen ?? failures[0]?.value)}
        choices={failures}
      />
      <DateField
        name="requestedOn"
        label="Date you asked"
        error={errorFor(state, "requestedOn")}
        defaultValue={valueFor(state, "requestedOn", today)}
      />
      <DateField
        name="respondBy"
        label="Date they must reply by"
        error={errorFor(state, "respondBy")}
        defaultValue={valueFor(state, "respondBy")}
      />
      <TextArea
        name="note"
        label="How you asked (optional)"
        hint="For example: by phone, or letter sent"
        error={errorFor(state, "note")}
        defaultValue={valueFor(state, "note")}
        rows={3}
      />
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
    </form>
  );
}

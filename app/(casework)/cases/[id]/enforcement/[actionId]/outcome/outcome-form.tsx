"use client";

import { useActionState } from "react";
import {
  DateField,
  FormProblems,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextField,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { recordBreachOutcomeAction } from "./actions";

const OUTCOME_CHOICES = [
  { value: "CONTINUE", label: "The order continues", hint: "Closes the breach" },
  {
    value: "HOURS_ADDED",
    label: "Hours added",
    hint: "Closes the breach. Enter the new total hours below (at most 300).",
  },
  { value: "FINE", label: "A fine, and the order continues", hint: "Closes the breach" },
  { value: "ORDER_AMENDED", label: "The order is amended (other than by adding hours)", hint: "Closes the breach" },
  { value: "NOT_PROVEN", label: "The breach was not proven", hint: "Closes the breach" },
  { value: "WITHDRAWN_BY_COURT", label: "The breach was withdrawn at court", hint: "Closes the breach" },
  { value: "REVOKED", label: "The order is revoked", hint: "Closes the breach and ends the requirement" },
  {
    value: "REVOKED_AND_RESENTENCED",
    label: "The order is revoked and the person re-sentenced",
    hint: "Closes the breach and ends the requirement. Choose the new sentence's case below if it is already recorded.",
  },
  {
    value: "WARRANT_ISSUED",
    label: "A warrant was issued",
    hint: "The breach stays open and the case is under warrant",
  },
  {
    value: "WARRANT_EXECUTED",
    label: "The warrant was executed",
    hint: "The person has been brought before the court; the breach stays open for its decision",
  },
];

const SSO_CHOICE = {
  value: "SSO_ACTIVATED",
  label: "The suspended sentence is activated",
  hint: "Closes the breach and ends the requirement: the person goes to custody",
};

export function OutcomeForm({
  actionId,
  version,
  today,
  suspendedSentence,
  otherCases,
}: {
  actionId: string;
  version: number;
  today: string;
  suspendedSentence: boolean;
  otherCases: { value: string; label: string }[];
}) {
  const [state, action] = useActionState(recordBreachOutcomeAction, initialFormState);
  const choices = suspendedSentence ? [...OUTCOME_CHOICES, SSO_CHOICE] : OUTCOME_CHOICES;
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="version" value={version} />
      <RadioGroup
        name="outcome"
        legend="What did the court decide?"
        error={errorFor(state, "outcome")}
        defaultValue={valueFor(state, "outcome")}
        choices={choices}
      />
      <TextField
        name="newHoursOrdered"
        label="New total hours ordered (only if hours were added)"
        hint="The whole order's hours after the court's decision, at most 300"
        inputMode="numeric"
        width="3"
        error={errorFor(state, "newHoursOrdered")}
        defaultValue={valueFor(state, "newHoursOrdered")}
      />
      {otherCases.length > 0 && (
        <SelectField
          name="newCaseId"
          label="The new sentence's case (only if re-sentenced)"
          error={errorFor(state, "newCaseId")}
          defaultValue={valueFor(state, "newCaseId")}
          placeholder="Not recorded yet"
          options={otherCases}
        />
      )}
      <DateField
        name="date"
        label="Date of the decision"
        error={errorFor(state, "date")}
        defaultValue={valueFor(state, "date", today)}
      />
      <SubmitButton pendingText="Recording…">Record outcome</SubmitButton>
    </form>
  );
}

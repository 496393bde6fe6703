"use client";

import { useActionState } from "react";
import { REVIEW_OUTCOMES, REVIEW_OUTCOME_LABEL, REVIEW_TYPES, REVIEW_TYPE_LABEL } from "@/domain/reviews";
import {
  DateField,
  FormProblems,
  RadioGroup,
  SubmitButton,
  TextArea,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { recordReviewAction } from "./actions";

const typeChoices = REVIEW_TYPES.map((type) => ({ value: type, label: REVIEW_TYPE_LABEL[type] }));
const outcomeChoices = REVIEW_OUTCOMES.map((outcome) => ({ value: outcome, label: REVIEW_OUTCOME_LABEL[outcome] }));

export function ReviewForm({ caseId, suggestedType }: { caseId: string; suggestedType?: string }) {
  const [state, action] = useActionState(recordReviewAction, initialFormState);
  const field = (name: string, fallback?: string) => ({
    name,
    error: errorFor(state, name),
    defaultValue: valueFor(state, name, fallback),
  });
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <RadioGroup
        name="type"
        legend="Type of review"
        choices={typeChoices}
        error={errorFor(state, "type")}
        defaultValue={valueFor(state, "type", suggestedType)}
      />
      <DateField {...field("date")} label="Date of the review" hint="The day it took place, for example 2026-09-14" />
      <RadioGroup
        name="outcome"
        legend="Outcome"
        choices={outcomeChoices}
        error={errorFor(state, "outcome")}
        defaultValue={valueFor(state, "outcome")}
      />
      <DateField
        {...field("extensionAppliedOn")}
        label="Extension applied for on (optional)"
        hint="Only when the outcome is that an extension is to be sought and the application has gone to the court"
      />
      <TextArea {...field("note")} label="Note (optional)" rows={3} maxLength={4000} />
      <SubmitButton pendingText="Recording…">Record review</SubmitButton>
    </form>
  );
}

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
import { correctEteCreditAction, removeEteCreditAction } from "./actions";

export type EteCreditRecord = {
  id: string;
  date: string;
  minutes: number;
  activity: string;
  provider: string | null;
  evidence: string | null;
  version: number;
};

export function CorrectEteCreditForm({ caseId, credit }: { caseId: string; credit: EteCreditRecord }) {
  const [state, action] = useActionState(correctEteCreditAction, initialFormState);
  const field = (name: string, fallback?: string) => ({
    name,
    error: errorFor(state, name),
    defaultValue: valueFor(state, name, fallback),
  });
  return (
    <form action={action} noValidate key={state.submission} aria-labelledby="correct-heading">
      <h2 id="correct-heading">Correct the credit</h2>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="creditId" value={credit.id} />
      <input type="hidden" name="version" value={credit.version} />
      <DateField
        {...field("date", credit.date)}
        label="Date of the activity"
        hint="Between the sentence date and today"
      />
      <TextField
        {...field("minutes", String(credit.minutes))}
        label="Time to credit, in minutes"
        hint="Whole minutes, for example 90 for 1 hour 30 minutes"
        inputMode="numeric"
        width="5"
      />
      <TextField {...field("activity", credit.activity)} label="Activity" />
      <TextField {...field("provider", credit.provider ?? "")} label="Provider (optional)" />
      <TextArea {...field("evidence", credit.evidence ?? "")} label="Evidence seen (optional)" rows={3} />
      <TextArea
        {...field("reason")}
        label="Reason for the correction"
        hint="For example, the certificate shows 3 hours, not 2"
        rows={3}
      />
      <SubmitButton pendingText="Saving…">Save the correction</SubmitButton>
    </form>
  );
}

export function RemoveEteCreditForm({ caseId, credit }: { caseId: string; credit: EteCreditRecord }) {
  const [state, action] = useActionState(removeEteCreditAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission} aria-labelledby="remove-heading">
      <h2 id="remove-heading">Remove the credit</h2>
      <p>
        Remove it if the activity did not happen or was credited to the wrong person. The removed credit stays in the
        audit trail.
      </p>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="creditId" value={credit.id} />
      <input type="hidden" name="version" value={credit.version} />
      <TextArea
        name="removalReason"
        label="Reason for removing it"
        rows={3}
        error={errorFor(state, "removalReason")}
        defaultValue={valueFor(state, "removalReason")}
      />
      <SubmitButton pendingText="Removing…" variant="warning">
        Remove the credit
      </SubmitButton>
    </form>
  );
}

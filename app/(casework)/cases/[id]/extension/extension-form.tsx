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
import { recordExtensionAction } from "./actions";

export function ExtensionForm({ caseId, court }: { caseId: string; court: string }) {
  const [state, action] = useActionState(recordExtensionAction, initialFormState);
  const field = (name: string, fallback?: string) => ({
    name,
    error: errorFor(state, name),
    defaultValue: valueFor(state, name, fallback),
  });
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <DateField {...field("grantedOn")} label="Date the court granted the extension" />
      <DateField
        {...field("newEndDate")}
        label="New end date"
        hint="The date the work must now be finished by. It must be after the current end date."
      />
      <TextField {...field("court", court)} label="Court" />
      <TextArea {...field("reason")} label="Reason the court gave" rows={3} />
      <SubmitButton pendingText="Recording…">Record extension</SubmitButton>
    </form>
  );
}

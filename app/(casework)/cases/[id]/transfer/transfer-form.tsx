"use client";

import { useActionState } from "react";
import { FormProblems, SelectField, SubmitButton, TextArea, errorFor, initialFormState, valueFor } from "@/ui/form";
import { requestTransferAction } from "./actions";

export function TransferForm({ caseId, regions }: { caseId: string; regions: { code: string; name: string }[] }) {
  const [state, action] = useActionState(requestTransferAction, initialFormState);
  const field = (name: string) => ({ name, error: errorFor(state, name), defaultValue: valueFor(state, name) });
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField
        {...field("toRegion")}
        label="Region to transfer to"
        options={regions.map((r) => ({ value: r.code, label: r.name }))}
        placeholder="Choose a region"
      />
      <TextArea
        {...field("reason")}
        label="Reason"
        hint="For example, the person has moved to Cardiff"
        rows={3}
        maxLength={2000}
      />
      <SubmitButton pendingText="Asking…">Ask for the transfer</SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { FormProblems, RadioGroup, SubmitButton, TextArea, errorFor, initialFormState, valueFor } from "@/ui/form";
import { decideApprovalAction, decideApprovalFromCaseAction } from "./actions";

/** R8: a manager approves or rejects one request (four eyes: the service refuses whoever recorded it). */
export function DecisionForm({
  approvalId,
  version,
  label,
  from,
}: {
  approvalId: string;
  version: number;
  label: string;
  from: "list" | "case";
}) {
  const [state, action] = useActionState(
    from === "case" ? decideApprovalFromCaseAction : decideApprovalAction,
    initialFormState,
  );
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="approvalId" value={approvalId} />
      <input type="hidden" name="version" value={version} />
      <RadioGroup
        name="decision"
        legend={`Your decision on ${label}`}
        error={errorFor(state, "decision")}
        defaultValue={valueFor(state, "decision")}
        choices={[
          { value: "APPROVE", label: "Approve" },
          { value: "REJECT", label: "Reject" },
        ]}
      />
      <TextArea
        name="note"
        label="Note (optional)"
        error={errorFor(state, "note")}
        defaultValue={valueFor(state, "note")}
        rows={2}
      />
      <SubmitButton pendingText="Saving…">Save decision</SubmitButton>
    </form>
  );
}

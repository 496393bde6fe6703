"use client";

import { useActionState } from "react";
import { FormProblems, SubmitButton, TextArea, errorFor, initialFormState, valueFor } from "@/ui/form";
import { acceptTransferAction, declineTransferAction } from "./actions";

export function TransferDecisionForms({ transferId, who }: { transferId: string; who: string }) {
  const [accepted, accept] = useActionState(acceptTransferAction, initialFormState);
  const [declined, decline] = useActionState(declineTransferAction, initialFormState);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={accept} noValidate key={`a-${accepted.submission}`}>
        <FormProblems state={accepted} />
        <input type="hidden" name="transferId" value={transferId} />
        <TextArea
          name="note"
          label={`Note on accepting ${who} (optional)`}
          rows={2}
          maxLength={2000}
          error={errorFor(accepted, "note")}
          defaultValue={valueFor(accepted, "note")}
        />
        <SubmitButton pendingText="Accepting…">Accept transfer of {who}</SubmitButton>
      </form>
      <form action={decline} noValidate key={`d-${declined.submission}`}>
        <FormProblems state={declined} />
        <input type="hidden" name="transferId" value={transferId} />
        <TextArea
          name="reason"
          label={`Reason for declining ${who}`}
          rows={2}
          maxLength={2000}
          error={errorFor(declined, "reason")}
          defaultValue={valueFor(declined, "reason")}
        />
        <SubmitButton pendingText="Declining…" variant="secondary">
          Decline transfer of {who}
        </SubmitButton>
      </form>
    </div>
  );
}

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
} from "@/ui/form";
import { TERMINATION_REASON_LABEL } from "@/ui/labels";
import { terminateRequirementAction } from "./actions";

const REASON_HINT: Record<string, string> = {
  REVOKED: "The court revoked the order or the requirement",
  EXPIRED_INCOMPLETE: "The period for the work ran out with hours still outstanding",
  OTHER: "Explain in the note",
};

export function TerminateForm({ caseId, today }: { caseId: string; today: string }) {
  const [state, action] = useActionState(terminateRequirementAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <RadioGroup
        name="reason"
        legend="Why is the requirement ending?"
        error={errorFor(state, "reason")}
        defaultValue={valueFor(state, "reason")}
        choices={Object.entries(TERMINATION_REASON_LABEL).map(([value, label]) => ({
          value,
          label: label.charAt(0).toUpperCase() + label.slice(1),
          hint: REASON_HINT[value],
        }))}
      />
      <DateField
        name="date"
        label="Date the requirement ended"
        hint="Bookings after this date that have no attendance are cancelled"
        error={errorFor(state, "date")}
        defaultValue={valueFor(state, "date", today)}
      />
      <TextArea
        name="note"
        label="Note (optional)"
        error={errorFor(state, "note")}
        defaultValue={valueFor(state, "note")}
        rows={3}
      />
      <SubmitButton variant="warning" pendingText="Terminating…">
        Terminate the requirement
      </SubmitButton>
    </form>
  );
}

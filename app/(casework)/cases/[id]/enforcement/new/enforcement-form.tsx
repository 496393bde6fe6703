"use client";

import { useActionState } from "react";
import { DateField, FormProblems, RadioGroup, SubmitButton, TextArea, errorFor, initialFormState, valueFor, type Choice } from "@/ui/form";
import { startEnforcementAction } from "./actions";

export function EnforcementForm({ caseId, today, failures }: { caseId: string; today: string; failures: Choice[] }) {
  const [state, action] = useActionState(startEnforcementAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <RadioGroup
        name="type"
        legend="What are you recording?"
        error={errorFor(state, "type")}
        defaultValue={valueFor(state, "type")}
        choices={[
          {
            value: "WARNING",
            label: "A formal warning",
            hint: "Only if no warning has been given on this order in the last 12 months. You can print the letter afterwards.",
          },
          { value: "BREACH", label: "A breach (back to court)", hint: "Start breach proceedings. The court's outcome is recorded later by a manager." },
        ]}
      />
      <DateField name="date" label="Date of the warning or breach" error={errorFor(state, "date")} defaultValue={valueFor(state, "date", today)} />
      {failures.length > 0 && (
        <RadioGroup
          name="failureAttendanceId"
          legend="Which failure to comply does this answer?"
          hint="Failures recorded on this case that have no warning or breach yet"
          error={errorFor(state, "failureAttendanceId")}
          defaultValue={valueFor(state, "failureAttendanceId", failures[0]?.value)}
          choices={[...failures, { value: "", label: "Not listed here" }]}
        />
      )}
      <TextArea
        name="note"
        label="What happened (optional)"
        hint="Describe the failure in plain words. For a warning without a session chosen above, this is what the letter says."
        error={errorFor(state, "note")}
        defaultValue={valueFor(state, "note")}
        rows={3}
      />
      <SubmitButton pendingText="Recording…">Record</SubmitButton>
    </form>
  );
}

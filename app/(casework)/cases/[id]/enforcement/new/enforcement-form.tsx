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
import { startEnforcementAction } from "./actions";

// R9: every warning or breach answers a failure — one recorded on the case, or one described
// here with its date (FAILURE_REQUIRED otherwise).
export function EnforcementForm({
  caseId,
  today,
  failures,
  chosenFailure,
}: {
  caseId: string;
  today: string;
  failures: Choice[];
  chosenFailure?: string | undefined;
}) {
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
          {
            value: "BREACH",
            label: "A breach (back to court)",
            hint: "Start breach proceedings. The court's outcome is recorded later by a manager.",
          },
        ]}
      />
      <DateField
        name="date"
        label="Date of the warning or breach"
        error={errorFor(state, "date")}
        defaultValue={valueFor(state, "date", today)}
      />
      {failures.length > 0 ? (
        <RadioGroup
          name="attendanceId"
          legend="Which failure to comply does this answer?"
          hint="Failures recorded on this case that have no warning or breach yet. If the failure is not listed, choose 'Not listed here' and describe it below."
          error={errorFor(state, "attendanceId")}
          defaultValue={valueFor(state, "attendanceId", chosenFailure ?? failures[0]?.value)}
          choices={[...failures, { value: "", label: "Not listed here" }]}
        />
      ) : (
        <>
          <p className="max-w-2xl" id="attendanceId">
            No failure to comply is recorded on this case without a warning or breach. Give the date and describe the
            failure this answers.
          </p>
          <input type="hidden" name="attendanceId" value="" />
        </>
      )}
      <DateField
        name="failureDate"
        label="Date of the failure (if not listed above)"
        error={errorFor(state, "failureDate")}
        defaultValue={valueFor(state, "failureDate")}
      />
      <TextArea
        name="failureDescription"
        label="What the failure was (if not listed above)"
        hint="In plain words, as the letter will say it: for example, 'you left the work site at 11:00 without permission'."
        error={errorFor(state, "failureDescription")}
        defaultValue={valueFor(state, "failureDescription")}
        rows={3}
      />
      <RadioGroup
        name="deliveredBy"
        legend="For a warning: how was it given?"
        hint="Printed on the letter."
        error={errorFor(state, "deliveredBy")}
        defaultValue={valueFor(state, "deliveredBy", "IN_PERSON")}
        choices={[
          { value: "IN_PERSON", label: "In person" },
          { value: "POST", label: "By post" },
          { value: "EMAIL", label: "By email" },
        ]}
      />
      <TextArea
        name="note"
        label="Note (optional)"
        error={errorFor(state, "note")}
        defaultValue={valueFor(state, "note")}
        rows={3}
      />
      <SubmitButton pendingText="Recording…">Record</SubmitButton>
    </form>
  );
}

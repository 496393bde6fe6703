"use client";

import { useActionState } from "react";
import { DateField, FormProblems, SubmitButton, TextField, errorFor, initialFormState, valueFor } from "@/ui/form";
import { addBankHolidayAction, importBankHolidaysAction, removeBankHolidayAction } from "./actions";

export function AddBankHolidayForm() {
  const [state, action] = useActionState(addBankHolidayAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <DateField
        name="date"
        label="Date"
        hint="A future date: past deadlines are not moved."
        error={errorFor(state, "date")}
        defaultValue={valueFor(state, "date")}
      />
      <TextField
        name="name"
        label="Name of the holiday"
        hint="For example, Coronation bank holiday"
        error={errorFor(state, "name")}
        defaultValue={valueFor(state, "name")}
      />
      <SubmitButton pendingText="Adding…">Add bank holiday</SubmitButton>
    </form>
  );
}

export function ImportBankHolidaysForm() {
  const [state, action] = useActionState(importBankHolidaysAction, initialFormState);
  const error = errorFor(state, "file");
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <div className={`mb-6 ${error ? "border-l-[5px] border-error pl-4" : ""}`}>
        <label htmlFor="file" className="label">
          GOV.UK bank holidays file
        </label>
        <div id="file-hint" className="hint">
          Download bank-holidays.json from www.gov.uk/bank-holidays.json, then choose it here. Only future England and
          Wales dates not yet recorded are added.
        </div>
        {error && (
          <p id="file-error" className="error-message">
            <span className="sr-only">Error:</span> {error}
          </p>
        )}
        <input
          id="file"
          name="file"
          type="file"
          accept="application/json,.json"
          className="block min-h-11"
          aria-describedby={`file-hint${error ? " file-error" : ""}`}
        />
      </div>
      <SubmitButton pendingText="Importing…">Import the file</SubmitButton>
    </form>
  );
}

export function RemoveBankHolidayButton({ date, label }: { date: string; label: string }) {
  const [state, action] = useActionState(removeBankHolidayAction, initialFormState);
  return (
    <form action={action} noValidate>
      {state.status === "error" && <p className="error-message">{state.errors[0]?.message ?? state.message}</p>}
      <input type="hidden" name="date" value={date} />
      <button type="submit" className="button button-secondary m-0">
        Remove<span className="sr-only"> {label}</span>
      </button>
    </form>
  );
}

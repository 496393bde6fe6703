"use client";

import { useActionState } from "react";
import { DateField, FormProblems, SubmitButton, TextField, errorFor, initialFormState, valueFor } from "@/ui/form";
import { recordAddressAction } from "./actions";

export function AddressForm({ caseId, today }: { caseId: string; today: string }) {
  const [state, action] = useActionState(recordAddressAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <TextField
        name="line1"
        label="Address line 1"
        autoComplete="address-line1"
        error={errorFor(state, "line1")}
        defaultValue={valueFor(state, "line1")}
      />
      <TextField
        name="line2"
        label="Address line 2 (optional)"
        autoComplete="address-line2"
        error={errorFor(state, "line2")}
        defaultValue={valueFor(state, "line2")}
      />
      <TextField
        name="town"
        label="Town or city"
        width="20"
        autoComplete="address-level2"
        error={errorFor(state, "town")}
        defaultValue={valueFor(state, "town")}
      />
      <TextField
        name="postcode"
        label="Postcode"
        width="10"
        autoComplete="postal-code"
        error={errorFor(state, "postcode")}
        defaultValue={valueFor(state, "postcode")}
      />
      <DateField
        name="validFrom"
        label="Living there from"
        hint="The address it replaces ends the day before"
        error={errorFor(state, "validFrom")}
        defaultValue={valueFor(state, "validFrom", today)}
      />
      <SubmitButton pendingText="Saving…">Save the address</SubmitButton>
    </form>
  );
}

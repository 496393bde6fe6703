"use client";

import { useActionState } from "react";
import { FormProblems, SubmitButton, TextField, errorFor, initialFormState, valueFor } from "@/ui/form";
import { addPduAction, renamePduAction } from "./actions";

export function AddPduForm({ regionId }: { regionId: string }) {
  const [state, action] = useActionState(addPduAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission} aria-labelledby="add-pdu-heading">
      <h2 id="add-pdu-heading" className="text-2xl font-bold">
        Add a PDU
      </h2>
      <FormProblems state={state} />
      <input type="hidden" name="regionId" value={regionId} />
      <TextField
        name="name"
        label="Name"
        error={errorFor(state, "name")}
        defaultValue={valueFor(state, "name")}
        autoComplete="off"
      />
      <TextField
        name="code"
        label="Code"
        hint="Letters, numbers and hyphens, for example WAL-CAR. It cannot be changed later."
        width="10"
        error={errorFor(state, "code")}
        defaultValue={valueFor(state, "code")}
        autoComplete="off"
      />
      <SubmitButton pendingText="Adding…">Add PDU</SubmitButton>
    </form>
  );
}

export function RenamePduForm({ pdu }: { pdu: { id: string; name: string; version: number } }) {
  const [state, action] = useActionState(renamePduAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="pduId" value={pdu.id} />
      <input type="hidden" name="version" value={pdu.version} />
      <TextField
        name="name"
        label="Name"
        error={errorFor(state, "name")}
        defaultValue={valueFor(state, "name", pdu.name)}
        autoComplete="off"
      />
      <SubmitButton pendingText="Saving…">Save name</SubmitButton>
    </form>
  );
}

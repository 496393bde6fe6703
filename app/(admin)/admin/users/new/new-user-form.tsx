"use client";

import { useActionState } from "react";
import {
  FormProblems,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextField,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { createUserAction } from "../actions";
import { PasswordLinkShownOnce } from "../password-link-shown-once";
import { ALL_REGIONS, ROLE_CHOICES } from "../role-choices";

export function NewUserForm({ regions }: { regions: { value: string; label: string }[] }) {
  const [state, action] = useActionState(createUserAction, initialFormState);
  const data = state.status === "success" ? state.data : undefined;
  if (data && typeof data.path === "string") {
    return (
      <PasswordLinkShownOnce
        heading={`${String(data.name)} added`}
        name={String(data.name)}
        path={data.path}
        expiresAt={String(data.expiresAt)}
        userId={String(data.userId)}
      />
    );
  }
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <TextField
        name="name"
        label="Full name"
        error={errorFor(state, "name")}
        defaultValue={valueFor(state, "name")}
        autoComplete="off"
      />
      <TextField
        name="email"
        label="Email address"
        hint="They sign in with it"
        type="email"
        spellCheck={false}
        error={errorFor(state, "email")}
        defaultValue={valueFor(state, "email")}
        autoComplete="off"
      />
      <RadioGroup
        name="role"
        legend="Role"
        error={errorFor(state, "role")}
        defaultValue={valueFor(state, "role")}
        choices={ROLE_CHOICES}
      />
      <SelectField
        name="regionId"
        label="Region"
        hint="Coordinators, supervisors and regional managers work in one region"
        options={[...regions, ALL_REGIONS]}
        placeholder="Choose a region"
        error={errorFor(state, "regionId")}
        defaultValue={valueFor(state, "regionId")}
      />
      <SubmitButton pendingText="Adding the user…">Add user</SubmitButton>
    </form>
  );
}

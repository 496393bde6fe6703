"use client";

import { useActionState } from "react";
import { FormProblems, RadioGroup, SelectField, SubmitButton, errorFor, initialFormState, valueFor } from "@/ui/form";
import { changeUserAccessAction, issuePasswordResetAction, setUserActiveAction } from "../actions";
import { PasswordLinkShownOnce } from "../password-link-shown-once";
import { ALL_REGIONS, ROLE_CHOICES } from "../role-choices";

type User = { id: string; name: string; version: number; role: string; regionId: string | null; active: boolean };

/** Role and region: saving either signs the user out everywhere (they sign in again with the new access). */
export function ChangeAccessForm({
  user,
  regions,
  isSelf,
}: {
  user: User;
  regions: { value: string; label: string }[];
  isSelf: boolean;
}) {
  const [state, action] = useActionState(changeUserAccessAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission} aria-labelledby="access-heading">
      <h2 id="access-heading" className="text-2xl font-bold">
        Role and region
      </h2>
      <FormProblems state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <RadioGroup
        name="role"
        legend="Role"
        hint={isSelf ? "You cannot change your own role: another administrator can." : undefined}
        error={errorFor(state, "role")}
        defaultValue={valueFor(state, "role", user.role)}
        choices={ROLE_CHOICES}
      />
      <SelectField
        name="regionId"
        label="Region"
        hint="Coordinators, supervisors and regional managers work in one region"
        options={[...regions, ALL_REGIONS]}
        error={errorFor(state, "regionId")}
        defaultValue={valueFor(state, "regionId", user.regionId ?? ALL_REGIONS.value)}
      />
      <p className="hint">Saving a change signs {user.name} out on every device.</p>
      <SubmitButton pendingText="Saving…">Save role and region</SubmitButton>
    </form>
  );
}

/** Deactivate (signs out everywhere, ends any open password link) or reactivate. */
export function ActiveForm({ user }: { user: User }) {
  const [state, action] = useActionState(setUserActiveAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission} aria-labelledby="active-heading">
      <h2 id="active-heading" className="text-2xl font-bold">
        {user.active ? "Deactivate" : "Reactivate"}
      </h2>
      <FormProblems state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="active" value={String(!user.active)} />
      <p>
        {user.active
          ? `${user.name} will no longer be able to sign in or use an API token, and is signed out on every device now. Their records stay.`
          : `${user.name} will be able to sign in again with their password, or with a new password link.`}
      </p>
      <SubmitButton pendingText="Saving…" variant={user.active ? "warning" : "primary"}>
        {user.active ? `Deactivate ${user.name}` : `Reactivate ${user.name}`}
      </SubmitButton>
    </form>
  );
}

/** A password reset: a one-time link shown once, never a password. */
export function PasswordResetForm({ user }: { user: User }) {
  const [state, action] = useActionState(issuePasswordResetAction, initialFormState);
  const data = state.status === "success" ? state.data : undefined;
  if (data && typeof data.path === "string") {
    return (
      <PasswordLinkShownOnce
        heading="Password reset link created"
        name={user.name}
        path={data.path}
        expiresAt={String(data.expiresAt)}
        userId={user.id}
      />
    );
  }
  return (
    <form action={action} noValidate key={state.submission} aria-labelledby="reset-heading">
      <h2 id="reset-heading" className="text-2xl font-bold">
        Reset password
      </h2>
      <FormProblems state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <p>
        You get a link, once, for {user.name} to set a new password. They are signed out on every device now, and any
        earlier link stops working.
      </p>
      <SubmitButton pendingText="Creating the link…" variant="secondary">
        Create a password reset link
      </SubmitButton>
    </form>
  );
}

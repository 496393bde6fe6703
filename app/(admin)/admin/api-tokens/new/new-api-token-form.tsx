"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
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
import { createApiTokenAction } from "../actions";
import { formatDateTime } from "../format-time";

// The service takes any whole number of days from 1 to 366 (src/server/auth/api-tokens.ts); these are the usual ones.
// Every token expires: there is no "never" (a forgotten token must not work for ever).
const EXPIRY_CHOICES = [30, 90, 180, 366].map((days) => ({
  value: String(days),
  label: days === 366 ? "1 year" : `${days} days`,
}));

export function NewApiTokenForm({ users }: { users: { value: string; label: string }[] }) {
  const [state, action] = useActionState(createApiTokenAction, initialFormState);
  const token = state.status === "success" && typeof state.data?.token === "string" ? state.data.token : null;

  if (token) {
    const expiresAt = typeof state.data?.expiresAt === "string" ? state.data.expiresAt : null;
    return (
      <TokenShownOnce
        token={token}
        name={String(state.data?.name ?? "")}
        userName={String(state.data?.userName ?? "")}
        expires={expiresAt ? formatDateTime(expiresAt) : null}
      />
    );
  }

  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <SelectField
        name="userId"
        label="User the token acts as"
        options={users}
        placeholder="Choose a user"
        error={errorFor(state, "userId")}
        defaultValue={valueFor(state, "userId")}
      />
      <TextField
        name="name"
        label="Name of the token"
        hint="What will use it, for example Nightly reporting script"
        error={errorFor(state, "name")}
        defaultValue={valueFor(state, "name")}
        autoComplete="off"
      />
      <RadioGroup
        name="expiresInDays"
        legend="How long the token lasts"
        error={errorFor(state, "expiresInDays")}
        defaultValue={valueFor(state, "expiresInDays", "90")}
        choices={EXPIRY_CHOICES}
      />
      <SubmitButton pendingText="Creating the token…">Create token</SubmitButton>
    </form>
  );
}

/** GOV.UK confirmation panel with the token: it is shown this once and cannot be shown again. */
function TokenShownOnce({
  token,
  name,
  userName,
  expires,
}: {
  token: string;
  name: string;
  userName: string;
  expires: string | null;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(token);
    setCopied(true);
  };
  return (
    <>
      <div className="mb-8 bg-success p-6 text-white">
        <h2 className="m-0 text-3xl font-bold">Token created</h2>
        <p className="mb-0 mt-2 text-lg">
          “{name}” acts as {userName}. {expires ? `It stops working on ${expires}.` : ""}
        </p>
      </div>
      <div role="alert" aria-labelledby="copy-now-title" className="mb-8 border-l-[10px] border-ink bg-panel p-4">
        <h2 id="copy-now-title" className="mt-0 text-2xl font-bold">
          Copy the token now: it will not be shown again
        </h2>
        <p>
          Only a fingerprint of the token is kept, so no one can show it to you later. If it is lost, revoke it and
          create a new one.
        </p>
        <label htmlFor="new-token" className="label">
          Your new API token
        </label>
        <input
          id="new-token"
          readOnly
          value={token}
          className="input w-full font-mono"
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <p className="mt-4">
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            Copy token
          </button>
          <span role="status" className="ml-4">
            {copied ? "Copied to the clipboard" : ""}
          </span>
        </p>
        <p className="mb-0">
          Send it in the header <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </div>
      <p>
        <Link href="/admin/api-tokens">Back to API tokens</Link>
      </p>
    </>
  );
}

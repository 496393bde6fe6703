"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormProblems, SubmitButton, initialFormState } from "@/ui/form";
import { revokeApiTokenAction } from "../../actions";

export function RevokeApiTokenForm({ tokenId }: { tokenId: string }) {
  const [state, action] = useActionState(revokeApiTokenAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="tokenId" value={tokenId} />
      <div className="flex flex-wrap items-center gap-6">
        <SubmitButton variant="warning" pendingText="Revoking…">
          Yes, revoke the token
        </SubmitButton>
        <Link href="/admin/api-tokens" className="mb-8">
          No, keep it
        </Link>
      </div>
    </form>
  );
}

"use server";

import { formAction } from "@/server/actions/form-action";
import { issueApiTokenForUser } from "@/server/services/api-tokens/issue-api-token";
import { issueApiTokenInput } from "@/server/services/api-tokens/issue-api-token.types";
import { revokeUserApiToken } from "@/server/services/api-tokens/revoke-api-token";
import { revokeApiTokenInput } from "@/server/services/api-tokens/revoke-api-token.types";
import type { FormState } from "@/ui/form/form-state";

const submitNewToken = formAction({
  permission: "admin.apiTokens",
  schema: issueApiTokenInput,
  fromForm: (form) => ({
    userId: form.text("userId") ?? "",
    name: form.text("name") ?? "",
    expiresInDays: form.number("expiresInDays"),
  }),
  messages: {
    userId: "Choose the user the token is for",
    name: "Enter a name for the token, for example Nightly reporting script",
    expiresInDays: "Choose how long the token lasts",
  },
  run: (user, input) => issueApiTokenForUser(user, input),
  // Stays on the page: the token is shown this once, in the form's success state, and never again.
  onSuccess: (issued) => ({
    revalidate: ["/admin/api-tokens"],
    data: { token: issued.token, name: issued.name, userName: issued.userName, expiresAt: issued.expiresAt },
  }),
});

export async function createApiTokenAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitNewToken(previous, form);
}

const submitRevoke = formAction({
  permission: "admin.apiTokens",
  schema: revokeApiTokenInput,
  fromForm: (form) => ({ tokenId: form.text("tokenId") ?? "" }),
  run: (user, input) => revokeUserApiToken(user, input),
  onSuccess: (revoked) => ({
    redirectTo: "/admin/api-tokens",
    revalidate: ["/admin/api-tokens"],
    notice: revoked.alreadyRevoked
      ? `The token “${revoked.name}” for ${revoked.userName} was already revoked.`
      : `Token “${revoked.name}” for ${revoked.userName} revoked. Anything that uses it is refused from now on.`,
  }),
});

export async function revokeApiTokenAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitRevoke(previous, form);
}

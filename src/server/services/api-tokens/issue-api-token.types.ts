import { z } from "zod";
import { createApiTokenInput } from "@/server/auth/api-tokens";

// An administrator creates an API token for a user (docs/api.md "Auth": role and region come from the
// user; only a hash is stored). Name and expiry rules are src/server/auth/api-tokens.ts's.

export const issueApiTokenInput = createApiTokenInput
  .extend({ userId: z.uuid("Choose the user the token is for") })
  .strict()
  .meta({ title: "ApiTokenInput" });

export type IssueApiTokenInput = z.input<typeof issueApiTokenInput>;

/** The new token: `token` is shown this once and never stored. */
export type IssuedApiTokenView = {
  id: string;
  token: string;
  name: string;
  userId: string;
  userName: string;
  expiresAt: string | null;
};

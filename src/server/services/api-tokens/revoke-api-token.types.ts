import { z } from "zod";

// An administrator revokes an API token: from that moment a request with it is 401.

export const revokeApiTokenInput = z.object({ tokenId: z.uuid("Choose the token to revoke") }).strict();
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenInput>;

export type RevokedApiTokenView = {
  id: string;
  name: string;
  userName: string;
  revokedAt: string;
  alreadyRevoked: boolean;
};

import { z } from "zod";
import { versionSchema } from "../schemas";

// POST /api/v1/sessions/{id}/reopen: a closed register opened again to correct it.

export const reopenSessionBody = z
  .object({
    version: versionSchema.optional().describe("The session's version as last read; a stale one is a 409"),
    reason: z.string().trim().max(4000).optional().describe("Why it is reopened (kept in the audit trail)"),
  })
  .strict()
  .meta({ title: "ReopenSessionInput" });

export const reopenSessionInput = reopenSessionBody.extend({ sessionId: z.uuid() }).strict();

export type ReopenSessionInput = z.input<typeof reopenSessionInput>;

export const reopenedSessionView = z
  .object({
    id: z.string(),
    status: z.enum(["SCHEDULED", "CLOSED", "CANCELLED", "STOOD_DOWN"]),
    version: z.number().int(),
    alreadyOpen: z.boolean().describe("True when the session was not closed before this request; nothing changed"),
  })
  .meta({ title: "ReopenedSession" });

export type ReopenedSessionView = z.infer<typeof reopenedSessionView>;

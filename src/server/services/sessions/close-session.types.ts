import { z } from "zod";
import { versionSchema } from "../schemas";

// POST /api/v1/sessions/{id}/close: the supervisor (or the office) says the session is done.

export const closeSessionBody = z
  .object({
    version: versionSchema.optional().describe("The session's version as last read; a stale one is a 409"),
  })
  .strict()
  .meta({ title: "CloseSessionInput" });

export const closeSessionInput = closeSessionBody.extend({ sessionId: z.uuid() }).strict();

export type CloseSessionInput = z.input<typeof closeSessionInput>;

export const closedSessionView = z
  .object({
    id: z.string(),
    status: z.enum(["SCHEDULED", "CLOSED", "CANCELLED", "STOOD_DOWN"]),
    closedAt: z.string().nullable().describe("When it was closed (ISO date-time)"),
    closedBy: z.string().nullable().describe("Name of the person who closed it"),
    attendanceRecorded: z.number().int().describe("Bookings with an outcome recorded"),
    version: z.number().int(),
    alreadyClosed: z.boolean().describe("True when the session was closed before this request; nothing changed"),
  })
  .meta({ title: "ClosedSession" });

export type ClosedSessionView = z.infer<typeof closedSessionView>;

import { z } from "zod";
import { isTimeOfDay } from "@/domain";
import { recordIdSchema } from "../schemas";

// POST /api/v1/sessions/{id}/incidents: something that happened on site — who, what, when.

export const INCIDENT_TYPES = ["BEHAVIOUR", "INJURY", "NEAR_MISS", "THREAT_TO_STAFF"] as const;

export const recordIncidentBody = z
  .object({
    type: z.enum(INCIDENT_TYPES),
    caseId: recordIdSchema.nullish().describe("The person on the session it was about, if it was about one person"),
    occurredAt: z
      .string()
      .refine(isTimeOfDay, { message: "Enter the time as HH:MM, for example 13:40" })
      .describe("HH:MM, London time, on the session's date"),
    description: z.string().trim().min(1).max(4000).describe("What happened and what was done; plain text"),
  })
  .strict()
  .meta({ title: "IncidentInput" });

export const recordIncidentInput = recordIncidentBody.extend({ sessionId: z.uuid() }).strict();

export type RecordIncidentInput = z.input<typeof recordIncidentInput>;

export const incidentView = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    caseId: z.string().nullable(),
    type: z.enum(INCIDENT_TYPES),
    occurredOn: z.string().describe("YYYY-MM-DD (London)"),
    occurredAt: z.string().describe("HH:MM (London)"),
    description: z.string(),
  })
  .meta({ title: "Incident" });

export type IncidentView = z.infer<typeof incidentView>;

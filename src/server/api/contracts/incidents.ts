import { z } from "zod";
import { incidentView, recordIncidentBody } from "@/server/services/incidents/record-incident.types";
import { defineRoute } from "../route-spec";

export const recordIncidentRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions/{id}/incidents",
  tag: "Incidents",
  summary: "Record an incident on a session: behaviour, injury, near miss or threat to staff",
  description:
    "`caseId` (optional) names the person it was about; they must be booked on the session. `occurredAt` is a time (HH:MM, London) on the session's date. The incident shows on the person's case timeline and in the manager's list.",
  permission: "incident.record",
  params: z.object({ id: z.uuid() }),
  body: recordIncidentBody,
  response: incidentView,
  status: 201,
  idempotent: true,
});

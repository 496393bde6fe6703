import { z } from "zod";
import { recordAttendanceBody, recordAttendanceResult } from "@/server/services/attendance/record-attendance.types";
import { defineRoute } from "../route-spec";

export const recordAttendanceRoute = defineRoute({
  method: "PUT",
  path: "/api/v1/sessions/{id}/attendance/{caseId}",
  tag: "Attendance",
  summary: "Record or correct the outcome of one person's booking on a session (R7, R8, R9)",
  description:
    "Credits time for attended outcomes (capped at the hours ordered), sends a 3rd+ accepted absence to a manager, and says which enforcement a failure to comply calls for. Send `version` when correcting.",
  permission: "attendance.record",
  params: z.object({ id: z.uuid(), caseId: z.uuid() }),
  body: recordAttendanceBody,
  response: recordAttendanceResult,
  idempotent: true,
});

import { z } from "zod";
import { closeSessionBody, closedSessionView } from "@/server/services/sessions/close-session.types";
import { defineRoute } from "../route-spec";

export const closeSessionRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions/{id}/close",
  tag: "Attendance",
  summary: "Close a session once everyone booked has an outcome recorded",
  description:
    "Refused with ATTENDANCE_INCOMPLETE while anyone booked has no attendance recorded, and SESSION_CANCELLED for a cancelled session. After closing, a supervisor's attendance changes are refused with SESSION_CLOSED; coordinators and managers may still correct. Closing a closed session changes nothing (`alreadyClosed: true`).",
  permission: "session.close",
  params: z.object({ id: z.uuid() }),
  body: closeSessionBody,
  response: closedSessionView,
  idempotent: true,
});

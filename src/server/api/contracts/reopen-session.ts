import { z } from "zod";
import { reopenSessionBody, reopenedSessionView } from "@/server/services/sessions/reopen-session.types";
import { defineRoute } from "../route-spec";

export const reopenSessionRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions/{id}/reopen",
  tag: "Attendance",
  summary: "Reopen a closed session so its attendance can be corrected",
  description:
    "The session's supervisor may reopen it on the day they closed it (otherwise SESSION_CLOSED: phone the office); a coordinator or manager of the region at any time. Audited with the optional reason. Reopening an open session changes nothing (`alreadyOpen: true`).",
  // Reopening is the other half of closing: the same people may do it (the service limits a supervisor to the day they closed it).
  permission: "session.close",
  params: z.object({ id: z.uuid() }),
  body: reopenSessionBody,
  response: reopenedSessionView,
  idempotent: true,
});

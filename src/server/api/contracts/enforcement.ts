import { z } from "zod";
import {
  breachOutcomeBody,
  enforcementActionView,
  enforcementListView,
  startEnforcementBody,
  withdrawEnforcementBody,
} from "@/server/services/enforcement/enforcement.types";
import { defineRoute } from "../route-spec";

export const listEnforcementRoute = defineRoute({
  method: "GET",
  path: "/api/v1/cases/{id}/enforcement",
  tag: "Enforcement",
  summary: "A case's warnings and breaches, newest first",
  permission: "enforcement.read",
  params: z.object({ id: z.uuid() }),
  response: enforcementListView,
});

export const startEnforcementRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases/{id}/enforcement",
  tag: "Enforcement",
  summary:
    "Give a warning or start breach proceedings, answering a failure: attendanceId, or failureDate + failureDescription (FAILURE_REQUIRED). R9: no second warning within 12 months on the order",
  permission: "enforcement.start",
  params: z.object({ id: z.uuid() }),
  body: startEnforcementBody,
  response: enforcementActionView,
  status: 201,
});

export const recordBreachOutcomeRoute = defineRoute({
  method: "POST",
  path: "/api/v1/enforcement/{actionId}/outcome",
  tag: "Enforcement",
  summary:
    "Record the court's outcome of a breach (R9; HOURS_ADDED keeps the total ≤ 300; REVOKED, REVOKED_AND_RESENTENCED and SSO_ACTIVATED terminate)",
  permission: "enforcement.outcome",
  params: z.object({ actionId: z.uuid() }),
  body: breachOutcomeBody,
  response: enforcementActionView,
});

export const withdrawEnforcementRoute = defineRoute({
  method: "POST",
  path: "/api/v1/enforcement/{actionId}/withdrawal",
  tag: "Enforcement",
  summary: "Withdraw a warning or breach with a reason (managers; R9: it no longer counts and its letter is void)",
  permission: "enforcement.withdraw",
  params: z.object({ actionId: z.uuid() }),
  body: withdrawEnforcementBody,
  response: enforcementActionView,
});

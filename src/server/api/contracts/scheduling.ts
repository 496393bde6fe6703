import { z } from "zod";
import { allocationView } from "@/server/services/allocations/allocate.types";
import {
  cancelAllocationBody,
  cancelledAllocationView,
  moveAllocationBody,
} from "@/server/services/allocations/change-allocation.types";
import { cancelSessionBody, standDownBody, updateSessionBody } from "@/server/services/sessions/change-session.types";
import { placementView } from "@/server/services/placements/create-placement.types";
import { updatePlacementBody } from "@/server/services/placements/update-placement.types";
import { sessionView } from "@/server/services/sessions/session-view.types";
import { defineRoute } from "../route-spec";

// The everyday scheduling verbs (docs/api.md "Additions"): change, stand down or cancel a session;
// cancel or move a booking. Each re-runs R10 and is audited.

export const updateSessionRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/sessions/{id}",
  tag: "Placements and sessions",
  summary: "Change a session's times, supervisor or capacity (bookings re-checked)",
  description:
    "409 STALE_VERSION (details carry yourVersion, currentVersion and the current values) when `version` is stale. 422 SUPERVISOR_DOUBLE_BOOKED, SUPERVISOR_GROUP_TOO_LARGE, DOUBLE_BOOKED (new times clash with someone's other booking), SESSION_FULL (capacity below the people booked), LONE_WOMAN_CONSENT_REQUIRED (a male supervisor would leave one woman among men: send consentRecorded) or RISK_CONFLICT.",
  permission: "session.change",
  params: z.object({ id: z.uuid() }),
  body: updateSessionBody,
  response: sessionView,
  idempotent: true,
});

export const standDownSessionRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions/{id}/stand-down",
  tag: "Placements and sessions",
  summary: "Stand a session down in advance: every booking gets ACCEPTABLE_ABSENCE / STOOD_DOWN",
  description:
    "Stood-down absences never count towards the third-absence approval; each person shows on the work queue to be re-booked. 422 SESSION_STOOD_DOWN, SESSION_CANCELLED, SESSION_CLOSED or SESSION_IN_PAST.",
  permission: "session.change",
  params: z.object({ id: z.uuid() }),
  body: standDownBody,
  response: sessionView,
  idempotent: true,
});

export const cancelSessionRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions/{id}/cancellation",
  tag: "Placements and sessions",
  summary: "Cancel a session and every booking on it, with a reason",
  description:
    "Refused (409 CONFLICT) once any attendance is recorded: stand the session down or correct the records instead.",
  permission: "session.change",
  params: z.object({ id: z.uuid() }),
  body: cancelSessionBody,
  response: sessionView,
  idempotent: true,
});

export const cancelAllocationRoute = defineRoute({
  method: "POST",
  path: "/api/v1/allocations/{id}/cancellation",
  tag: "Placements and sessions",
  summary: "Cancel a booking with a reason",
  description:
    "409 CONFLICT when it was already cancelled or moved, or an outcome is recorded (correct the attendance instead). A problem the cancellation leaves for the rest of the group (e.g. one woman now among men) comes back in warnings.",
  permission: "allocation.change",
  params: z.object({ id: z.uuid() }),
  body: cancelAllocationBody,
  response: cancelledAllocationView,
  idempotent: true,
});

export const moveAllocationRoute = defineRoute({
  method: "POST",
  path: "/api/v1/allocations/{id}/move",
  tag: "Placements and sessions",
  summary: "Move a booking to another session in one step (the new booking passes every R10 check, or nothing changes)",
  permission: "allocation.change",
  params: z.object({ id: z.uuid() }),
  body: moveAllocationBody,
  response: allocationView,
  status: 201,
  idempotent: true,
});

export const updatePlacementRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/placements/{id}",
  tag: "Placements and sessions",
  summary: "Edit, close (active: false) or reopen (active: true) a placement",
  description:
    "409 STALE_VERSION with both versions when `version` is stale. A change of features re-checks every future booking on it; problems come back in warnings.",
  permission: "placement.change",
  params: z.object({ id: z.uuid() }),
  body: updatePlacementBody,
  response: placementView,
  idempotent: true,
});

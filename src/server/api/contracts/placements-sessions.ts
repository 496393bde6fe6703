import { z } from "zod";
import { allocateBody, allocationView } from "@/server/services/allocations/allocate.types";
import { createPlacementInput, placementView } from "@/server/services/placements/create-placement.types";
import { createSessionInput } from "@/server/services/sessions/create-session.types";
import { sessionView } from "@/server/services/sessions/session-view.types";
import { defineRoute } from "../route-spec";

export const createPlacementRoute = defineRoute({
  method: "POST",
  path: "/api/v1/placements",
  tag: "Placements and sessions",
  summary: "Add a placement (project) in the caller's region",
  permission: "placement.create",
  body: createPlacementInput,
  response: placementView,
  status: 201,
  idempotent: true,
});

export const createSessionRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions",
  tag: "Placements and sessions",
  summary: "Add one session to a placement (capacity defaults to the placement's)",
  permission: "session.create",
  body: createSessionInput,
  response: sessionView,
  status: 201,
  idempotent: true,
});

export const getSessionRoute = defineRoute({
  method: "GET",
  path: "/api/v1/sessions/{id}",
  tag: "Placements and sessions",
  permission: "session.read",
  summary: "A session with its bookings and attendance",
  params: z.object({ id: z.uuid() }),
  response: sessionView,
});

export const allocateRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions/{id}/allocations",
  tag: "Placements and sessions",
  summary: "Book a case on a session (R10); 422 with the first blocking code and every reason in details.refusals",
  permission: "allocation.create",
  params: z.object({ id: z.uuid() }),
  body: allocateBody,
  response: allocationView,
  status: 201,
  idempotent: true,
});

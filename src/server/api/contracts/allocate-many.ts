import { z } from "zod";
import { allocateManyBody, allocateManyView } from "@/server/services/allocations/allocate-many.types";
import { approvalView } from "@/server/services/approvals/approvals.types";
import { requestBookingOverrideBody } from "@/server/services/allocations/request-booking-override.types";
import { defineRoute } from "../route-spec";

export const allocateManyRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions/{id}/allocations/batch",
  tag: "Placements and sessions",
  summary: "Book several cases on one session (R10); each is booked or refused on its own, with every reason",
  permission: "allocation.create",
  params: z.object({ id: z.uuid() }),
  body: allocateManyBody,
  response: allocateManyView,
  idempotent: true,
});

export const requestBookingOverrideRoute = defineRoute({
  method: "POST",
  path: "/api/v1/sessions/{id}/override-requests",
  tag: "Placements and sessions",
  summary:
    "Ask a regional manager to book a case refused by a risk or capacity rule (R10); a pending BOOKING_OVERRIDE approval",
  permission: "allocation.overrideRequest",
  params: z.object({ id: z.uuid() }),
  body: requestBookingOverrideBody,
  response: approvalView,
  status: 201,
  idempotent: true,
});

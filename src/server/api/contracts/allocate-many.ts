import { z } from "zod";
import { allocateManyBody, allocateManyView } from "@/server/services/allocations/allocate-many.types";
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

import { z } from "zod";
import { recordReviewBody, reviewView } from "@/server/services/reviews/record-review.types";
import { defineRoute } from "../route-spec";

export const recordReviewRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases/{id}/reviews",
  tag: "Cases",
  summary: "Record a 6-month, 9-month or other review of a case, with its outcome (R3)",
  description:
    "A 6- or 9-month review can be recorded once (a second is 409 CONFLICT). With the outcome EXTENSION_TO_BE_SOUGHT, extensionAppliedOn records the day the application went to the court.",
  permission: "review.record",
  params: z.object({ id: z.uuid() }),
  body: recordReviewBody,
  response: reviewView,
  status: 201,
  idempotent: true,
});

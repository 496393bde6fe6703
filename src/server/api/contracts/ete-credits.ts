import { z } from "zod";
import { creditEteBody, eteCreditView } from "@/server/services/ete/credit-ete.types";
import { defineRoute } from "../route-spec";

export const creditEteRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases/{id}/ete-credits",
  tag: "Cases",
  summary: "Credit education, training or employment time to a case (R6: at most 30 % of the hours ordered)",
  permission: "ete.credit",
  params: z.object({ id: z.uuid() }),
  body: creditEteBody,
  response: eteCreditView,
  status: 201,
  idempotent: true,
});

import { z } from "zod";
import { caseView } from "@/server/services/cases/case-view.types";
import { decideEarnedReductionBody } from "@/server/services/earned-reduction/decide-earned-reduction.types";
import { defineRoute } from "../route-spec";

export const decideEarnedReductionRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases/{id}/earned-reduction/decision",
  tag: "Cases",
  summary: "Record the responsible officer's view on the earned reduction of hours (Sentencing Act 2026 s.37)",
  permission: "case.earnedReduction",
  params: z.object({ id: z.uuid() }),
  body: decideEarnedReductionBody,
  response: caseView,
  status: 200,
});

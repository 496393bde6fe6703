import { z } from "zod";
import { creditEteBody, eteCreditView } from "@/server/services/ete/credit-ete.types";
import {
  correctEteCreditBody,
  removeEteCreditBody,
  removedEteCreditView,
} from "@/server/services/ete/correct-ete-credit.types";
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

export const correctEteCreditRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/cases/{id}/ete-credits/{creditId}",
  tag: "Cases",
  summary: "Correct an ETE credit, with a reason (R6 and R7 re-run: the cap, hours done and completion)",
  description:
    "Send the whole corrected credit and the `version` read. 409 STALE_VERSION (details carry yourVersion, currentVersion and the current credit) when it is stale. 422 ETE_CAP_EXCEEDED, ETE_NOT_ELIGIBLE, REQUIREMENT_NOT_ACTIVE or BEFORE_SENTENCE as for a new credit; the cap is judged without the credit being corrected.",
  permission: "ete.correct",
  params: z.object({ id: z.uuid(), creditId: z.uuid() }),
  body: correctEteCreditBody,
  response: eteCreditView,
  idempotent: true,
});

export const removeEteCreditRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases/{id}/ete-credits/{creditId}/removal",
  tag: "Cases",
  summary: "Remove an ETE credit, with a reason (hours done and completion re-run without it)",
  description:
    "409 STALE_VERSION (details carry yourVersion, currentVersion and the current credit) when `version` is stale. The removed credit is kept in the audit trail with the reason.",
  permission: "ete.correct",
  params: z.object({ id: z.uuid(), creditId: z.uuid() }),
  body: removeEteCreditBody,
  response: removedEteCreditView,
  idempotent: true,
});

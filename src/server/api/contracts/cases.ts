import { z } from "zod";
import { caseView } from "@/server/services/cases/case-view.types";
import { createCaseInput } from "@/server/services/cases/create-case.types";
import { caseList, getCaseQuery, listCasesQuery } from "@/server/services/cases/get-case.types";
import { saveAssessmentBody } from "@/server/services/cases/save-assessment.types";
import { terminateRequirementBody, terminationView } from "@/server/services/cases/terminate-requirement.types";
import { defineRoute } from "../route-spec";
import { ruleWarnings } from "./warnings";

const caseParams = z.object({ id: z.uuid() });

export const createCaseRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases",
  tag: "Cases",
  summary:
    "Take in a new case: person (by CRN), order and unpaid work requirement (R1: 40–300 hours; 18 or over on the sentence date)",
  description:
    "A CRN already on record with the same name and date of birth gets the new order attached to that person; with a different name or date of birth it is 409 DUPLICATE_CRN.",
  permission: "case.create",
  body: createCaseInput,
  response: caseView.extend({ warnings: ruleWarnings }),
  status: 201,
  idempotent: true,
});

export const listCasesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/cases",
  tag: "Cases",
  permission: "case.list",
  summary: "Cases the caller may see, by region, status and CRN or name (at most 100)",
  query: listCasesQuery,
  response: caseList,
});

export const getCaseRoute = defineRoute({
  method: "GET",
  path: "/api/v1/cases/{id}",
  tag: "Cases",
  permission: "case.read",
  summary: "One case with its computed fields as of asOf (default today)",
  params: caseParams,
  query: getCaseQuery,
  response: caseView,
});

export const saveAssessmentRoute = defineRoute({
  method: "PUT",
  path: "/api/v1/cases/{id}/assessment",
  tag: "Cases",
  summary: "Save the post-sentence assessment (409 STALE_VERSION when `version` is not the case's current version)",
  permission: "case.assess",
  params: caseParams,
  body: saveAssessmentBody,
  response: caseView,
  idempotent: true,
});

export const terminateCaseRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases/{id}/termination",
  tag: "Cases",
  summary: "End an active requirement early (regional managers): REVOKED, EXPIRED_INCOMPLETE or OTHER",
  description:
    "Bookings after the end date that have no attendance are cancelled. Completion needs no command: a requirement becomes COMPLETED when the minutes credited reach the hours ordered (R7). 422 REQUIREMENT_NOT_ACTIVE when it is already completed or terminated.",
  permission: "case.terminate",
  params: caseParams,
  body: terminateRequirementBody,
  response: terminationView,
  idempotent: true,
});

import { z } from "zod";
import { REQUIREMENT_STATUSES } from "@/domain";
import { isoDateSchema } from "../schemas";
import { caseView } from "./case-view.types";

// GET /api/v1/cases/{id} and GET /api/v1/cases (docs/api.md). `asOf` defaults to today.

export const getCaseQuery = z.object({ asOf: isoDateSchema.optional() }).strict();
export const getCaseInput = getCaseQuery.safeExtend({ caseId: z.string() });
export type GetCaseInput = z.input<typeof getCaseInput>;

export const LIST_CASES_LIMIT = 100;

export const listCasesQuery = z
  .object({
    region: z.string().trim().max(8).optional().describe("Region code; regional staff may only ask for their own"),
    status: z.enum(REQUIREMENT_STATUSES).optional().describe("Stored status"),
    q: z.string().trim().max(100).optional().describe("CRN, or part of a first or last name"),
    asOf: isoDateSchema.optional(),
  })
  .strict();
export type ListCasesInput = z.input<typeof listCasesQuery>;

export const caseList = z
  .object({
    asOf: z.string(),
    cases: z.array(caseView),
    truncated: z.boolean().describe(`True when more than ${LIST_CASES_LIMIT} cases matched; narrow the search`),
  })
  .meta({ title: "CaseList" });
export type CaseList = z.input<typeof caseList>;

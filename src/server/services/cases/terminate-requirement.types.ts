import { z } from "zod";
import { TERMINATION_REASONS } from "@/domain";
import { isoDateSchema, optionalText } from "../schemas";

export const terminateRequirementBody = z
  .object({
    reason: z.enum(TERMINATION_REASONS),
    date: isoDateSchema.optional().describe("The date the requirement ended; defaults to today"),
    note: optionalText(4000),
  })
  .strict()
  .meta({ title: "TerminateRequirementInput" });

export const terminateRequirementInput = terminateRequirementBody.safeExtend({ caseId: z.string() });
export type TerminateRequirementInput = z.input<typeof terminateRequirementInput>;

export type TerminateRequirementResult = { caseId: string; status: "TERMINATED"; terminatedOn: string; cancelledAllocations: number };

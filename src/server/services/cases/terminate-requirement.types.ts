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

export const terminationView = z
  .object({
    caseId: z.string(),
    status: z.literal("TERMINATED"),
    terminatedOn: z.string().describe("YYYY-MM-DD"),
    cancelledAllocations: z
      .number()
      .int()
      .describe("Bookings after the end date, with no attendance, that were cancelled"),
  })
  .meta({ title: "Termination" });

export type TerminateRequirementResult = z.input<typeof terminationView>;

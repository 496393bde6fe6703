import { z } from "zod";
import { versionSchema } from "../schemas";
import { creditEteBody, eteCreditView } from "./credit-ete.types";

// PATCH /api/v1/cases/{id}/ete-credits/{creditId} and POST …/{creditId}/removal (docs/api.md):
// a credit is corrected or removed with a reason, against the version read (decision 0064).

const version = versionSchema.describe("The credit's version as last read; a stale one is a 409 with both versions");
const reason = z
  .string()
  .trim()
  .min(1, "Enter the reason for the correction")
  .max(1000)
  .describe("Why the credit is being changed, for the audit trail");

export const correctEteCreditBody = creditEteBody
  .extend({ version, reason })
  .strict()
  .meta({ title: "EteCreditCorrection" });

export const correctEteCreditInput = correctEteCreditBody.extend({ caseId: z.uuid(), creditId: z.uuid() }).strict();
export type CorrectEteCreditInput = z.input<typeof correctEteCreditInput>;

export const removeEteCreditBody = z
  .object({ version, reason: reason.describe("Why the credit is being removed, for the audit trail") })
  .strict()
  .meta({ title: "EteCreditRemoval" });
export const removeEteCreditInput = removeEteCreditBody.extend({ caseId: z.uuid(), creditId: z.uuid() }).strict();
export type RemoveEteCreditInput = z.input<typeof removeEteCreditInput>;

export type CorrectedEteCreditView = z.input<typeof eteCreditView>;

export const removedEteCreditView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    removed: z.literal(true),
    minutesEte: z.number().int().describe("ETE minutes on the case after the removal"),
    eteAllowanceMinutes: z.number().int(),
    eteRemainingMinutes: z.number().int(),
    minutesCredited: z.number().int().describe("All minutes credited on the case after the removal"),
    caseStatus: z.enum(["ACTIVE", "COMPLETED", "TERMINATED"]),
  })
  .meta({ title: "RemovedEteCredit" });
export type RemovedEteCreditView = z.input<typeof removedEteCreditView>;

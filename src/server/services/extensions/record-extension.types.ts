import { z } from "zod";
import { isIsoDate } from "@/domain";

// POST /api/v1/cases/{id}/extensions (docs/api.md): grantedOn, newEndDate, court, reason

const isoDate = z.string().refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" });

export const recordExtensionBody = z
  .object({
    grantedOn: isoDate.describe("The day the court granted the extension"),
    newEndDate: isoDate.describe("The new end of the period for the work; must be after the current end date"),
    court: z.string().trim().min(1, "Enter the court").max(200),
    reason: z.string().trim().min(1, "Enter the reason the court gave").max(4000),
  })
  .strict()
  .meta({ title: "ExtensionInput" });

export const recordExtensionInput = recordExtensionBody.extend({ caseId: z.uuid() }).strict();
export type RecordExtensionInput = z.input<typeof recordExtensionInput>;

export const extensionView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    grantedOn: isoDate,
    newEndDate: isoDate,
    court: z.string(),
    reason: z.string(),
    previousEndDate: isoDate.describe("The effective end date before this extension"),
  })
  .meta({ title: "Extension" });

export type ExtensionView = z.input<typeof extensionView>;

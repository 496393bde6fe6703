import { z } from "zod";
import { isIsoDate } from "@/domain";
import { MAX_MINUTES_IN_A_DAY } from "../schemas";

// POST /api/v1/cases/{id}/ete-credits (docs/api.md): date, minutes, activity, provider?

const isoDate = z.string().refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" });

export const creditEteBody = z
  .object({
    date: isoDate.describe("The day of the ETE activity, YYYY-MM-DD"),
    minutes: z
      .number()
      .int("Enter whole minutes")
      .positive("Enter more than 0 minutes")
      .max(MAX_MINUTES_IN_A_DAY, "Enter at most 1,440 minutes (24 hours): one credit is one day's activity"),
    activity: z.string().trim().min(1, "Enter the activity, for example the course name").max(500),
    provider: z.string().trim().max(500).nullish(),
    evidence: z.string().trim().max(2000).nullish().describe("What evidence of the activity was seen"),
  })
  .strict()
  .meta({ title: "EteCreditInput" });

export const creditEteInput = creditEteBody.extend({ caseId: z.uuid() }).strict();
export type CreditEteInput = z.input<typeof creditEteInput>;

export const eteCreditView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    date: isoDate,
    minutes: z.number().int(),
    activity: z.string(),
    provider: z.string().nullable(),
    evidence: z.string().nullable(),
    minutesEte: z.number().int().describe("ETE minutes on the case after this credit"),
    eteAllowanceMinutes: z.number().int(),
    eteRemainingMinutes: z.number().int(),
    minutesCredited: z.number().int().describe("All minutes credited on the case after this credit"),
    caseStatus: z.enum(["ACTIVE", "COMPLETED", "TERMINATED"]),
    version: z.number().int().describe("Send it back to correct or remove the credit (409 if stale)"),
  })
  .meta({ title: "EteCredit" });

export type EteCreditView = z.input<typeof eteCreditView>;

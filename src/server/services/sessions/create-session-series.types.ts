import { z } from "zod";
import { isoDateSchema, optionalText, timeOfDaySchema } from "../schemas";

// A weekly run of sessions of one placement, from a date to a date (at most a year).

export const MAX_SERIES_DAYS = 366;

export const createSessionSeriesInput = z
  .object({
    placementId: z.string(),
    fromDate: isoDateSchema,
    toDate: isoDateSchema,
    weekday: z
      .number()
      .int()
      .min(1)
      .max(7)
      .optional()
      .describe("1 = Monday … 7 = Sunday; defaults to fromDate's weekday"),
    startTime: timeOfDaySchema,
    endTime: timeOfDaySchema,
    supervisorId: z.string().nullish(),
    capacity: z.number().int().min(1).max(100).nullish().describe("Defaults to the placement's capacity"),
    pickUpPoint: optionalText(300),
    pickUpTime: timeOfDaySchema.nullish(),
  })
  .strict()
  .refine((s) => s.toDate >= s.fromDate, {
    path: ["toDate"],
    message: "The last date must be on or after the first date",
  })
  .meta({ title: "SessionSeriesInput" });

export type CreateSessionSeriesInput = z.input<typeof createSessionSeriesInput>;

export type SessionSeriesResult = {
  seriesId: string;
  weekday: number;
  sessions: { id: string; date: string }[];
  /** Dates in the run that are England & Wales bank holidays: no session was created on them. */
  skippedBankHolidays: string[];
  message: string;
};

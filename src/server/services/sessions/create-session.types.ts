import { z } from "zod";
import { isoDateSchema, optionalText, recordIdSchema, timeOfDaySchema } from "../schemas";

// POST /api/v1/sessions (docs/api.md): one session of a placement.

export const createSessionInput = z
  .object({
    placementId: recordIdSchema,
    date: isoDateSchema,
    startTime: timeOfDaySchema,
    endTime: timeOfDaySchema,
    supervisorId: recordIdSchema.nullish(),
    capacity: z.number().int().min(1).max(100).nullish().describe("Defaults to the placement's capacity"),
    pickUpPoint: optionalText(300),
    pickUpTime: timeOfDaySchema.nullish(),
    bankHolidayConfirmed: z
      .boolean()
      .optional()
      .describe("The date is a bank holiday and the session should still go ahead"),
  })
  .strict()
  .meta({ title: "SessionInput" });

export type CreateSessionInput = z.input<typeof createSessionInput>;

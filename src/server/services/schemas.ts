import { z } from "zod";
import { DAY_PARTS, isIsoDate, isTimeOfDay, WEEKDAY_KEYS } from "@/domain";

// zod pieces the services' *.types.ts files share (docs/api.md conventions: dates YYYY-MM-DD,
// times HH:MM). Plain module (no server-only) so forms can validate with the same schemas.

export const isoDateSchema = z.string().refine(isIsoDate, { message: "Enter a real date as YYYY-MM-DD" });
export const timeOfDaySchema = z.string().refine(isTimeOfDay, { message: "Enter a time as HH:MM, for example 09:30" });
export const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** The largest whole number a PostgreSQL `integer` column holds; a larger one would fail in the database, not in validation. */
export const DB_INT_MAX = 2_147_483_647;
/** A record named by id in a body: a UUID, so a malformed one is a 400, not a lookup. */
export const recordIdSchema = z.uuid();
/** A record's `version` as last read, for optimistic locking (a stale one is a 409). */
export const versionSchema = z.number().int("Enter the version as a whole number").positive().max(DB_INT_MAX);
/** Minutes of one person's time on one day: at most 24 hours. */
export const MAX_MINUTES_IN_A_DAY = 24 * 60;

/** The assessment's availability: days of the week → parts of the day, e.g. { "MON": ["AM", "PM"] }. */
export const availabilitySchema = z.partialRecord(
  z.enum(WEEKDAY_KEYS),
  z.array(z.enum(DAY_PARTS)).max(DAY_PARTS.length),
);

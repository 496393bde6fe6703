import { z } from "zod";
import { DAY_PARTS, isIsoDate, isTimeOfDay, WEEKDAY_KEYS } from "@/domain";

// zod pieces the services' *.types.ts files share (api.md conventions: dates YYYY-MM-DD,
// times HH:MM). Plain module (no server-only) so forms can validate with the same schemas.

export const isoDateSchema = z.string().refine(isIsoDate, { message: "Enter a real date as YYYY-MM-DD" });
export const timeOfDaySchema = z.string().refine(isTimeOfDay, { message: "Enter a time as HH:MM, for example 09:30" });
export const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** The assessment's availability: days of the week → parts of the day, e.g. { "MON": ["AM", "PM"] }. */
export const availabilitySchema = z.partialRecord(z.enum(WEEKDAY_KEYS), z.array(z.enum(DAY_PARTS)).max(DAY_PARTS.length));

import { z } from "zod";
import { DAY_PARTS, isIsoDate, WEEKDAY_KEYS } from "@/domain";

// The allocation list's filters (issue 13 §3): a date range, a placement, days of the week and
// parts of the day, and a page. The page reads them from the address; a bad value is ignored.

const isoDate = z.string().refine(isIsoDate, "Enter a real date");

export const sessionFilters = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  placementId: z.uuid().optional(),
  days: z.array(z.enum(WEEKDAY_KEYS)).max(7).optional(),
  parts: z.array(z.enum(DAY_PARTS)).max(3).optional(),
  page: z.number().int().min(1).max(10_000).optional(),
});
export type SessionFilters = z.input<typeof sessionFilters>;

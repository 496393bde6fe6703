import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/domain/dates";

/** An ISO date as a SQL date parameter. */
export const day = (d: IsoDate) => Prisma.sql`${d}::date`;

/**
 * The date a predicate is asked about: an ISO date (dashboards, lists, the case page) or a SQL
 * date expression (the trends ask every month end at once, `m.month_end`).
 */
export type At = IsoDate | Prisma.Sql;

export const at = (d: At): Prisma.Sql => (typeof d === "string" ? day(d) : d);

import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/domain/dates";

/** An ISO date as a SQL date parameter. */
export const day = (d: IsoDate) => Prisma.sql`${d}::date`;

import "server-only";
import { Prisma } from "@/generated/prisma/client";

// Region at a date (docs/decisions/0050-region-transfers.md): a requirement belongs to the region
// it was in on that date. A transfer accepted on day A moves it from A on, so for any date D before
// A it still counts in the region it came from. Written once here; the dashboard figures, their
// lists and the trends read it through the requirement alias `r` and a date expression.

/** Requirements moved by a transfer accepted after D (an InitPlan when D is a constant). */
const movedAfter = (d: Prisma.Sql) =>
  Prisma.sql`ARRAY(SELECT t."requirementId" FROM "RequirementTransfer" t WHERE t."status" = 'ACCEPTED' AND t."acceptedOn" > ${d})`;

/** The requirements moved by a transfer accepted after D, as a SQL array (for an index-friendly OR). */
export const movedAfterSql = movedAfter;

/** The region requirement `r` was in on date D: the origin of its first transfer accepted after D, else its region now. */
export const regionOn = (d: Prisma.Sql) => Prisma.sql`(CASE WHEN r."id" = ANY(${movedAfter(d)}) THEN (
    SELECT t."fromRegionId" FROM "RequirementTransfer" t
    WHERE t."requirementId" = r."id" AND t."status" = 'ACCEPTED' AND t."acceptedOn" > ${d}
    ORDER BY t."acceptedOn", t."decidedAt" LIMIT 1)
  ELSE r."regionId" END)`;

/**
 * The PDU requirement `r` had on date D: the PDU kept by its first transfer accepted after D (the
 * requirement's own PDU is cleared when it moves), else its PDU now.
 */
export const pduOn = (d: Prisma.Sql) => Prisma.sql`(CASE WHEN r."id" = ANY(${movedAfter(d)}) THEN (
    SELECT t."fromPduId" FROM "RequirementTransfer" t
    WHERE t."requirementId" = r."id" AND t."status" = 'ACCEPTED' AND t."acceptedOn" > ${d}
    ORDER BY t."acceptedOn", t."decidedAt" LIMIT 1)
  ELSE r."pduId" END)`;

/**
 * Requirement `r` was in region X on date D. The first half lets PostgreSQL use the region index
 * (only moved requirements need the transfer history); the second half decides.
 */
export const inRegionOn = (regionId: string, d: Prisma.Sql) =>
  Prisma.sql`((r."regionId" = ${regionId}::uuid OR r."id" = ANY(${movedAfter(d)})) AND ${regionOn(d)} = ${regionId}::uuid)`;

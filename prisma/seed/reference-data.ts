// Reference data every installation needs, demo or not: the 12 regions and their PDUs,
// the national risk-code catalogue and the shipped England & Wales bank holidays.
//
// Idempotent: each table is "insert what is missing" (ON CONFLICT DO NOTHING on its natural
// key). Rows that already exist are left alone on purpose — administrators maintain PDUs,
// risk-code guidance and bank holidays, and a re-run of the seed on upgrade must never undo
// their edits (docs/decisions/0004-demo-seed.md).
import type { PrismaClient } from "@/generated/prisma/client";
import { utcDateFromIsoDate } from "@/domain/dates";
import { BANK_HOLIDAYS_2015_2030 } from "@/domain/bank-holidays-data";
import { REGIONS } from "./data/regions";
import { RISK_CODES } from "./data/risk-codes";

/** What `seedReferenceData` inserted this time (0s on a re-run). */
export type ReferenceDataResult = {
  regions: number;
  pdus: number;
  riskCodes: number;
  bankHolidays: number;
};

export async function seedReferenceData(prisma: PrismaClient): Promise<ReferenceDataResult> {
  const regions = await prisma.region.createMany({
    data: REGIONS.map((r) => ({ code: r.code, name: r.name })),
    skipDuplicates: true,
  });

  const regionIds = new Map(
    (await prisma.region.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]),
  );
  const pdus = await prisma.pdu.createMany({
    data: REGIONS.flatMap((r) => {
      const regionId = regionIds.get(r.code);
      if (!regionId) throw new Error(`Region ${r.code} missing after insert`);
      return r.pdus.map((p) => ({ code: p.code, name: p.name, regionId }));
    }),
    skipDuplicates: true,
  });

  const riskCodes = await prisma.riskCode.createMany({
    data: RISK_CODES.map((c) => ({
      code: c.code,
      title: c.title,
      guidance: c.guidance,
      conflictsWith: [...c.conflictsWith],
    })),
    skipDuplicates: true,
  });

  const bankHolidays = await prisma.bankHoliday.createMany({
    data: BANK_HOLIDAYS_2015_2030.map((h) => ({
      date: utcDateFromIsoDate(h.date),
      name: h.name,
      source: "SHIPPED" as const,
    })),
    skipDuplicates: true,
  });

  return {
    regions: regions.count,
    pdus: pdus.count,
    riskCodes: riskCodes.count,
    bankHolidays: bankHolidays.count,
  };
}

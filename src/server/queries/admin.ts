import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { isoDateFromUtcDate, utcDateFromIsoDate } from "@/domain/dates";

// Reads for the administrator's reference-data pages (read-only in issue 2).

export const USERS_PER_PAGE = 50;

/** Everyone who can sign in, active first, grouped by role then name. */
export async function listUsers(options: { page: number }) {
  const [total, users] = await Promise.all([
    db.user.count(),
    db.user.findMany({
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        active: true,
        phone: true,
        region: { select: { name: true } },
        pdu: { select: { name: true } },
      },
      orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
      skip: (options.page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
    }),
  ]);
  return { total, users, pageCount: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
}

/** The national risk-code catalogue, in code order, active codes first. */
export async function listRiskCodes() {
  return db.riskCode.findMany({
    select: { id: true, code: true, title: true, guidance: true, conflictsWith: true, active: true },
    orderBy: [{ active: "desc" }, { code: "asc" }],
  });
}

/** The years that have at least one bank holiday, newest first (for the year filter). */
export async function listBankHolidayYears(): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>(Prisma.sql`
    SELECT DISTINCT EXTRACT(YEAR FROM "date")::int AS year FROM "BankHoliday" ORDER BY year DESC`);
  return rows.map((row) => row.year);
}

/** The bank holidays of one calendar year, in date order, saying who added each. */
export async function listBankHolidays(year: number) {
  const rows = await db.bankHoliday.findMany({
    where: { date: { gte: utcDateFromIsoDate(`${year}-01-01`), lte: utcDateFromIsoDate(`${year}-12-31`) } },
    select: { date: true, name: true, source: true, createdAt: true },
    orderBy: { date: "asc" },
  });
  return rows.map((row) => ({ ...row, date: isoDateFromUtcDate(row.date) }));
}

/** Regions with their rule settings and PDUs, for the administrator's regions page. */
export async function listRegionSettings() {
  return db.region.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      overSubscriptionPercent: true,
      maxPeoplePerSupervisor: true,
      autoEnforcement: true,
      version: true,
      pdus: { select: { code: true, name: true }, orderBy: { name: "asc" } },
    },
    orderBy: { name: "asc" },
  });
}

/** One user as the administrator's user page shows them (never the password hash). */
export async function getUserForAdmin(id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      regionId: true,
      active: true,
      version: true,
      createdAt: true,
      region: { select: { name: true } },
      pdu: { select: { name: true } },
      _count: { select: { signInSessions: { where: { endedAt: null } } } },
    },
  });
}

/** The regions as choices for a form, by name. */
export async function listRegionChoices(): Promise<{ value: string; label: string }[]> {
  const regions = await db.region.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  return regions.map((region) => ({ value: region.id, label: region.name }));
}

/** One risk code for its change page, with how many assessments hold it and how many of those under an earlier wording. */
export async function getRiskCodeForAdmin(id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const riskCode = await db.riskCode.findUnique({
    where: { id },
    select: { id: true, code: true, title: true, guidance: true, conflictsWith: true, active: true, version: true },
  });
  if (!riskCode) return null;
  const [recorded, earlierWording] = await Promise.all([
    db.assessmentRiskCode.count({ where: { riskCodeId: id } }),
    db.assessmentRiskCode.count({
      where: {
        riskCodeId: id,
        OR: [
          { title: { not: riskCode.title } },
          { guidance: { not: riskCode.guidance } },
          { NOT: { conflictsWith: { equals: riskCode.conflictsWith } } },
        ],
      },
    }),
  ]);
  return { ...riskCode, recorded, earlierWording };
}

/** A region's PDUs for the administrator, with how many cases and users each has. */
export async function getRegionPdus(regionId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(regionId)) return null;
  return db.region.findUnique({
    where: { id: regionId },
    select: {
      id: true,
      name: true,
      pdus: {
        select: {
          id: true,
          code: true,
          name: true,
          version: true,
          _count: { select: { requirements: { where: { status: "ACTIVE" } }, users: { where: { active: true } } } },
        },
        orderBy: { name: "asc" },
      },
    },
  });
}

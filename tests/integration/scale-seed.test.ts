// The scale generator (prisma/seed/scale) on a few hundred requirements, in a database of
// its own: counts, every region, the domain rules (the demo seed's consistency checks), the
// states the dashboards need, the sign-ins the benchmark uses, and determinism.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDatabaseIfMissing,
  dropDatabase,
  uniqueDatabaseName,
  withDatabaseName,
} from "../../scripts/db/database-url";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { createPrismaClient, type PrismaClient } from "@/server/db/create-client";
import { readScaleSeed, seedScale, type ScaleResult } from "../../prisma/seed/scale/index";
import { SCALE_SIGN_INS } from "../../prisma/seed/scale/organisation";
import { verifySeedConsistency } from "../../prisma/seed/verify-demo";
import { testDatabaseUrl } from "../support/db";

const TODAY = "2026-11-23";
const made: string[] = [];
const clients: PrismaClient[] = [];

async function freshScaleDatabase(requirements: number): Promise<{ prisma: PrismaClient; result: ScaleResult }> {
  const name = uniqueDatabaseName("cp_test_scale");
  made.push(name);
  const url = withDatabaseName(testDatabaseUrl(), name);
  await createDatabaseIfMissing(url, name);
  await applyMigrations(url);
  const prisma = createPrismaClient(url, { max: 2 });
  clients.push(prisma);
  const result = await seedScale(prisma, url, { requirements, today: TODAY, quiet: true });
  return { prisma, result };
}

const one = async (prisma: PrismaClient, sql: string): Promise<number> => {
  const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT (${sql})::int AS n`);
  return row?.n ?? Number.NaN;
};

let prisma: PrismaClient;
let result: ScaleResult;

beforeAll(async () => {
  ({ prisma, result } = await freshScaleDatabase(400));
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  for (const name of made) await dropDatabase(testDatabaseUrl(), name, "cp_test_");
});

describe("seedScale", () => {
  it("writes the requirements asked for, with dozens of attendance records each, in all 12 regions", async () => {
    expect(await prisma.requirement.count()).toBe(400);
    expect(result.counts.Requirement).toBe(400);
    expect(await prisma.attendance.count()).toBeGreaterThan(400 * 40);
    expect(
      await one(prisma, `SELECT count(DISTINCT g.code) FROM "Requirement" r JOIN "Region" g ON g.id = r."regionId"`),
    ).toBe(12);
    expect(
      await one(prisma, `SELECT count(*) FROM "Requirement" WHERE "sentenceDate" < DATE '${TODAY}' - 900`),
    ).toBeGreaterThan(0);
    expect(
      await one(
        prisma,
        `SELECT count(*) FROM "Requirement" WHERE "sentenceDate" < DATE '${TODAY}' - 1100 OR "sentenceDate" >= DATE '${TODAY}' OR "hoursOrdered" NOT BETWEEN 40 AND 300`,
      ),
    ).toBe(0);
  });

  it("keeps the domain rules: credit within the hours ordered, ETE within 30 %, and every demo-seed consistency check", async () => {
    expect(await one(prisma, `SELECT count(*) FROM "Requirement" WHERE "minutesCredited" > "hoursOrdered" * 60`)).toBe(
      0,
    );
    expect(
      await one(prisma, `SELECT count(*) FROM "Requirement" WHERE "minutesEte" > floor(0.3 * "hoursOrdered" * 60)`),
    ).toBe(0);
    await expect(verifySeedConsistency(prisma, TODAY, "Scale")).resolves.toBeUndefined();
  });

  it("gives every session a supervisor of its PDU who runs no other session at that time", async () => {
    // Issue 13: each placement used to have one fixed supervisor, whose sessions overlapped.
    expect(
      await one(
        prisma,
        `SELECT count(*) FROM "Session" s JOIN "Placement" p ON p.id = s."placementId" LEFT JOIN "User" u ON u.id = s."supervisorId"
          WHERE s.status IN ('SCHEDULED', 'CLOSED') AND (u.id IS NULL OR u.role <> 'SUPERVISOR' OR u."pduId" <> p."pduId")`,
      ),
    ).toBe(0);
    expect(
      await one(
        prisma,
        `SELECT count(*) FROM "Session" s1 JOIN "Session" s2 ON s2."supervisorId" = s1."supervisorId" AND s2.date = s1.date AND s2.id > s1.id
          WHERE s1.status IN ('SCHEDULED', 'CLOSED') AND s2.status IN ('SCHEDULED', 'CLOSED')
            AND s1."startTime" < s2."endTime" AND s2."startTime" < s1."endTime"`,
      ),
    ).toBe(0);
  });

  it("covers the states the dashboards show", async () => {
    const count = (sql: string) => one(prisma, sql);
    expect(await count(`SELECT count(*) FROM "Requirement" WHERE status = 'COMPLETED'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM "Requirement" WHERE status = 'ACTIVE'`)).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) FROM "Requirement" WHERE status = 'TERMINATED' AND "terminationReason" = 'REVOKED'`),
    ).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) FROM "Requirement" WHERE status = 'TERMINATED' AND "terminationReason" = 'EXPIRED_INCOMPLETE'`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) FROM "Requirement" r WHERE r.status = 'ACTIVE' AND (r."sentenceDate" + interval '12 months') < DATE '${TODAY}' AND NOT EXISTS (SELECT 1 FROM "Extension" x WHERE x."requirementId" = r.id) AND NOT EXISTS (SELECT 1 FROM "EnforcementAction" e WHERE e."requirementId" = r.id AND e.type = 'BREACH')`,
      ),
    ).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM "Extension"`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM "EnforcementAction" WHERE type = 'WARNING'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM "EnforcementAction" WHERE type = 'BREACH'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM "EnforcementOutcome"`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM "EteCredit"`)).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) FROM "Review" WHERE "completedOn" IS NULL AND "dueOn" < DATE '${TODAY}'`),
    ).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM "Allocation" WHERE "sessionDate" >= DATE '${TODAY}'`)).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) FROM "Requirement" r WHERE r.status = 'ACTIVE' AND r."sentenceDate" < DATE '${TODAY}' - 60 AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."requirementId" = r.id AND a."sessionDate" > DATE '${TODAY}' - 28)`,
      ),
    ).toBeGreaterThan(0);
  });

  it("creates the benchmark's sign-ins and records what it seeded", async () => {
    const users = await prisma.user.findMany({
      where: { email: { in: [SCALE_SIGN_INS.manager, SCALE_SIGN_INS.national] } },
      select: { role: true, region: { select: { code: true } } },
    });
    expect(users.map((u) => `${u.role}:${u.region?.code ?? "-"}`).sort()).toEqual(["MANAGER:LON", "NATIONAL_LEAD:-"]);
    expect(await readScaleSeed(prisma)).toMatchObject({ requirements: 400, today: TODAY });
  });

  it("is deterministic: the same parameters give the same rows", async () => {
    const fingerprint = (p: PrismaClient) =>
      p.$queryRawUnsafe<{ h: string }[]>(
        `SELECT md5(string_agg(concat_ws('|', id, "sentenceDate", "hoursOrdered", "minutesCredited", status, "completedOn"), ',' ORDER BY id)) AS h FROM "Requirement"`,
      );
    const small = await freshScaleDatabase(60);
    const again = await freshScaleDatabase(60);
    expect(await fingerprint(again.prisma)).toEqual(await fingerprint(small.prisma));
    expect(small.result.counts.Attendance).toBe(again.result.counts.Attendance);
  }, 120_000);
});

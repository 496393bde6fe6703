// The seed: reference data on every install, the demo data set once, deterministic for a
// date, covering every dashboard state in London and Wales, with cached totals that add up.
// Runs in its own database (not the shared test database) because the demo is large and
// other test files count rows in regions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/server/db/create-client";
import { BANK_HOLIDAYS_2015_2030 } from "@/domain/bank-holidays-data";
import {
  createDatabaseIfMissing,
  dropDatabase,
  uniqueDatabaseName,
  withDatabaseName,
} from "../../scripts/db/database-url";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { seed, verifyDemoConsistency, type SeedResult } from "../../prisma/seed/index";
import { DEMO_STATES, countDemoStates } from "../../prisma/seed/demo-state-counts";
import { testDatabaseUrl } from "../support/db";

const TODAY = "2026-11-23";
const PREFIX = "cp_test_";

let prisma: PrismaClient;
let databaseName: string;
let first: SeedResult;
let seedMs: number;

beforeAll(async () => {
  const serverUrl = testDatabaseUrl();
  databaseName = uniqueDatabaseName(`${PREFIX}seed`);
  await createDatabaseIfMissing(serverUrl, databaseName);
  const url = withDatabaseName(serverUrl, databaseName);
  await applyMigrations(url);
  prisma = createPrismaClient(url, { max: 4 });
  const started = performance.now();
  first = await seed(prisma, { demo: true, today: TODAY });
  seedMs = performance.now() - started;
});

afterAll(async () => {
  await prisma?.$disconnect();
  if (databaseName) await dropDatabase(testDatabaseUrl(), databaseName, PREFIX);
});

const count = async (sql: string): Promise<number> => {
  const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(sql);
  return Number(row?.n ?? 0);
};

describe("reference data", () => {
  it("has the 12 regions, each with 3–6 PDUs", async () => {
    const regions = await prisma.region.findMany({
      select: { code: true, _count: { select: { pdus: true } } },
      orderBy: { code: "asc" },
    });
    expect(regions.map((r) => r.code).sort()).toEqual([
      "EM",
      "EOE",
      "GM",
      "KSS",
      "LON",
      "NE",
      "NW",
      "SC",
      "SW",
      "WAL",
      "WM",
      "YH",
    ]);
    for (const r of regions) expect(r._count.pdus, r.code).toBeGreaterThanOrEqual(3);
  });

  it("has the risk-code catalogue with plain guidance and the conflicts R10 checks", async () => {
    const codes = await prisma.riskCode.findMany();
    const byCode = new Map(codes.map((c) => [c.code, c]));
    for (const code of ["RC", "RW", "RS", "VW", "DA", "SO", "MAPPA", "SH", "MED", "SUB", "NA"]) {
      expect(byCode.get(code)?.guidance.length, code).toBeGreaterThan(40);
    }
    expect(byCode.get("RC")?.conflictsWith).toEqual(["CHILDREN_PRESENT"]);
    expect(byCode.get("RW")?.conflictsWith).toEqual(expect.arrayContaining(["FEMALE_ONLY", "LONE_WORKING"]));
    expect(byCode.get("SO")?.conflictsWith).toEqual(expect.arrayContaining(["CHILDREN_PRESENT", "VULNERABLE_ADULTS"]));
    expect(byCode.get("MED")?.conflictsWith).toEqual(["TOOLS"]);
  });

  it("ships the bank holidays 2015–2030", async () => {
    expect(await prisma.bankHoliday.count({ where: { source: "SHIPPED" } })).toBe(BANK_HOLIDAYS_2015_2030.length);
  });
});

describe("demo data", () => {
  it("seeds in well under a minute", () => {
    expect(first.demoSeeded).toBe(true);
    expect(seedMs).toBeLessThan(60_000);
  });

  it("creates the demo sign-ins with their roles and regions", async () => {
    const users = await prisma.user.findMany({
      where: {
        email: {
          in: [
            "coordinator@demo.test",
            "supervisor@demo.test",
            "manager@demo.test",
            "manager.wales@demo.test",
            "national@demo.test",
            "admin@demo.test",
          ],
        },
      },
      select: { email: true, role: true, region: { select: { code: true } } },
    });
    const got = Object.fromEntries(users.map((u) => [u.email, `${u.role}/${u.region?.code ?? "-"}`]));
    expect(got).toEqual({
      "coordinator@demo.test": "COORDINATOR/LON",
      "supervisor@demo.test": "SUPERVISOR/LON",
      "manager@demo.test": "MANAGER/LON",
      "manager.wales@demo.test": "MANAGER/WAL",
      "national@demo.test": "NATIONAL_LEAD/-",
      "admin@demo.test": "ADMIN/-",
    });
  });

  it("staffs every region with a manager, two coordinators and 3–4 supervisors", async () => {
    const rows = await prisma.$queryRawUnsafe<{ code: string; role: string; n: bigint }[]>(
      `SELECT g.code, u.role::text AS role, count(*) AS n FROM "User" u JOIN "Region" g ON g.id = u."regionId" GROUP BY 1, 2`,
    );
    for (const code of ["KSS", "LON", "SC", "EOE", "SW", "WAL", "WM", "EM", "GM", "YH", "NW", "NE"]) {
      const n = (role: string) => Number(rows.find((r) => r.code === code && r.role === role)?.n ?? 0);
      expect([n("MANAGER"), n("COORDINATOR")], code).toEqual([1, 2]);
      expect(n("SUPERVISOR"), code).toBeGreaterThanOrEqual(3);
      expect(n("SUPERVISOR"), code).toBeLessThanOrEqual(4);
    }
  });

  it("has at least 600 requirements, at least 50 in every region and more in London", async () => {
    expect(await prisma.requirement.count()).toBeGreaterThanOrEqual(600);
    const perRegion = await prisma.$queryRawUnsafe<{ code: string; n: bigint }[]>(
      `SELECT g.code, count(r.id) AS n FROM "Region" g LEFT JOIN "Requirement" r ON r."regionId" = g.id GROUP BY g.code`,
    );
    const london = Number(perRegion.find((r) => r.code === "LON")?.n);
    for (const r of perRegion) {
      expect(Number(r.n), r.code).toBeGreaterThanOrEqual(50);
      if (r.code !== "LON") expect(london).toBeGreaterThan(Number(r.n));
    }
  });

  it.each(["LON", "WAL"])("shows every dashboard state in %s", async (region) => {
    const states = await countDemoStates(prisma, region, TODAY);
    const missing = DEMO_STATES.filter((s) => states[s] < 1);
    expect(missing, JSON.stringify(states)).toEqual([]);
  });

  it("gives the demo supervisor sessions today, an open register yesterday and more in the next 14 days", async () => {
    const base = `FROM "Session" s JOIN "User" u ON u.id = s."supervisorId" WHERE u.email = 'supervisor@demo.test'`;
    const booked = `(SELECT count(*) FROM "Allocation" l WHERE l."sessionId" = s.id) > 0`;
    expect(await count(`SELECT count(*) AS n ${base} AND s.date = DATE '${TODAY}' AND ${booked}`)).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n ${base} AND s.date = DATE '${TODAY}' - 1 AND s.status = 'SCHEDULED' AND ${booked}
      AND NOT EXISTS (SELECT 1 FROM "Allocation" l JOIN "Attendance" a ON a."allocationId" = l.id WHERE l."sessionId" = s.id)`),
    ).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) AS n ${base} AND s.date > DATE '${TODAY}' AND s.date <= DATE '${TODAY}' + 14 AND ${booked}`,
      ),
    ).toBeGreaterThanOrEqual(3);
    // People on today's session carry risk codes the supervisor needs to see.
    expect(
      await count(`SELECT count(DISTINCT arc."riskCodeId") AS n FROM "Session" s JOIN "User" u ON u.id = s."supervisorId"
      JOIN "Allocation" l ON l."sessionId" = s.id JOIN "Assessment" x ON x."requirementId" = l."requirementId"
      JOIN "AssessmentRiskCode" arc ON arc."assessmentId" = x.id
      WHERE u.email = 'supervisor@demo.test' AND s.date = DATE '${TODAY}'`),
    ).toBeGreaterThan(0);
  });

  it("never gives a supervisor two sessions at once (SUPERVISOR_DOUBLE_BOOKED would accept the seed)", async () => {
    // Issue 13: the demo supervisor used to run eight sessions at once.
    const clashes = await prisma.$queryRawUnsafe<{ email: string; date: Date; a: string; b: string }[]>(
      `SELECT u.email, s1.date, s1."startTime" || '-' || s1."endTime" AS a, s2."startTime" || '-' || s2."endTime" AS b
         FROM "Session" s1 JOIN "Session" s2 ON s2."supervisorId" = s1."supervisorId" AND s2.date = s1.date AND s2.id > s1.id
         JOIN "User" u ON u.id = s1."supervisorId"
        WHERE s1.status IN ('SCHEDULED', 'CLOSED') AND s2.status IN ('SCHEDULED', 'CLOSED')
          AND s1."startTime" < s2."endTime" AND s2."startTime" < s1."endTime"
        LIMIT 5`,
    );
    expect(clashes).toEqual([]);
  });

  it("has cached totals and rows that agree (verifyDemoConsistency)", async () => {
    await expect(verifyDemoConsistency(prisma)).resolves.toBeUndefined();
  });

  it("does not duplicate anything when seeded again", async () => {
    const tables = [
      "Region",
      "Pdu",
      "RiskCode",
      "BankHoliday",
      "User",
      "Placement",
      "Session",
      "Person",
      "Requirement",
      "Attendance",
      "AppSetting",
    ];
    const before = await Promise.all(tables.map((t) => count(`SELECT count(*) AS n FROM "${t}"`)));
    const again = await seed(prisma, { demo: true, today: TODAY });
    expect(again.demoSeeded).toBe(false);
    expect(again.reference).toEqual({ regions: 0, pdus: 0, riskCodes: 0, bankHolidays: 0 });
    const after = await Promise.all(tables.map((t) => count(`SELECT count(*) AS n FROM "${t}"`)));
    expect(after).toEqual(before);
  });
});

// Writes the planned demo in one transaction. Each table goes in as one statement per
// 5,000 rows: the rows travel as a single JSON parameter that PostgreSQL expands with
// json_populate_recordset. Prisma's createMany took ~60 s for the demo's ~40,000 rows
// through the pg adapter; this takes a second or two. An advisory lock makes two seeders
// started at once run one after the other; the second sees `demo_seeded_at` and stops.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/create-client";
import type { IsoDate } from "@/domain/dates";
import type { DemoRows } from "./types";

const DEMO_SEED_LOCK = 7_406_211;
const CHUNK = 5_000;

/** Tables whose `updatedAt` Prisma fills in (no database default), so raw inserts must. */
const STAMPED = new Set(["User", "Person", "Requirement", "Assessment", "Attendance"]);

async function bulkInsert(tx: Tx, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date();
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (STAMPED.has(table)) columns.push("updatedAt");
  // Every row names the same columns: a key left out would be NULL here, not the column default.
  const list = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((row) => (STAMPED.has(table) ? { ...row, updatedAt: now } : row));
    // Table and column names come from our own row objects, never from input.
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      JSON.stringify(chunk),
    );
  }
}

export async function insertDemoRows(
  prisma: PrismaClient,
  rows: DemoRows,
  keys: { today: IsoDate; seededAtKey: string; seedDateKey: string },
): Promise<boolean> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK})`;
      if (await tx.appSetting.findUnique({ where: { key: keys.seededAtKey } })) return false;
      const inOrder: [string, readonly object[]][] = [
        ["User", rows.users],
        ["Beneficiary", rows.beneficiaries],
        ["Placement", rows.placements],
        ["Session", rows.sessions],
        ["Person", rows.people],
        ["Order", rows.orders],
        ["Requirement", rows.requirements],
        ["RequirementAccess", rows.access],
        ["Assessment", rows.assessments],
        ["AssessmentRiskCode", rows.assessmentRiskCodes],
        ["Allocation", rows.allocations],
        ["Attendance", rows.attendances],
        ["EteCredit", rows.eteCredits],
        ["EnforcementAction", rows.enforcementActions],
        ["EnforcementOutcome", rows.enforcementOutcomes],
        ["Extension", rows.extensions],
        ["Review", rows.reviews],
        ["Approval", rows.approvals],
        ["CaseNote", rows.notes],
        ["Incident", rows.incidents],
      ];
      for (const [table, tableRows] of inOrder) await bulkInsert(tx, table, tableRows);
      await tx.appSetting.createMany({
        data: [
          { key: keys.seededAtKey, value: new Date().toISOString() },
          { key: keys.seedDateKey, value: keys.today },
        ],
      });
      return true;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

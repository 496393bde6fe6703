// Asserts, in SQL, that the demo's cached totals and rows obey the rules they stand for:
// Requirement.minutesCredited/minutesEte/commencedOn/completedOn/status equal what the
// attendance and ETE rows add up to (R6–R8), credits follow R7, no outcome on a future
// session and one on every past booking, capacity and the 12-month rule hold, no supervisor runs
// two sessions at once. Throws with every failed check and a sample of offending ids.
import type { PrismaClient } from "@/generated/prisma/client";
import { DEMO_SEED_DATE_KEY } from "./demo";

type Check = { name: string; sql: string };

const effectiveEnd = `coalesce((SELECT max(e."newEndDate") FROM "Extension" e WHERE e."requirementId" = r.id), (r."sentenceDate" + interval '12 months')::date)`;

function checks(today: string | null): Check[] {
  const list: Check[] = [
    {
      name: "minutesCredited = work + ETE minutes",
      sql: `SELECT r.id FROM "Requirement" r WHERE r."minutesCredited" <> coalesce((SELECT sum(a."minutesCredited") FROM "Attendance" a WHERE a."requirementId" = r.id), 0) + coalesce((SELECT sum(e.minutes) FROM "EteCredit" e WHERE e."requirementId" = r.id), 0)`,
    },
    {
      name: "minutesEte = ETE credits",
      sql: `SELECT r.id FROM "Requirement" r WHERE r."minutesEte" <> coalesce((SELECT sum(e.minutes) FROM "EteCredit" e WHERE e."requirementId" = r.id), 0)`,
    },
    {
      name: "R6: ETE within 30 % and only when eligible",
      sql: `SELECT r.id FROM "Requirement" r LEFT JOIN "Assessment" s ON s."requirementId" = r.id WHERE r."minutesEte" > floor(0.3 * r."hoursOrdered" * 60) OR (r."minutesEte" > 0 AND NOT coalesce(s."eteEligible", false))`,
    },
    {
      name: "commencedOn = first attended work session (not an induction)",
      sql: `SELECT r.id FROM "Requirement" r WHERE r."commencedOn" IS DISTINCT FROM (SELECT min(a."sessionDate") FROM "Attendance" a JOIN "Allocation" al ON al.id = a."allocationId" JOIN "Session" s ON s.id = al."sessionId" JOIN "Placement" p ON p.id = s."placementId" WHERE a."requirementId" = r.id AND a.outcome::text LIKE 'ATTENDED_%' AND p.type <> 'INDUCTION')`,
    },
    {
      name: "COMPLETED ⇔ minutes credited = hours ordered × 60, with completedOn = last credit",
      sql: `SELECT r.id FROM "Requirement" r WHERE (r.status = 'COMPLETED') <> (r."minutesCredited" = r."hoursOrdered" * 60) OR (r.status = 'COMPLETED' AND r."completedOn" IS DISTINCT FROM greatest((SELECT max(a."sessionDate") FROM "Attendance" a WHERE a."requirementId" = r.id AND a."minutesCredited" > 0), (SELECT max(e.date) FROM "EteCredit" e WHERE e."requirementId" = r.id))) OR (r.status <> 'COMPLETED' AND r."completedOn" IS NOT NULL) OR r."minutesCredited" > r."hoursOrdered" * 60`,
    },
    {
      name: "TERMINATED has a reason and a date; others have neither",
      sql: `SELECT r.id FROM "Requirement" r WHERE (r.status = 'TERMINATED') <> (r."terminationReason" IS NOT NULL AND r."terminatedOn" IS NOT NULL)`,
    },
    {
      name: "R7: credit = (left − arrived) − penalty within the session; absences credit nothing",
      sql: `SELECT a.id FROM "Attendance" a JOIN "Allocation" l ON l.id = a."allocationId" JOIN "Session" s ON s.id = l."sessionId" WHERE CASE WHEN a.outcome::text LIKE 'ATTENDED_%' THEN a."arrivedAt" IS NULL OR a."leftAt" IS NULL OR a."minutesCredited" <> extract(epoch FROM a."leftAt"::time - a."arrivedAt"::time) / 60 - a."penaltyMinutes" OR a."minutesCredited" > extract(epoch FROM s."endTime"::time - s."startTime"::time) / 60 OR a."arrivedAt" < s."startTime" OR a."leftAt" > s."endTime" OR a."minutesCredited" < 0 OR a."workQuality" IS NULL OR a.behaviour IS NULL ELSE a."minutesCredited" <> 0 OR a."reasonCategory" IS NULL AND a.outcome = 'ACCEPTABLE_ABSENCE' END`,
    },
    {
      name: "Attendance matches its allocation",
      sql: `SELECT a.id FROM "Attendance" a JOIN "Allocation" l ON l.id = a."allocationId" WHERE l."requirementId" <> a."requirementId" OR l."sessionDate" <> a."sessionDate"`,
    },
    {
      name: "Allocation date matches its session",
      sql: `SELECT l.id FROM "Allocation" l JOIN "Session" s ON s.id = l."sessionId" WHERE l."sessionDate" <> s.date`,
    },
    {
      name: "R10: allocations within capacity × over-subscription",
      sql: `SELECT s.id FROM "Session" s JOIN "Placement" p ON p.id = s."placementId" JOIN "Region" g ON g.id = p."regionId" WHERE (SELECT count(*) FROM "Allocation" l WHERE l."sessionId" = s.id AND l.status = 'BOOKED') > s.capacity * g."overSubscriptionPercent" / 100`,
    },
    {
      name: "R10: one session a day per person",
      sql: `SELECT l."requirementId" FROM "Allocation" l WHERE l.status = 'BOOKED' GROUP BY l."requirementId", l."sessionDate" HAVING count(*) > 1`,
    },
    {
      name: "R3: no session after the effective end date",
      sql: `SELECT l.id FROM "Allocation" l JOIN "Requirement" r ON r.id = l."requirementId" WHERE l."sessionDate" > ${effectiveEnd}`,
    },
    {
      name: "R7: nothing booked after completion",
      sql: `SELECT l.id FROM "Allocation" l JOIN "Requirement" r ON r.id = l."requirementId" WHERE r.status = 'COMPLETED' AND l."sessionDate" > r."completedOn"`,
    },
    {
      name: "R8: 3rd+ accepted absence needs approval",
      sql: `SELECT a.id FROM "Attendance" a WHERE a.outcome = 'ACCEPTABLE_ABSENCE' AND a."reasonCategory" <> 'STOOD_DOWN' AND a."approvalState" = 'NOT_NEEDED' AND (SELECT count(*) FROM "Attendance" b WHERE b."requirementId" = a."requirementId" AND b.outcome = 'ACCEPTABLE_ABSENCE' AND b."reasonCategory" <> 'STOOD_DOWN' AND (b."sessionDate", b.id) <= (a."sessionDate", a.id)) >= 3`,
    },
    {
      name: "Pending approval state has a pending Approval",
      sql: `SELECT a.id FROM "Attendance" a WHERE a."approvalState" = 'PENDING' AND NOT EXISTS (SELECT 1 FROM "Approval" p WHERE p."attendanceId" = a.id AND p.status = 'PENDING')`,
    },
    {
      name: "SUPERVISOR_DOUBLE_BOOKED: no supervisor runs two live sessions at once",
      sql: `SELECT s1.id FROM "Session" s1 JOIN "Session" s2 ON s2."supervisorId" = s1."supervisorId" AND s2.date = s1.date AND s2.id <> s1.id WHERE s1.status IN ('SCHEDULED', 'CLOSED') AND s2.status IN ('SCHEDULED', 'CLOSED') AND s1."startTime" < s2."endTime" AND s2."startTime" < s1."endTime"`,
    },
    {
      name: "Assessment complete before any allocation",
      sql: `SELECT l.id FROM "Allocation" l JOIN "Assessment" s ON s."requirementId" = l."requirementId" WHERE NOT s.complete`,
    },
  ];
  if (today) {
    list.push(
      {
        name: "R7: no outcome on a session from today on",
        sql: `SELECT a.id FROM "Attendance" a WHERE a."sessionDate" >= DATE '${today}'`,
      },
      {
        name: "R7: every past booking has an outcome (except open registers)",
        sql: `SELECT l.id FROM "Allocation" l JOIN "Session" s ON s.id = l."sessionId" WHERE l.status = 'BOOKED' AND s.date < DATE '${today}' AND s.status <> 'SCHEDULED' AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."allocationId" = l.id)`,
      },
      {
        name: "Only recent registers are still open",
        sql: `SELECT s.id FROM "Session" s WHERE s.status = 'SCHEDULED' AND s.date < DATE '${today}' - 7`,
      },
    );
  }
  return list;
}

export async function verifyDemoConsistency(prisma: PrismaClient): Promise<void> {
  const setting = await prisma.appSetting.findUnique({ where: { key: DEMO_SEED_DATE_KEY } });
  const today = setting && /^\d{4}-\d{2}-\d{2}$/.test(setting.value) ? setting.value : null;
  await verifySeedConsistency(prisma, today, "Demo");
}

/** The same checks for any seeded data set built for `today` (the scale seed uses it too). */
export async function verifySeedConsistency(prisma: PrismaClient, today: string | null, label: string): Promise<void> {
  const failures: string[] = [];
  for (const check of checks(today)) {
    const offending = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT x.* FROM (${check.sql}) x LIMIT 5`);
    if (offending.length > 0)
      failures.push(`${check.name}: e.g. ${offending.map((o) => Object.values(o)[0]).join(", ")}`);
  }
  if (failures.length > 0) throw new Error(`${label} data is inconsistent:\n- ${failures.join("\n- ")}`);
}

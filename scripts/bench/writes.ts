// Writes for `npm run bench` (issue 15): a steady stream of realistic writes spread over the
// regions while the dashboards are measured, and the supervisors' peak ("attendance writes"):
// many supervisors recording their registers through the API and closing them at once while
// managers load dashboards. Not run in CI.
import os from "node:os";
import type { PrismaClient } from "../../src/server/db/create-client";
import { SCALE_PASSWORD } from "../../prisma/seed/scale/organisation";
import { measure, percentile, type LoadResult } from "./measure";
import { apiToken } from "./sign-in";

type Pick = { requirementId: string; orderId: string; regionCode: string };

/**
 * Every `everyMs` one write, in turn: an ETE credit, a correction of a recorded attendance, an
 * extension, a warning, and a stand-down (a recorded attendance changed to "sent home, service"),
 * each on a requirement drawn at random from every region. Straight SQL on the database (no
 * HTTP): the same triggers fire as for a command, so each moves its region's data version.
 */
export async function startFigureWriter(prisma: PrismaClient, asOf: string, everyMs: number) {
  const picks = await prisma.$queryRaw<Pick[]>`
    SELECT r."id"::text AS "requirementId", r."orderId"::text AS "orderId", g."code" AS "regionCode"
    FROM "Requirement" r JOIN "Region" g ON g."id" = r."regionId" WHERE r."status" = 'ACTIVE' ORDER BY random() LIMIT 500`;
  const attendances = await prisma.$queryRaw<{ id: string }[]>`
    SELECT a."id"::text AS id FROM "Attendance" a WHERE a."sessionDate" BETWEEN ${asOf}::date - 20 AND ${asOf}::date - 1
      AND a."outcome" = 'ATTENDED_COMPLIED' ORDER BY random() LIMIT 500`;
  const kinds = ["ete", "correction", "extension", "warning", "standDown"] as const;
  const counts: Record<string, number> = { errors: 0 };
  const byRegion = new Map<string, number>();
  let i = 0;
  const write = async () => {
    const kind = kinds[i % kinds.length] ?? "ete";
    const pick = picks[i % picks.length];
    const attendance = attendances[i % attendances.length];
    i++;
    if (!pick || !attendance) return;
    if (kind === "ete") {
      await prisma.$executeRaw`INSERT INTO "EteCredit" ("requirementId", "date", "minutes", "activity") VALUES (${pick.requirementId}::uuid, ${asOf}::date - 1, 60, 'Bench course')`;
    } else if (kind === "correction") {
      await prisma.$executeRaw`UPDATE "Attendance" SET "note" = 'Corrected by the bench', "version" = "version" + 1 WHERE "id" = ${attendance.id}::uuid`;
    } else if (kind === "extension") {
      await prisma.$executeRaw`INSERT INTO "Extension" ("requirementId", "grantedOn", "newEndDate", "court", "reason")
        VALUES (${pick.requirementId}::uuid, ${asOf}::date, ${asOf}::date + 120, 'Bench Magistrates'' Court', 'More time (bench)')`;
    } else if (kind === "warning") {
      await prisma.$executeRaw`INSERT INTO "EnforcementAction" ("requirementId", "orderId", "type", "date", "failureDate", "failureDescription")
        VALUES (${pick.requirementId}::uuid, ${pick.orderId}::uuid, 'WARNING', ${asOf}::date, ${asOf}::date - 1, 'Late (bench)')`;
    } else {
      await prisma.$executeRaw`UPDATE "Attendance" SET "outcome" = 'ATTENDED_SENT_HOME_SERVICE', "version" = "version" + 1 WHERE "id" = ${attendance.id}::uuid`;
    }
    counts[kind] = (counts[kind] ?? 0) + 1;
    byRegion.set(pick.regionCode, (byRegion.get(pick.regionCode) ?? 0) + 1);
  };
  const timer = setInterval(() => {
    write().catch((error: unknown) => {
      counts.errors = (counts.errors ?? 0) + 1;
      console.error("bench writer:", error instanceof Error ? error.message : error);
    });
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { ...counts, regions: byRegion.size };
    },
  };
}

export type PeakResult = {
  name: string;
  supervisors: number;
  seconds: number;
  writes: number;
  writesPerSecond: number;
  errors: number;
  errorStatuses: Record<string, number>;
  deadlocks: number;
  recordP50: number;
  recordP95: number;
  closeP95: number;
  allP95: number;
  max: number;
  dashboards: LoadResult[];
  loadAverage: number[];
};

/**
 * "attendance writes": `supervisors` supervisors, each with today's session in the scale seed,
 * sign in (bearer token), then — each starting at a random moment in the first 80 % of
 * `seconds` — record everyone booked on their register (PUT …/attendance/{caseId}, attended and
 * complied; the seed's biggest sessions of the day, 4 to 10 people, about 6 on average with the
 * close) a few seconds apart and close the session (POST …/close), while managers load the
 * API summary for London and the nation. Deadlocks are PostgreSQL's own count (40P01) for the
 * database, before and after. It records real attendance: each run uses registers still open.
 * (Recording only the first 6 left bigger registers incomplete, and their close was refused, 422.)
 */
export async function runAttendancePeak(
  prisma: PrismaClient,
  baseUrl: string,
  options: {
    asOf: string;
    supervisors: number;
    seconds: number;
    dashboards: { name: string; url: string; headers: Record<string, string> }[];
  },
): Promise<PeakResult> {
  const sessions = await prisma.$queryRaw<{ sessionId: string; email: string; caseIds: string[] }[]>`
    SELECT s."id"::text AS "sessionId", u."email", array_agg(al."requirementId"::text ORDER BY al."id") AS "caseIds"
    FROM "Session" s JOIN "User" u ON u."id" = s."supervisorId"
    JOIN "Allocation" al ON al."sessionId" = s."id" AND al."status" = 'BOOKED'
    WHERE s."date" = ${options.asOf}::date AND s."status" = 'SCHEDULED'
      AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."allocationId" = al."id")
    GROUP BY s."id", u."email" ORDER BY count(*) DESC, s."id" LIMIT ${options.supervisors}`;
  if (sessions.length === 0)
    throw new Error(
      `No open register on ${options.asOf} with a supervisor: the attendance-writes row needs a fresh scale seed`,
    );
  console.log(`  signing in ${sessions.length} supervisors…`);
  const tokens = new Map<string, string>();
  for (const email of new Set(sessions.map((s) => s.email)))
    tokens.set(email, await apiToken(baseUrl, email, SCALE_PASSWORD));

  const deadlocks = async () =>
    Number(
      (
        await prisma.$queryRaw<
          { n: bigint }[]
        >`SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`
      )[0]?.n ?? 0,
    );
  const deadlocksBefore = await deadlocks();
  const records: number[] = [];
  const closes: number[] = [];
  const errorStatuses: Record<string, number> = {};
  const timed = async (into: number[], url: string, init: RequestInit) => {
    const started = performance.now();
    try {
      const response = await fetch(url, init);
      await response.arrayBuffer();
      into.push(performance.now() - started);
      if (!response.ok) errorStatuses[String(response.status)] = (errorStatuses[String(response.status)] ?? 0) + 1;
    } catch (error) {
      into.push(performance.now() - started);
      const key = error instanceof Error ? error.message : "error";
      errorStatuses[key] = (errorStatuses[key] ?? 0) + 1;
    }
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const spanMs = options.seconds * 1000;
  const supervisor = async (s: (typeof sessions)[number], index: number) => {
    const headers = { authorization: `Bearer ${tokens.get(s.email) ?? ""}`, "content-type": "application/json" };
    await sleep((((index * 7919) % 1000) / 1000) * spanMs * 0.8);
    const gap = (spanMs * 0.2) / (s.caseIds.length + 1);
    for (const caseId of s.caseIds) {
      await timed(records, `${baseUrl}/api/v1/sessions/${s.sessionId}/attendance/${caseId}`, {
        method: "PUT",
        headers: { ...headers, "idempotency-key": `bench-${s.sessionId}-${caseId}` },
        body: JSON.stringify({ outcome: "ATTENDED_COMPLIED", workQuality: "GOOD", behaviour: "GOOD" }),
      });
      await sleep(gap);
    }
    await timed(closes, `${baseUrl}/api/v1/sessions/${s.sessionId}/close`, {
      method: "POST",
      headers: { ...headers, "idempotency-key": `bench-close-${s.sessionId}` },
      body: JSON.stringify({}),
    });
  };
  const started = performance.now();
  const [dashboards] = await Promise.all([
    Promise.all(
      options.dashboards.map((d) =>
        measure(`${d.name}, during the peak`, d.url, d.headers, { connections: 2, seconds: options.seconds }),
      ),
    ),
    Promise.all(sessions.map((s, i) => supervisor(s, i))),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  const all = [...records, ...closes].sort((a, b) => a - b);
  records.sort((a, b) => a - b);
  closes.sort((a, b) => a - b);
  return {
    name: "attendance writes",
    supervisors: sessions.length,
    seconds: Math.round(elapsed),
    writes: all.length,
    writesPerSecond: all.length / elapsed,
    errors: Object.values(errorStatuses).reduce((a, b) => a + b, 0),
    errorStatuses,
    deadlocks: (await deadlocks()) - deadlocksBefore,
    recordP50: percentile(records, 50),
    recordP95: percentile(records, 95),
    closeP95: percentile(closes, 95),
    allP95: percentile(all, 95),
    max: all[all.length - 1] ?? Number.NaN,
    dashboards,
    loadAverage: os.loadavg(),
  };
}

// How many of a region's requirements are in each state the dashboards show (docs/domain.md §4–§5),
// computed in SQL from the rows, as of a date. The seed test uses it to prove the demo
// covers every state; `scripts/db/seed.ts --demo` prints it for London.
import type { PrismaClient } from "@/generated/prisma/client";
import type { IsoDate } from "@/domain/dates";

export const DEMO_STATES = [
  "new_awaiting_assessment",
  "awaiting_first_session",
  "late_start",
  "active_on_track",
  "near_end_red",
  "near_end_amber",
  "near_end_green",
  "backlog",
  "dormant",
  "extended",
  "in_breach",
  "under_warrant",
  "completed",
  "revoked",
  "expired_incomplete",
  "expired_incomplete_sso",
  "ete_users",
  "ete_full_30",
  "warning_in_12_months",
  "accepted_absences",
  "third_absence_pending",
  "review_overdue",
  "review_done",
  "case_notes",
  "sensitive_notes",
  "incidents",
  "restricted",
] as const;
export type DemoState = (typeof DEMO_STATES)[number];

const SQL = `
WITH r AS (
  SELECT q.*, s.complete AS assessed,
    coalesce((SELECT max(e."newEndDate") FROM "Extension" e WHERE e."requirementId" = q.id), (q."sentenceDate" + interval '12 months')::date) AS effective_end,
    EXISTS (SELECT 1 FROM "EnforcementAction" a WHERE a."requirementId" = q.id AND a.type = 'BREACH'
      AND NOT EXISTS (SELECT 1 FROM "EnforcementOutcome" o WHERE o."actionId" = a.id)) AS in_breach,
    EXISTS (SELECT 1 FROM "EnforcementAction" a WHERE a."requirementId" = q.id AND a.type = 'BREACH'
      AND EXISTS (SELECT 1 FROM "EnforcementOutcome" o WHERE o."actionId" = a.id AND o.outcome = 'WARRANT_ISSUED')
      AND NOT EXISTS (SELECT 1 FROM "EnforcementOutcome" o WHERE o."actionId" = a.id AND o.outcome = 'WARRANT_EXECUTED')) AS under_warrant,
    (SELECT d FROM (SELECT g::date AS d, row_number() OVER (ORDER BY g) AS n FROM generate_series(q."sentenceDate" + 1, q."sentenceDate" + 60, interval '1 day') g
      WHERE extract(isodow FROM g) < 6 AND g::date NOT IN (SELECT date FROM "BankHoliday")) w WHERE n = 15) AS start_deadline,
    coalesce((SELECT sum(a."minutesCredited") FROM "Attendance" a WHERE a."requirementId" = q.id AND a."sessionDate" > $2::date - 56), 0)
      + coalesce((SELECT sum(e.minutes) FROM "EteCredit" e WHERE e."requirementId" = q.id AND e.date > $2::date - 56), 0) AS last_8_weeks
  FROM "Requirement" q JOIN "Region" g ON g.id = q."regionId" LEFT JOIN "Assessment" s ON s."requirementId" = q.id
  WHERE g.code = $1
), a AS (
  SELECT r.*, r.status = 'ACTIVE' AS active, r."hoursOrdered" * 60 - r."minutesCredited" AS outstanding,
    r.effective_end - $2::date AS days_left, (r.in_breach OR r.under_warrant) AS proceedings,
    NOT EXISTS (SELECT 1 FROM "Attendance" t WHERE t."requirementId" = r.id AND t."sessionDate" > $2::date - 28 AND t."sessionDate" <= $2::date)
      AND NOT EXISTS (SELECT 1 FROM "EteCredit" e WHERE e."requirementId" = r.id AND e.date > $2::date - 28 AND e.date <= $2::date) AS quiet
  FROM r
)
SELECT
  count(*) FILTER (WHERE active AND NOT coalesce(assessed, false)) AS new_awaiting_assessment,
  count(*) FILTER (WHERE active AND assessed AND "commencedOn" IS NULL) AS awaiting_first_session,
  count(*) FILTER (WHERE "commencedOn" > start_deadline AND EXISTS (SELECT 1 FROM "Allocation" l WHERE l."requirementId" = a.id AND l."lateStartReason" IS NOT NULL)) AS late_start,
  count(*) FILTER (WHERE active AND "commencedOn" IS NOT NULL AND NOT quiet AND NOT proceedings AND days_left > 56) AS active_on_track,
  count(*) FILTER (WHERE active AND outstanding > 0 AND days_left BETWEEN 0 AND 28) AS near_end_red,
  count(*) FILTER (WHERE active AND outstanding > 0 AND days_left BETWEEN 29 AND 56 AND last_8_weeks / 56.0 * days_left < outstanding) AS near_end_amber,
  count(*) FILTER (WHERE active AND outstanding > 0 AND days_left BETWEEN 29 AND 56 AND last_8_weeks / 56.0 * days_left >= outstanding) AS near_end_green,
  count(*) FILTER (WHERE active AND $2::date > ("sentenceDate" + interval '12 months')::date AND NOT proceedings
    AND NOT EXISTS (SELECT 1 FROM "Extension" e WHERE e."requirementId" = a.id AND e."newEndDate" >= $2::date)) AS backlog,
  count(*) FILTER (WHERE active AND "sentenceDate" <= $2::date - 28 AND NOT proceedings AND quiet) AS dormant,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Extension" e WHERE e."requirementId" = a.id)) AS extended,
  count(*) FILTER (WHERE active AND in_breach) AS in_breach,
  count(*) FILTER (WHERE active AND under_warrant) AS under_warrant,
  count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
  count(*) FILTER (WHERE status = 'TERMINATED' AND "terminationReason" = 'REVOKED') AS revoked,
  count(*) FILTER (WHERE status = 'TERMINATED' AND "terminationReason" = 'EXPIRED_INCOMPLETE') AS expired_incomplete,
  count(*) FILTER (WHERE status = 'TERMINATED' AND "terminationReason" = 'EXPIRED_INCOMPLETE' AND "orderType" = 'SUSPENDED_SENTENCE_ORDER') AS expired_incomplete_sso,
  count(*) FILTER (WHERE "minutesEte" > 0) AS ete_users,
  count(*) FILTER (WHERE "minutesEte" > 0 AND "minutesEte" = floor(0.3 * "hoursOrdered" * 60)) AS ete_full_30,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "EnforcementAction" w WHERE w."requirementId" = a.id AND w.type = 'WARNING' AND w.date > $2::date - 365)) AS warning_in_12_months,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Attendance" t WHERE t."requirementId" = a.id AND t.outcome = 'ACCEPTABLE_ABSENCE' AND t."reasonCategory" <> 'STOOD_DOWN')) AS accepted_absences,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Approval" p JOIN "Attendance" t ON t.id = p."attendanceId" WHERE p."requirementId" = a.id AND p.kind = 'ACCEPTED_ABSENCE' AND p.status = 'PENDING' AND t."approvalState" = 'PENDING')) AS third_absence_pending,
  count(*) FILTER (WHERE active AND EXISTS (SELECT 1 FROM "Review" v WHERE v."requirementId" = a.id AND v."dueOn" < $2::date AND v."completedOn" IS NULL)) AS review_overdue,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Review" v WHERE v."requirementId" = a.id AND v."completedOn" IS NOT NULL)) AS review_done,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "CaseNote" n WHERE n."requirementId" = a.id)) AS case_notes,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "CaseNote" n WHERE n."requirementId" = a.id AND n.sensitive)) AS sensitive_notes,
  (SELECT count(*) FROM "Incident" i JOIN "Session" s ON s.id = i."sessionId" JOIN "Placement" p ON p.id = s."placementId" JOIN "Region" g ON g.id = p."regionId" WHERE g.code = $1) AS incidents,
  count(*) FILTER (WHERE restricted AND EXISTS (SELECT 1 FROM "RequirementAccess" x WHERE x."requirementId" = a.id)) AS restricted
FROM a`;

export async function countDemoStates(
  prisma: PrismaClient,
  regionCode: string,
  asOf: IsoDate,
): Promise<Record<DemoState, number>> {
  const [row] = await prisma.$queryRawUnsafe<Record<DemoState, bigint>[]>(SQL, regionCode, asOf);
  if (!row) throw new Error("State count query returned no row");
  return Object.fromEntries(DEMO_STATES.map((state) => [state, Number(row[state])])) as Record<DemoState, number>;
}

import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/domain/dates";
import { CLOSING_OUTCOMES } from "@/domain/enforcement";
import { ATTENDANCE_OUTCOMES, OUTCOME_INFO } from "@/domain/attendance-outcomes";
import { day } from "./sql";

// ───────────────────────────── shared predicates

/** Requirement ACTIVE on D (domain `statusOn`): sentenced by D and not completed or terminated by D. */
export const activeOn = (d: IsoDate) => Prisma.sql`(r."sentenceDate" <= ${day(d)}
  AND (r."status" = 'ACTIVE'
       OR (CASE r."status" WHEN 'COMPLETED' THEN r."completedOn" ELSE r."terminatedOn" END) > ${day(d)}))`;

/** Open breach on D (domain `breachStateOn`): a breach started by D and not closed by a court outcome by D. A warrant implies one. */
export const inBreachOrWarrantOn = (d: IsoDate) => Prisma.sql`EXISTS (
  SELECT 1 FROM "EnforcementAction" ea
  WHERE ea."requirementId" = r."id" AND ea."type" = 'BREACH' AND ea."status" = 'ACTIVE' AND ea."date" <= ${day(d)}
    AND NOT EXISTS (SELECT 1 FROM "EnforcementOutcome" eo
                    WHERE eo."actionId" = ea."id" AND eo."date" <= ${day(d)}
                      AND eo."outcome"::text = ANY(${[...CLOSING_OUTCOMES]}::text[])))`;

/** R8 → R9: the outcomes that are a failure to comply in themselves (domain OUTCOME_INFO). */
const FAILURE_OUTCOMES: string[] = ATTENDANCE_OUTCOMES.filter((o) => OUTCOME_INFO[o].failureToComply);

/**
 * R9: attendance `a` is a failure to comply (isFailureToComply: a failing outcome, or a 3rd+
 * absence a manager rejected) dated by D that no standing warning or breach dated by D answers.
 * Callers add the requirement's side (active, not already in breach). Every list of failures
 * awaiting action — work queue, case page, case list, dashboard — reads this.
 */
export const failureAwaitingActionOn = (d: IsoDate) => Prisma.sql`(
  (a."outcome"::text = ANY(${FAILURE_OUTCOMES}::text[]) OR (a."outcome" = 'ACCEPTABLE_ABSENCE' AND a."approvalState" = 'REJECTED'))
  AND a."sessionDate" <= ${day(d)}
  AND NOT EXISTS (SELECT 1 FROM "EnforcementAction" ea WHERE ea."failureAttendanceId" = a."id" AND ea."status" = 'ACTIVE'
                  AND ea."date" <= ${day(d)}))`;

/** R9: requirement r can still be acted on for a failure on D: active, and not already before the court. */
export const enforceableOn = (d: IsoDate) => Prisma.sql`(${activeOn(d)} AND NOT ${inBreachOrWarrantOn(d)})`;

/** Minutes credited (work + ETE) to requirement r dated in [from, to]. */
export const creditedBetween = (from: IsoDate | null, to: IsoDate) => Prisma.sql`(
  (SELECT COALESCE(SUM(a."minutesCredited"), 0) FROM "Attendance" a WHERE a."requirementId" = r."id"
     ${from ? Prisma.sql`AND a."sessionDate" >= ${day(from)}` : Prisma.empty} AND a."sessionDate" <= ${day(to)})
  + (SELECT COALESCE(SUM(e."minutes"), 0) FROM "EteCredit" e WHERE e."requirementId" = r."id"
     ${from ? Prisma.sql`AND e."date" >= ${day(from)}` : Prisma.empty} AND e."date" <= ${day(to)}))`;

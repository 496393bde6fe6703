// Which states the demo's requirements are in, and the dates that put them there. Every
// date is relative to `today`, so the dashboards show the same picture whenever the demo
// is seeded. Counts per region guarantee each state of docs/domain.md §5 at least once.
import { addCalendarMonths, addDays, daysBetween, minIsoDate, type IsoDate } from "@/domain/dates";
import { addWorkingDays } from "@/domain/working-days";
import type { BankHolidayCalendar } from "@/domain/bank-holidays";
import type { LateStartReason, OrderType } from "@/generated/prisma/enums";
import type { Random } from "./random";

export const SCENARIOS = [
  "NEW_ASSESSMENT",
  "AWAITING_FIRST",
  "LATE_START",
  "ON_TRACK",
  "NEAR_END_RED",
  "NEAR_END_AMBER",
  "NEAR_END_GREEN",
  "BACKLOG",
  "DORMANT",
  "EXTENDED",
  "IN_BREACH",
  "UNDER_WARRANT",
  "COMPLETED",
  "REVOKED",
  "EXPIRED_INCOMPLETE",
  "ETE_FULL",
  "THIRD_ABSENCE_PENDING",
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** [scenario, count in a region of ~52, count in London]. */
const MIX: readonly (readonly [Scenario, number, number])[] = [
  ["NEW_ASSESSMENT", 3, 5],
  ["AWAITING_FIRST", 3, 5],
  ["LATE_START", 3, 5],
  ["ON_TRACK", 9, 26],
  ["NEAR_END_RED", 2, 3],
  ["NEAR_END_AMBER", 2, 3],
  ["NEAR_END_GREEN", 3, 3],
  ["BACKLOG", 2, 3],
  ["DORMANT", 3, 5],
  ["EXTENDED", 2, 4],
  ["IN_BREACH", 2, 4],
  ["UNDER_WARRANT", 1, 2],
  ["COMPLETED", 11, 22],
  ["REVOKED", 2, 3],
  ["EXPIRED_INCOMPLETE", 2, 3],
  ["ETE_FULL", 1, 2],
  ["THIRD_ABSENCE_PENDING", 1, 2],
];

export function scenarioMix(rng: Random, regionCode: string): Scenario[] {
  const london = regionCode === "LON";
  const out = MIX.flatMap(([scenario, regional, lon]) => Array<Scenario>(london ? lon : regional).fill(scenario));
  const extra = london ? 0 : rng.int(0, 6);
  for (let i = 0; i < extra; i++)
    out.push(rng.pick<Scenario>(["ON_TRACK", "ON_TRACK", "COMPLETED", "LATE_START", "DORMANT"]));
  return out;
}

export type Enforcement =
  "NONE" | "WARNING" | "BREACH_OPEN" | "WARRANT" | "REVOKED" | "BREACH_CONTINUE" | "BREACH_HOURS_ADDED";

export type CasePlan = {
  scenario: Scenario;
  sentenceDate: IsoDate;
  startDeadline: IsoDate;
  originalHours: number;
  hoursOrdered: number;
  orderType: OrderType;
  assessmentComplete: boolean;
  ete: "NONE" | "SOME" | "FULL";
  inductionFrom: IsoDate | null;
  workUntil: IsoDate;
  /** Where the rhythm of sessions should end (defaults to workUntil). */
  anchorUntil: IsoDate | null;
  targetFraction: number;
  failuresFrom: IsoDate[];
  stopAfterLastFailure: boolean;
  acceptedAbsences: number;
  thirdAbsence: "PENDING" | "APPROVED" | null;
  lateStart: { reason: LateStartReason; note: string } | null;
  enforcement: Enforcement;
  extension: { grantedOn: IsoDate; newEndDate: IsoDate } | null;
  termination: { reason: "REVOKED" | "EXPIRED_INCOMPLETE"; after: number } | null;
  futureBookings: number;
  futureInduction: boolean;
};

const HOURS: readonly (readonly [number, number])[] = [
  [40, 6],
  [50, 4],
  [60, 8],
  [80, 10],
  [100, 12],
  [120, 10],
  [150, 9],
  [180, 6],
  [200, 7],
  [240, 4],
  [250, 3],
  [300, 3],
];

const LATE_REASONS: readonly (readonly [LateStartReason, string])[] = [
  ["PERSON_UNAVAILABLE", "Working away until the end of the month; start agreed with the practitioner."],
  ["NO_SUITABLE_PLACEMENT", "Needs a placement without power tools; none free before the deadline."],
  ["ASSESSMENT_DELAYED", "Assessment could not be completed: two appointments missed with good reason."],
  ["HEALTH", "Recovering from an operation; fit note until after the deadline."],
  ["SERVICE_CAPACITY", "All work parties full for three weeks after sentence."],
];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function planCase(rng: Random, scenario: Scenario, today: IsoDate, calendar: BankHolidayCalendar): CasePlan {
  const byEnd = (daysFromToday: number) => addCalendarMonths(addDays(today, daysFromToday), -12);
  const sentenceDate =
    scenario === "NEW_ASSESSMENT"
      ? addDays(today, -rng.int(0, 9))
      : scenario === "AWAITING_FIRST"
        ? addDays(today, -rng.int(2, 15))
        : scenario === "LATE_START"
          ? addDays(today, -rng.int(60, 220))
          : scenario === "ON_TRACK"
            ? addDays(today, -rng.int(25, 295))
            : scenario === "ETE_FULL" || scenario === "THIRD_ABSENCE_PENDING"
              ? addDays(today, -rng.int(120, 280))
              : scenario === "NEAR_END_RED"
                ? byEnd(rng.int(1, 27))
                : scenario === "NEAR_END_AMBER" || scenario === "NEAR_END_GREEN"
                  ? byEnd(rng.int(30, 54))
                  : scenario === "BACKLOG"
                    ? byEnd(-rng.int(3, 45))
                    : scenario === "EXTENDED"
                      ? byEnd(-rng.int(5, 60))
                      : scenario === "EXPIRED_INCOMPLETE"
                        ? byEnd(-rng.int(20, 30))
                        : scenario === "DORMANT"
                          ? addDays(today, -rng.int(90, 290))
                          : scenario === "IN_BREACH"
                            ? addDays(today, -rng.int(90, 250))
                            : scenario === "UNDER_WARRANT"
                              ? addDays(today, -rng.int(160, 320))
                              : scenario === "REVOKED"
                                ? addDays(today, -rng.int(160, 330))
                                : addDays(today, -rng.int(120, 390)); // COMPLETED
  const end = addCalendarMonths(sentenceDate, 12);
  const startDeadline = addWorkingDays(sentenceDate, 15, calendar);
  const elapsed = daysBetween(sentenceDate, today);
  let hours = rng.weighted(HOURS);
  if (scenario === "COMPLETED") {
    // Small enough to finish, at two sessions a week at most, well before today.
    const maxHours = Math.floor(((elapsed - 30) / 7) * 1.6 * 6.5);
    hours = clamp(Math.min(hours, Math.floor(maxHours / 10) * 10), 40, 300);
  }

  const plan: CasePlan = {
    scenario,
    sentenceDate,
    startDeadline,
    originalHours: hours,
    hoursOrdered: hours,
    orderType: rng.chance(scenario === "EXPIRED_INCOMPLETE" ? 0.6 : 0.25)
      ? "SUSPENDED_SENTENCE_ORDER"
      : "COMMUNITY_ORDER",
    assessmentComplete: scenario !== "NEW_ASSESSMENT",
    ete:
      scenario === "ETE_FULL"
        ? "FULL"
        : ["ON_TRACK", "COMPLETED", "LATE_START"].includes(scenario) && rng.chance(0.25)
          ? "SOME"
          : "NONE",
    inductionFrom: addDays(sentenceDate, rng.int(1, 5)),
    workUntil: minIsoDate(addDays(today, -rng.int(0, 6)), addDays(end, 1)),
    anchorUntil: null,
    targetFraction: clamp((elapsed / 365) * (1.05 + rng.next() * 0.3), 0.05, 0.9),
    failuresFrom: [],
    stopAfterLastFailure: false,
    acceptedAbsences: rng.weighted([
      [0, 5],
      [1, 3],
      [2, 2],
    ]),
    thirdAbsence: null,
    lateStart: null,
    enforcement: "NONE",
    extension: null,
    termination: null,
    futureBookings: rng.int(1, 3),
    futureInduction: false,
  };
  const failureBetween = (fromDays: number, toDays: number) => addDays(sentenceDate, rng.int(fromDays, toDays));

  switch (scenario) {
    case "NEW_ASSESSMENT":
      Object.assign(plan, { inductionFrom: null, futureBookings: 0, acceptedAbsences: 0, targetFraction: 0 });
      break;
    case "AWAITING_FIRST":
      Object.assign(plan, {
        inductionFrom: null,
        futureBookings: 0,
        acceptedAbsences: 0,
        targetFraction: 0,
        futureInduction: rng.chance(0.75),
      });
      break;
    case "LATE_START": {
      const [reason, note] = rng.pick(LATE_REASONS);
      const inductionFrom = addDays(startDeadline, rng.int(4, 25));
      plan.inductionFrom = inductionFrom;
      plan.lateStart = { reason, note };
      plan.targetFraction = clamp((daysBetween(inductionFrom, today) / 330) * (1.05 + rng.next() * 0.3), 0.05, 0.9);
      break;
    }
    case "ON_TRACK":
      if (rng.chance(0.2) && elapsed > 60)
        Object.assign(plan, { enforcement: "WARNING", failuresFrom: [failureBetween(30, elapsed - 15)] });
      if (rng.chance(0.06)) Object.assign(plan, { acceptedAbsences: 2, thirdAbsence: "APPROVED" });
      break;
    case "ETE_FULL":
      Object.assign(plan, { targetFraction: 0.6 + rng.next() * 0.25 });
      break;
    case "THIRD_ABSENCE_PENDING":
      Object.assign(plan, { acceptedAbsences: 2, thirdAbsence: "PENDING", workUntil: today });
      break;
    case "NEAR_END_RED":
      plan.targetFraction = 0.35 + rng.next() * 0.4;
      break;
    case "NEAR_END_AMBER":
      plan.targetFraction = 0.5 + rng.next() * 0.22;
      break;
    case "NEAR_END_GREEN":
      Object.assign(plan, { targetFraction: 0.95 + rng.next() * 0.035, workUntil: today });
      break;
    case "BACKLOG":
      Object.assign(plan, { targetFraction: 0.45 + rng.next() * 0.4, futureBookings: 0 });
      if (rng.chance(0.3)) Object.assign(plan, { enforcement: "WARNING", failuresFrom: [failureBetween(120, 300)] });
      break;
    case "EXTENDED": {
      const grantedOn = addDays(end, -rng.int(5, 30));
      plan.extension = { grantedOn, newEndDate: addCalendarMonths(end, rng.int(3, 6)) };
      Object.assign(plan, {
        workUntil: addDays(today, -rng.int(0, 6)),
        targetFraction: 0.6 + rng.next() * 0.25,
        futureBookings: rng.int(1, 2),
      });
      break;
    }
    case "DORMANT":
      Object.assign(plan, {
        workUntil: addDays(today, -rng.int(32, 70)),
        futureBookings: rng.chance(0.3) ? 1 : 0,
        acceptedAbsences: rng.int(0, 1),
        targetFraction: clamp((elapsed - 50) / 365, 0.1, 0.8),
      });
      break;
    case "IN_BREACH":
      Object.assign(plan, {
        enforcement: "BREACH_OPEN",
        failuresFrom: [failureBetween(20, 45), addDays(today, -rng.int(12, 30))],
        stopAfterLastFailure: rng.chance(0.5),
        futureBookings: rng.int(0, 1),
        targetFraction: clamp(elapsed / 365, 0.2, 0.7),
      });
      break;
    case "UNDER_WARRANT": {
      const first = failureBetween(25, 60);
      Object.assign(plan, {
        enforcement: "WARRANT",
        failuresFrom: [first, addDays(first, rng.int(20, 60))],
        stopAfterLastFailure: true,
        anchorUntil: addDays(first, 80),
        futureBookings: 0,
        targetFraction: 0.9,
      });
      break;
    }
    case "REVOKED": {
      const first = failureBetween(25, 70);
      Object.assign(plan, {
        enforcement: "REVOKED",
        failuresFrom: [first, addDays(first, rng.int(20, 50))],
        stopAfterLastFailure: true,
        anchorUntil: addDays(first, 70),
        futureBookings: 0,
        targetFraction: 0.9,
        termination: { reason: "REVOKED", after: rng.int(20, 40) },
      });
      break;
    }
    case "EXPIRED_INCOMPLETE":
      Object.assign(plan, {
        targetFraction: 0.3 + rng.next() * 0.45,
        futureBookings: 0,
        termination: { reason: "EXPIRED_INCOMPLETE", after: rng.int(3, 14) },
      });
      break;
    case "COMPLETED": {
      Object.assign(plan, {
        targetFraction: 1,
        futureBookings: 0,
        workUntil: minIsoDate(today, addDays(end, 1)),
        anchorUntil: minIsoDate(addDays(today, -rng.int(5, 60)), addDays(end, -rng.int(5, 30))),
      });
      if (rng.chance(0.15) && elapsed > 150) {
        const first = failureBetween(20, 40);
        const added = rng.chance(0.5) ? Math.min(300 - hours, 10 * rng.int(1, 3)) : 0;
        Object.assign(plan, {
          enforcement: added > 0 ? "BREACH_HOURS_ADDED" : "BREACH_CONTINUE",
          failuresFrom: [first, addDays(first, rng.int(14, 30))],
          hoursOrdered: hours + added,
        });
      } else if (rng.chance(0.15) && elapsed > 90) {
        Object.assign(plan, { enforcement: "WARNING", failuresFrom: [failureBetween(20, 60)] });
      }
      break;
    }
  }
  return plan;
}

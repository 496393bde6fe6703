// One requirement's life for the scale seed, from sentence to today: induction, work
// sessions at a pace, ETE credits, absences, failures and enforcement, extensions,
// reviews and future bookings — every row following the rules the demo seed follows
// (R2–R10; checked by verifyScaleConsistency). Its "fate" picks the state it ends in.
import type { Random } from "../demo/random";
import { isoOf, type DayNumber } from "./days";
import type { IdSequence } from "./ids";
import type { PduStaff, ScalePlacement, SessionGrid } from "./organisation";
import type { ScaleTables } from "./tables";

export type Fate =
  | "NEW"
  | "STEADY"
  | "DORMANT"
  | "NOT_STARTED"
  | "LATE_START"
  | "WARNING"
  | "BREACH"
  | "BACKLOG"
  | "EXTENDED"
  | "EXTENDED_ACTIVE"
  | "EXPIRED";

export type RequirementInput = {
  id: string;
  orderId: string;
  regionId: string;
  sentence: DayNumber;
  twelveMonthEnd: DayNumber;
  startDeadline: DayNumber;
  reviews: { kind: "SIX_MONTH" | "NINE_MONTH"; due: DayNumber }[];
  hours: number;
  eteEligible: boolean;
  court: string;
  coordinatorId: string;
  managerId: string;
  staff: PduStaff;
};

export type RequirementOutcome = {
  hoursOrdered: number;
  credited: number;
  ete: number;
  status: "ACTIVE" | "COMPLETED" | "TERMINATED";
  terminationReason: "REVOKED" | "EXPIRED_INCOMPLETE" | null;
  commencedOn: DayNumber | null;
  completedOn: DayNumber | null;
  terminatedOn: DayNumber | null;
  assessmentComplete: boolean;
};

export type Ids = Record<
  | "allocation"
  | "attendance"
  | "eteCredit"
  | "enforcementAction"
  | "enforcementOutcome"
  | "extension"
  | "review"
  | "approval",
  IdSequence
>;
export type SimulationContext = { rng: Random; today: DayNumber; grid: SessionGrid; tables: ScaleTables; ids: Ids };

const RATINGS = [
  ["EXCELLENT", 2],
  ["GOOD", 5],
  ["SATISFACTORY", 3],
] as const;
const ABSENCES = [
  ["MEDICAL", "Sick note from GP received for the day."],
  ["EMPLOYMENT", "Rota seen: was called in for a shift at work."],
  ["FAMILY_CHILDCARE", "Childminder let them down; phoned before the session."],
  ["COURT_LEGAL", "Attending a family court hearing; letter seen."],
] as const;
const LATE_REASONS = [
  ["PERSON_UNAVAILABLE", "In hospital for two weeks after sentence."],
  ["ASSESSMENT_DELAYED", "Assessment waited for a health report."],
  ["SERVICE_CAPACITY", "No space on a placement before the deadline."],
] as const;
const ETE_ACTIVITIES = [
  "Functional skills English — adult learning centre",
  "CSCS card course — construction college",
  "CV and job search workshop — employment support service",
] as const;
const stamp = (day: DayNumber, time: string) => `${isoOf(day)} ${time}:00+00`;

export function chooseFate(rng: Random, sentence: DayNumber, twelveMonthEnd: DayNumber, today: DayNumber): Fate {
  if (today - sentence < 12) return "NEW";
  if (twelveMonthEnd >= today) {
    return rng.weighted<Fate>([
      ["STEADY", 60],
      ["DORMANT", today - sentence > 90 ? 10 : 0],
      ["WARNING", 9],
      ["BREACH", 10],
      ["LATE_START", 7],
      ["NOT_STARTED", 3],
    ]);
  }
  return rng.weighted<Fate>([
    ["STEADY", 60],
    ["EXTENDED", 7],
    ["EXTENDED_ACTIVE", twelveMonthEnd > today - 150 ? 6 : 0],
    ["BACKLOG", 5],
    ["BREACH", 12],
    ["WARNING", 6],
    ["EXPIRED", 4],
  ]);
}

export function simulateRequirement(ctx: SimulationContext, input: RequirementInput, fate: Fate): RequirementOutcome {
  const { rng, today, grid, tables, ids } = ctx;
  const out: RequirementOutcome = {
    hoursOrdered: input.hours,
    credited: 0,
    ete: 0,
    status: "ACTIVE",
    terminationReason: null,
    commencedOn: null,
    completedOn: null,
    terminatedOn: null,
    assessmentComplete: fate !== "NEW" || rng.chance(0.5),
  };
  let required = input.hours * 60;
  const home: ScalePlacement = rng.pick(
    (rng.chance(0.82) ? input.staff.placementsByType.get("INDIVIDUAL") : input.staff.placementsByType.get("GROUP")) ??
      [],
  );
  const alternatives = input.staff.placementsByType.get(home.type) ?? [home];

  // R3: extensions are granted before the 12 months run out; the end date moves with them.
  let effectiveEnd = input.twelveMonthEnd;
  if (fate === "EXTENDED" || fate === "EXTENDED_ACTIVE") {
    const grantedOn = input.twelveMonthEnd - rng.int(7, 45);
    const newEnd =
      fate === "EXTENDED_ACTIVE"
        ? Math.max(input.twelveMonthEnd + 60, today + rng.int(20, 120))
        : input.twelveMonthEnd + rng.int(90, 200);
    tables.extensions.add([
      ids.extension.take(),
      input.id,
      isoOf(grantedOn),
      isoOf(newEnd),
      input.court,
      "More time needed: hours lost to ill health and work.",
      input.coordinatorId,
    ]);
    effectiveEnd = newEnd;
  }
  let stop = Math.min(today, effectiveEnd + 1);
  if (fate === "DORMANT") stop = Math.min(stop, today - rng.int(35, 160));

  const book = (placement: ScalePlacement, day: DayNumber, late: readonly [string, string] | null) => {
    const session = grid.book(placement, day);
    const id = ids.allocation.take();
    tables.allocations.addOn(day, [
      id,
      session.sessionId,
      input.id,
      isoOf(day),
      "BOOKED",
      late?.[0] ?? null,
      late?.[1] ?? null,
      input.coordinatorId,
    ]);
    return { allocationId: id, cancelled: session.cancelled };
  };
  const findSlot = (from: DayNumber, before: DayNumber): { placement: ScalePlacement; day: DayNumber } | null => {
    for (let window = from; window < before; window += 14) {
      const until = Math.min(before, window + 14);
      const day = grid.findDay(home, window, until);
      if (day !== null) return { placement: home, day };
      for (const other of alternatives) {
        const d = grid.findDay(other, window, until);
        if (d !== null) return { placement: other, day: d };
      }
    }
    return null;
  };

  let acceptedAbsences = 0;
  let failures = 0;
  /** A breach started and not closed by a court outcome (awaiting court, or under warrant). */
  let openBreach = false;
  const thirdAbsence = rng.chance(0.03) ? (rng.chance(0.5) ? "PENDING" : "APPROVED") : null;
  const attend = (
    placement: ScalePlacement,
    day: DayNumber,
    allocationId: string,
    outcome: string,
    options: {
      lateBy?: number;
      leaveAt?: number;
      penalty?: number;
      reason?: string;
      note?: string;
      approval?: string;
    } = {},
  ): string => {
    const id = ids.attendance.take();
    let credit = 0;
    let arrivedAt: string | null = null;
    let leftAt: string | null = null;
    let workQuality: string | null = null;
    let behaviour: string | null = null;
    const penalty = options.penalty ?? 0;
    if (outcome.startsWith("ATTENDED_")) {
      const arrived = placement.start + (options.lateBy ?? 0);
      let left = Math.min(placement.end, options.leaveAt ?? placement.end);
      credit = Math.max(0, left - arrived - penalty);
      // R7: never past the required minutes — the last session ends when the hours are done.
      if (out.credited + credit > required) {
        credit = required - out.credited;
        left = arrived + credit + penalty;
      }
      arrivedAt = `${String(Math.floor(arrived / 60)).padStart(2, "0")}:${String(arrived % 60).padStart(2, "0")}`;
      leftAt = `${String(Math.floor(left / 60)).padStart(2, "0")}:${String(left % 60).padStart(2, "0")}`;
      out.credited += credit;
      if (placement.type !== "INDUCTION") out.commencedOn ??= day;
      if (out.credited === required) out.completedOn = day;
      const good = outcome === "ATTENDED_COMPLIED" || outcome === "ATTENDED_SENT_HOME_SERVICE";
      workQuality = good ? rng.weighted(RATINGS) : outcome === "ATTENDED_FAILED_TO_COMPLY" ? "POOR" : "UNSATISFACTORY";
      behaviour = good ? rng.weighted(RATINGS) : outcome === "ATTENDED_FAILED_TO_COMPLY" ? "UNSATISFACTORY" : "POOR";
    }
    tables.attendances.addOn(day, [
      id,
      allocationId,
      input.id,
      isoOf(day),
      outcome,
      arrivedAt,
      leftAt,
      arrivedAt ? penalty : 0,
      credit,
      workQuality,
      behaviour,
      options.reason ?? null,
      options.note ?? null,
      options.approval ?? "NOT_NEEDED",
      grid.supervisorOf(placement, day),
      stamp(day, "16:15"),
      stamp(day, "16:15"),
    ]);
    return id;
  };

  if (!out.assessmentComplete) return finish();

  // Induction first (R2: an induction should precede the first work session).
  const inductionFrom =
    fate === "LATE_START"
      ? input.startDeadline + rng.int(1, 12)
      : fate === "NEW"
        ? today
        : input.sentence + rng.int(3, 9);
  const inductionDay = grid.findDay(
    input.staff.induction,
    inductionFrom,
    fate === "NEW" ? today + 14 : Math.min(stop, effectiveEnd + 1),
  );
  if (inductionDay === null) return finish();
  const induction = book(input.staff.induction, inductionDay, null);
  if (inductionDay >= today) return finish();
  attend(input.staff.induction, inductionDay, induction.allocationId, "ATTENDED_COMPLIED");
  if (fate === "NOT_STARTED") return finish();

  // A pace that finishes in 4–10 months, or 14–20 for the cases that will run out of time.
  const slow = fate === "BACKLOG" || fate === "EXPIRED" || fate === "EXTENDED" || fate === "EXTENDED_ACTIVE";
  const paceDays = (slow ? rng.int(14, 20) : rng.int(4, 10)) * 30;
  const perSession = (home.end - home.start) * 0.85;
  const step = Math.max(1, paceDays / Math.max(1, required / perSession));
  const eteCap = Math.floor(0.3 * input.hours * 60); // R6, on the hours ordered (they only ever go up)
  let eteLeft =
    input.eteEligible && rng.chance(0.65)
      ? rng.chance(0.35)
        ? eteCap
        : Math.floor(eteCap * (0.3 + rng.next() * 0.6))
      : 0;
  const failureAt = fate === "WARNING" ? [rng.int(3, 8)] : fate === "BREACH" ? [rng.int(2, 6)] : [];
  if (fate === "BREACH") failureAt.push((failureAt[0] ?? 2) + rng.int(2, 5));
  let warningDay: DayNumber | null = null;

  let cursor = inductionDay + rng.int(1, 6);
  let first = true;
  for (let index = 0; cursor < stop && out.completedOn === null; index++) {
    if (eteLeft > 0 && index % 3 === 2) {
      const minutes = Math.min(eteLeft, 30 * rng.int(6, 12), required - out.credited);
      eteLeft -= minutes;
      out.credited += minutes;
      out.ete += minutes;
      const activity = rng.pick(ETE_ACTIVITIES);
      tables.eteCredits.addOn(cursor, [
        ids.eteCredit.take(),
        input.id,
        isoOf(cursor),
        minutes,
        activity,
        activity.split(" — ")[1] ?? null,
        "Attendance register signed by the tutor.",
        input.coordinatorId,
      ]);
      if (out.credited === required) {
        out.completedOn = cursor;
        break;
      }
      cursor += 1;
    }
    const slot = findSlot(cursor, stop);
    if (!slot) break;
    const late =
      first && slot.day > input.startDeadline
        ? fate === "LATE_START"
          ? rng.pick(LATE_REASONS)
          : LATE_REASONS[2]
        : null;
    first = false;
    const { allocationId, cancelled } = book(slot.placement, slot.day, late);
    cursor = slot.day + Math.max(1, Math.round(step + rng.int(-1, 1)));
    if (cancelled) {
      attend(slot.placement, slot.day, allocationId, "ACCEPTABLE_ABSENCE", {
        reason: "STOOD_DOWN",
        note: "Work party cancelled the day before: weather warning.",
      });
    } else if (failureAt[failures] === index) {
      // R9: a failure to comply — a warning first; a second failure within 12 months of it goes to court.
      const outcome = rng.weighted([
        ["UNACCEPTABLE_ABSENCE", 6],
        ["ATTENDED_FAILED_TO_COMPLY", 2],
        ["ATTENDED_SENT_HOME_BEHAVIOUR", 2],
      ] as const);
      const attendanceId =
        outcome === "UNACCEPTABLE_ABSENCE"
          ? attend(slot.placement, slot.day, allocationId, outcome, {
              note: "Did not attend and has not given a reason.",
            })
          : outcome === "ATTENDED_FAILED_TO_COMPLY"
            ? attend(slot.placement, slot.day, allocationId, outcome, {
                penalty: 60,
                note: "Refused to carry on with the task; long breaks.",
              })
            : attend(slot.placement, slot.day, allocationId, outcome, {
                leaveAt: slot.placement.start + 90,
                note: "Sent home after swearing at a member of staff.",
              });
      failures += 1;
      // A failure that still credited the last minutes finished the order: nothing left to enforce
      // (a court adding hours to a completed order would leave it "completed" with hours to do).
      if (out.completedOn !== null) break;
      const actionDay = slot.day + rng.int(1, 3);
      if (actionDay >= today) break;
      const isBreach = warningDay !== null && actionDay - warningDay <= 365;
      const actionId = ids.enforcementAction.take();
      tables.enforcementActions.add([
        actionId,
        input.id,
        input.orderId,
        isBreach ? "BREACH" : "WARNING",
        isoOf(actionDay),
        attendanceId,
        isBreach ? "Second failure within 12 months of a warning: breach referred to court." : "Warning letter sent.",
        input.coordinatorId,
      ]);
      if (!isBreach) {
        warningDay = actionDay;
        continue;
      }
      openBreach = true;
      const courtDay = actionDay + rng.int(21, 70);
      if (courtDay >= today) break; // open breach awaiting court: no more sessions
      const court =
        input.hours >= 300
          ? rng.weighted([
              ["CONTINUE", 3],
              ["REVOKED", 2],
              ["WARRANT_ISSUED", 1],
            ] as const)
          : rng.weighted([
              ["CONTINUE", 3],
              ["HOURS_ADDED", 2],
              ["REVOKED", 2],
              ["WARRANT_ISSUED", 1],
            ] as const);
      const newHours = court === "HOURS_ADDED" ? Math.min(300, out.hoursOrdered + 10 * rng.int(1, 4)) : null;
      tables.enforcementOutcomes.add([
        ids.enforcementOutcome.take(),
        actionId,
        court,
        isoOf(courtDay),
        newHours,
        input.managerId,
      ]);
      if (court === "REVOKED") {
        Object.assign(out, { status: "TERMINATED", terminationReason: "REVOKED", terminatedOn: courtDay });
        break;
      }
      if (court === "WARRANT_ISSUED") {
        const executed = courtDay + rng.int(7, 60);
        if (rng.chance(0.4) && executed < today)
          tables.enforcementOutcomes.add([
            ids.enforcementOutcome.take(),
            actionId,
            "WARRANT_EXECUTED",
            isoOf(executed),
            null,
            input.managerId,
          ]);
        break; // under warrant (then awaiting court again): no more sessions
      }
      openBreach = false;
      if (newHours !== null) {
        out.hoursOrdered = newHours;
        required = newHours * 60;
      }
      cursor = Math.max(cursor, courtDay + rng.int(3, 10));
    } else if (acceptedAbsences < 2 && rng.chance(0.06)) {
      const [reason, note] = rng.pick(ABSENCES);
      attend(slot.placement, slot.day, allocationId, "ACCEPTABLE_ABSENCE", { reason, note });
      acceptedAbsences += 1;
    } else if (
      acceptedAbsences === 2 &&
      thirdAbsence &&
      rng.chance(0.1) &&
      (thirdAbsence === "APPROVED" || slot.day >= today - 10)
    ) {
      // R8: the 3rd accepted absence needs a manager's approval before it stands.
      const attendanceId = attend(slot.placement, slot.day, allocationId, "ACCEPTABLE_ABSENCE", {
        reason: "MEDICAL",
        note: "Hospital appointment; letter to follow.",
        approval: thirdAbsence,
      });
      acceptedAbsences += 1;
      const decided = thirdAbsence === "APPROVED" ? slot.day + 2 : null;
      tables.approvals.add([
        ids.approval.take(),
        "ACCEPTED_ABSENCE",
        thirdAbsence,
        input.id,
        input.regionId,
        attendanceId,
        "Third accepted absence on this requirement.",
        input.coordinatorId,
        stamp(slot.day, "16:20"),
        decided !== null ? input.managerId : null,
        decided !== null ? stamp(Math.min(decided, today), "09:00") : null,
        decided !== null ? "Hospital letter seen." : null,
      ]);
    } else if (slot.placement.type === "GROUP" && rng.chance(0.03)) {
      attend(slot.placement, slot.day, allocationId, "ATTENDED_SENT_HOME_SERVICE", {
        leaveAt: slot.placement.start + 30 * rng.int(3, 6),
        note: "Group stood down at lunchtime: heavy rain.",
      });
    } else {
      attend(slot.placement, slot.day, allocationId, "ATTENDED_COMPLIED", {
        lateBy: rng.chance(0.08) ? 5 * rng.int(1, 6) : 0,
        penalty: rng.chance(0.03) ? 30 : 0,
      });
    }
  }
  return finish();

  function finish(): RequirementOutcome {
    if (out.completedOn !== null) out.status = "COMPLETED";
    const underEnforcement = openBreach;
    // Old cases that ran out of time without an open breach are closed by the court as expired.
    if (out.status === "ACTIVE" && !underEnforcement && effectiveEnd < today - (fate === "EXPIRED" ? 20 : 240)) {
      const on = Math.min(today - 1, effectiveEnd + rng.int(14, 120));
      Object.assign(out, { status: "TERMINATED", terminationReason: "EXPIRED_INCOMPLETE", terminatedOn: on });
    }
    // Work already booked for the coming two weeks (not for dormant, stalled or finished cases).
    if (
      out.status === "ACTIVE" &&
      out.assessmentComplete &&
      !underEnforcement &&
      (fate === "STEADY" || fate === "WARNING" || fate === "LATE_START" || fate === "EXTENDED_ACTIVE") &&
      out.commencedOn !== null
    ) {
      let from = Math.max(today, cursorAfter(out));
      for (let n = rng.int(1, 2); n > 0; n--) {
        const slot = findSlot(from, Math.min(today + 14, effectiveEnd + 1));
        if (!slot) break;
        book(slot.placement, slot.day, null);
        from = slot.day + 1;
      }
    }
    // R3: the 6- and 9-month reviews, while the requirement is open.
    const closedOn = out.completedOn ?? out.terminatedOn ?? Number.POSITIVE_INFINITY;
    for (const review of input.reviews) {
      if (review.due >= closedOn || review.due > today + 30) continue;
      const done = review.due + rng.int(-7, 10);
      const completed = done < today && rng.chance(0.92);
      tables.reviews.add([
        ids.review.take(),
        input.id,
        review.kind,
        isoOf(review.due),
        completed ? isoOf(done) : null,
        completed ? input.coordinatorId : null,
      ]);
    }
    return out;
  }
}

function cursorAfter(out: RequirementOutcome): DayNumber {
  return (out.commencedOn ?? 0) + 1;
}

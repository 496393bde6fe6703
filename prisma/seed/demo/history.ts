// One requirement's attendance history: an induction, then work sessions at a steady pace
// on its home placement, with ETE credits in between, until the planned minutes are done.
// Every row follows R7/R8: credit = (left − arrived) − penalty, within the session length;
// absences credit nothing and carry a reason; no outcome on a session from today on; a
// completed requirement's last credit is cut so the total is exactly the hours ordered.
import { addDays, daysBetween, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";
import { minutesBetweenTimes, minutesSinceMidnight, timeOfDayFromMinutes } from "@/domain/time-of-day";
import type { AbsenceReason, AttendanceOutcome, LateStartReason, Rating } from "@/generated/prisma/enums";
import type { Random } from "./random";
import type { SessionBook, SessionSlot } from "./session-book";
import type { DemoRows, PlacementPlan } from "./types";

export type HistoryPlan = {
  requirementId: string;
  requiredMinutes: number;
  home: PlacementPlan;
  induction: PlacementPlan;
  /** Search for the induction from this date (null: no induction in the past). */
  inductionFrom: IsoDate | null;
  workFrom: IsoDate;
  /** Exclusive: no past session on or after this date (today, effective end + 1, a warrant…). */
  workUntil: IsoDate;
  /** Sessions are timed to end around this date (≤ workUntil). */
  anchorUntil: IsoDate;
  /** Stop once work + ETE reach this (capped at the required minutes). */
  targetMinutes: number;
  eteMinutes: number;
  etePlacementName: string;
  /** Failures to comply, each on the first session on or after the date. */
  failuresFrom: IsoDate[];
  acceptedAbsences: number;
  /** R8: a 3rd accepted absence: PENDING manager approval, or already APPROVED. */
  thirdAbsence: "PENDING" | "APPROVED" | null;
  lateStart: { reason: LateStartReason; note: string } | null;
  /** R2 deadline: a first work session after it without a planned late-start reason gets one. */
  startDeadline: IsoDate;
  /** No more sessions after the last planned failure (warrant, revocation). */
  stopAfterLastFailure: boolean;
  /** R10: a woman's recorded consent to work in an otherwise all-male group. */
  consent: boolean;
  coordinatorId: string;
};

export type HistoryResult = {
  failures: { attendanceId: string; date: IsoDate; slot: SessionSlot; outcome: AttendanceOutcome }[];
  thirdAbsence: { attendanceId: string; allocationId: string; date: IsoDate } | null;
  lastAttendedOn: IsoDate | null;
  firstAttendedOn: IsoDate | null;
  firstWorkOn: IsoDate | null;
  totalMinutes: number;
  eteMinutes: number;
  /** The date the credits reached the required minutes (R7), if they did. */
  completedOn: IsoDate | null;
};

const ABSENCE_NOTES: readonly (readonly [AbsenceReason, string])[] = [
  ["MEDICAL", "Sick note from GP received for the day."],
  ["EMPLOYMENT", "Payslip and rota seen: was called in for a shift at work."],
  ["FAMILY_CHILDCARE", "Childminder let them down; phoned before the session started."],
  ["COURT_LEGAL", "Attending a family court hearing; letter seen."],
  ["OTHER", "Bus cancelled in the snow; phoned the office at 08:15."],
];

const GOOD_RATINGS: readonly (readonly [Rating, number])[] = [
  ["EXCELLENT", 2],
  ["GOOD", 5],
  ["SATISFACTORY", 3],
];

export function recordHistory(rng: Random, book: SessionBook, rows: DemoRows, plan: HistoryPlan): HistoryResult {
  const required = plan.requiredMinutes;
  const target = Math.min(plan.targetMinutes, required);
  const result: HistoryResult = {
    failures: [],
    thirdAbsence: null,
    lastAttendedOn: null,
    firstAttendedOn: null,
    firstWorkOn: null,
    totalMinutes: 0,
    eteMinutes: 0,
    completedOn: null,
  };
  let total = 0;
  const failures = [...plan.failuresFrom].sort();

  const attend = (
    slot: SessionSlot,
    allocationId: string,
    outcome: AttendanceOutcome,
    options: {
      lateBy?: number;
      leaveAt?: number;
      penalty?: number;
      reason?: AbsenceReason;
      note?: string;
      approval?: "PENDING" | "APPROVED";
    } = {},
  ): string => {
    const id = rng.uuid();
    const start = minutesSinceMidnight(slot.placement.startTime);
    const end = minutesSinceMidnight(slot.placement.endTime);
    const attended = outcome.startsWith("ATTENDED_");
    let credit = 0;
    let arrivedAt: string | null = null;
    let leftAt: string | null = null;
    const penalty = options.penalty ?? 0;
    if (attended) {
      const arrived = start + (options.lateBy ?? 0);
      let left = Math.min(end, options.leaveAt ?? end);
      credit = left - arrived - penalty;
      // R7: never past the required minutes — the last session ends when the hours are done.
      if (total + credit > required) {
        credit = required - total;
        left = arrived + credit + penalty;
      }
      arrivedAt = timeOfDayFromMinutes(arrived);
      leftAt = timeOfDayFromMinutes(left);
      total += credit;
      result.lastAttendedOn = slot.date;
      // R2: the requirement commences at the first attended WORK session; an induction does not count.
      if (slot.placement.type !== "INDUCTION") result.firstAttendedOn ??= slot.date;
      if (total === required) result.completedOn = slot.date;
    }
    const ratings =
      outcome === "ATTENDED_COMPLIED"
        ? { workQuality: rng.weighted(GOOD_RATINGS), behaviour: rng.weighted(GOOD_RATINGS) }
        : outcome === "ATTENDED_SENT_HOME_SERVICE"
          ? { workQuality: rng.weighted(GOOD_RATINGS), behaviour: "GOOD" as const }
          : outcome === "ATTENDED_FAILED_TO_COMPLY"
            ? { workQuality: "POOR" as const, behaviour: "UNSATISFACTORY" as const }
            : outcome === "ATTENDED_SENT_HOME_BEHAVIOUR"
              ? { workQuality: "UNSATISFACTORY" as const, behaviour: "POOR" as const }
              : { workQuality: null, behaviour: null };
    rows.attendances.push({
      id,
      allocationId,
      requirementId: plan.requirementId,
      sessionDate: utcDateFromIsoDate(slot.date),
      outcome,
      arrivedAt,
      leftAt,
      penaltyMinutes: attended ? penalty : 0,
      minutesCredited: credit,
      ...ratings,
      reasonCategory: options.reason ?? null,
      note: options.note ?? null,
      approvalState: options.approval ?? "NOT_NEEDED",
      recordedById: slot.supervisorId || null,
      recordedAt: new Date(`${slot.date}T16:15:00Z`),
    });
    return id;
  };

  // Induction first (R2: an induction should precede the first work session).
  let workFrom = plan.workFrom;
  if (plan.inductionFrom) {
    const slot = book.findSlot(plan.induction, plan.inductionFrom, plan.workUntil, plan.requirementId);
    if (slot) {
      const allocationId = book.book(slot, plan.requirementId, {
        ...lateStartExtras(plan.lateStart),
        createdById: plan.coordinatorId,
        consentRecorded: plan.consent,
      });
      if (slot.cancelled)
        attend(slot, allocationId, "ACCEPTABLE_ABSENCE", {
          reason: "STOOD_DOWN",
          note: "Induction cancelled: no room available.",
        });
      else attend(slot, allocationId, "ATTENDED_COMPLIED");
      if (workFrom <= slot.date) workFrom = addDays(slot.date, 1);
    }
  }

  // ETE credits spread over the first 70 % of the window, so ETE users reach their share early.
  const eteCredits: { date: IsoDate; minutes: number }[] = [];
  const windowDays = Math.max(
    1,
    daysBetween(workFrom, plan.anchorUntil < plan.workUntil ? plan.anchorUntil : plan.workUntil),
  );
  if (plan.eteMinutes > 0) {
    const count = Math.max(1, Math.round(plan.eteMinutes / 300));
    let left = plan.eteMinutes;
    for (let i = 0; i < count; i++) {
      const minutes = i === count - 1 ? left : Math.min(left, 30 * rng.int(6, 12));
      if (minutes <= 0) break;
      left -= minutes;
      eteCredits.push({ date: addDays(workFrom, Math.floor(((i + 0.5) * windowDays * 0.7) / count)), minutes });
    }
  }
  const creditEte = (upTo: IsoDate) => {
    while (eteCredits.length > 0 && (eteCredits[0]?.date ?? "") <= upTo && total < target) {
      const credit = eteCredits.shift();
      if (!credit || credit.date >= plan.workUntil) break;
      const minutes = Math.min(credit.minutes, required - total);
      total += minutes;
      result.eteMinutes += minutes;
      if (total === required) result.completedOn = credit.date;
      rows.eteCredits.push({
        id: rng.uuid(),
        requirementId: plan.requirementId,
        date: utcDateFromIsoDate(credit.date),
        minutes,
        activity: plan.etePlacementName,
        provider: plan.etePlacementName.split(" — ")[1] ?? null,
        evidence: "Attendance register signed by the tutor.",
        createdById: plan.coordinatorId,
      });
    }
  };

  // A planned 3rd accepted absence comes last: regular sessions stop short of it.
  const thirdFrom = addDays(plan.workUntil, plan.thirdAbsence === "PENDING" ? -16 : -45);
  const loopUntil = plan.thirdAbsence ? thirdFrom : plan.workUntil;
  const sessionMinutes = minutesBetweenTimes(plan.home.startTime, plan.home.endTime);
  const sessionsNeeded = Math.max(
    1,
    Math.ceil((target - total - plan.eteMinutes) / sessionMinutes) + plan.acceptedAbsences + failures.length,
  );
  // A first session straight after the induction, then a steady rhythm (every 3–12 days)
  // timed to finish at `anchorUntil`: active cases have attended recently, and a long
  // sentence with few hours has its quiet spell early rather than at the end.
  const anchorUntil = plan.anchorUntil < loopUntil ? plan.anchorUntil : loopUntil;
  // To finish (target = all the hours), plan a brisker rhythm: full sessions and busy days slip.
  const pace = target >= required ? 0.7 : 1;
  const step = Math.min(12, Math.max(3, (daysBetween(workFrom, anchorUntil) * pace) / sessionsNeeded));
  const rhythmFrom = pace < 1 ? workFrom : addDays(anchorUntil, -Math.round((sessionsNeeded - 1) * step));
  let cursor = workFrom;
  let first = true;
  let index = 0;
  // Accepted absences land on chosen session numbers, so a plan's count is met exactly.
  const absenceAt = new Set(
    rng.sample(
      Array.from({ length: Math.max(0, sessionsNeeded - 2) }, (_, i) => i + 1),
      plan.acceptedAbsences,
    ),
  );
  while (total < target || failures.length > 0) {
    // Planned failures still to come once the hours target is met: go straight to the next one.
    const next = failures[0];
    if (total >= target && next !== undefined && cursor < next) cursor = next;
    if (plan.stopAfterLastFailure && plan.failuresFrom.length > 0 && failures.length === 0) break;
    const slot = book.findSlot(plan.home, cursor, loopUntil, plan.requirementId);
    if (!slot) break;
    creditEte(slot.date);
    if (total >= target && failures.length === 0) break;
    const late = !first
      ? {}
      : plan.lateStart
        ? lateStartExtras(plan.lateStart)
        : slot.date > plan.startDeadline
          ? {
              lateStartReason: "SERVICE_CAPACITY" as const,
              lateStartNote: "No space on a work party before the deadline.",
            }
          : {};
    const allocationId = book.book(slot, plan.requirementId, {
      ...late,
      createdById: plan.coordinatorId,
      consentRecorded: plan.consent,
    });
    if (first) result.firstWorkOn = slot.date;
    first = false;
    const due = failures[0];
    if (slot.cancelled) {
      attend(slot, allocationId, "ACCEPTABLE_ABSENCE", {
        reason: "STOOD_DOWN",
        note: "Work party cancelled the day before: weather warning.",
      });
    } else if (due !== undefined && due <= slot.date) {
      failures.shift();
      const outcome = rng.weighted<AttendanceOutcome>([
        ["UNACCEPTABLE_ABSENCE", 6],
        ["ATTENDED_FAILED_TO_COMPLY", 2],
        ["ATTENDED_SENT_HOME_BEHAVIOUR", 2],
      ]);
      const id =
        outcome === "UNACCEPTABLE_ABSENCE"
          ? attend(slot, allocationId, outcome, { note: "Did not attend and has not given a reason." })
          : outcome === "ATTENDED_FAILED_TO_COMPLY"
            ? attend(slot, allocationId, outcome, {
                penalty: 60,
                note: "Refused to carry on with the task after lunch; long breaks.",
              })
            : attend(slot, allocationId, outcome, {
                leaveAt: minutesSinceMidnight(slot.placement.startTime) + 150,
                note: "Sent home after swearing at another person on the group.",
              });
      result.failures.push({ attendanceId: id, date: slot.date, slot, outcome });
    } else if (absenceAt.has(index)) {
      const [reason, note] = rng.pick(ABSENCE_NOTES);
      attend(slot, allocationId, "ACCEPTABLE_ABSENCE", { reason, note });
    } else if (slot.placement.type === "GROUP" && rng.chance(0.03)) {
      attend(slot, allocationId, "ATTENDED_SENT_HOME_SERVICE", {
        leaveAt: minutesSinceMidnight(slot.placement.startTime) + 30 * rng.int(4, 8),
        note: "Group stood down at lunchtime: heavy rain.",
      });
    } else {
      const lateBy = rng.chance(0.1) ? 5 * rng.int(2, 9) : 0;
      const penalty = rng.chance(0.04) ? 30 : 0;
      attend(slot, allocationId, "ATTENDED_COMPLIED", { lateBy, penalty });
    }
    index += 1;
    cursor = addDays(slot.date, Math.max(1, Math.round(step) + rng.int(-1, 1)));
    if (index === 1 && cursor < rhythmFrom) cursor = rhythmFrom;
  }
  creditEte(addDays(plan.workUntil, -1));

  if (plan.thirdAbsence && total < required) {
    // Bring the accepted absences before it to exactly two, then record the third.
    let before = rows.attendances.filter(
      (a) =>
        a.requirementId === plan.requirementId &&
        a.outcome === "ACCEPTABLE_ABSENCE" &&
        a.reasonCategory !== "STOOD_DOWN",
    ).length;
    let from = thirdFrom;
    while (before <= 2) {
      const slot = book.findSlot(plan.home, from, plan.workUntil, plan.requirementId);
      if (!slot) break;
      from = addDays(slot.date, 1);
      if (slot.cancelled) continue;
      const allocationId = book.book(slot, plan.requirementId, { createdById: plan.coordinatorId });
      if (before < 2) {
        const [reason, note] = rng.pick(ABSENCE_NOTES);
        attend(slot, allocationId, "ACCEPTABLE_ABSENCE", { reason, note });
      } else {
        const attendanceId = attend(slot, allocationId, "ACCEPTABLE_ABSENCE", {
          reason: "MEDICAL",
          note: "Hospital appointment; letter to follow.",
          approval: plan.thirdAbsence,
        });
        result.thirdAbsence = { attendanceId, allocationId, date: slot.date };
      }
      before += 1;
    }
  }
  result.totalMinutes = total;
  return result;
}

function lateStartExtras(late: HistoryPlan["lateStart"]): {
  lateStartReason?: LateStartReason;
  lateStartNote?: string;
} {
  return late ? { lateStartReason: late.reason, lateStartNote: late.note } : {};
}

// Sessions are created as people are booked on them: a placement meets on its timetable
// days (never on a bank holiday), one session per placement per day, at most `capacity`
// people. Past group sessions are now and then cancelled in advance (weather, no
// supervisor): everyone booked on them is stood down.
import { addDays, dayOfWeek, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";
import type { BankHolidayCalendar } from "@/domain/bank-holidays";
import type { LateStartReason } from "@/generated/prisma/enums";
import type { Random } from "./random";
import type { DemoRows, PlacementPlan } from "./types";

export type SessionSlot = {
  id: string;
  placement: PlacementPlan;
  date: IsoDate;
  supervisorId: string;
  booked: number;
  cancelled: boolean;
  /** Left open (no outcomes yet) on purpose: the demo supervisor's session yesterday. */
  open: boolean;
};

export type BookingExtras = {
  lateStartReason?: LateStartReason;
  lateStartNote?: string;
  createdById?: string;
  consentRecorded?: boolean;
};

export class SessionBook {
  private readonly slots = new Map<string, SessionSlot>();
  private readonly datesByRequirement = new Map<string, Set<IsoDate>>();
  /** Who runs what each day, so no supervisor gets two sessions at once. */
  private readonly supervisorDays = new Map<IsoDate, { supervisorId: string; startTime: string; endTime: string }[]>();

  constructor(
    private readonly rng: Random,
    private readonly today: IsoDate,
    private readonly calendar: BankHolidayCalendar,
    private readonly rows: DemoRows,
  ) {}

  /** The session of `placement` on `date`, created if needed (even off-timetable when `force`). */
  session(placement: PlacementPlan, date: IsoDate): SessionSlot {
    const key = `${placement.id}|${date}`;
    const existing = this.slots.get(key);
    if (existing) return existing;
    const slot: SessionSlot = {
      id: this.rng.uuid(),
      placement,
      date,
      supervisorId: this.freeSupervisor(placement, date),
      booked: 0,
      cancelled: placement.type === "GROUP" && date < this.today && this.rng.chance(0.025),
      open: false,
    };
    this.slots.set(key, slot);
    return slot;
  }

  /** The placement's first choice of supervisor who is not running another session at that time; "" when all are busy. */
  private freeSupervisor(placement: PlacementPlan, date: IsoDate): string {
    const busy = this.supervisorDays.get(date) ?? [];
    const free = placement
      .supervisorsFor(dayOfWeek(date))
      .find(
        (id) =>
          !busy.some(
            (b) => b.supervisorId === id && b.startTime < placement.endTime && placement.startTime < b.endTime,
          ),
      );
    if (!free) return "";
    busy.push({ supervisorId: free, startTime: placement.startTime, endTime: placement.endTime });
    this.supervisorDays.set(date, busy);
    return free;
  }

  meetsOn(placement: PlacementPlan, date: IsoDate): boolean {
    return placement.weekdays.includes(dayOfWeek(date)) && !this.calendar.has(date);
  }

  isFree(requirementId: string, date: IsoDate): boolean {
    return !this.datesByRequirement.get(requirementId)?.has(date);
  }

  /** The first session of `placement` on or after `from` and before `before` with room for this person. */
  findSlot(placement: PlacementPlan, from: IsoDate, before: IsoDate, requirementId: string): SessionSlot | null {
    for (let date = from; date < before; date = addDays(date, 1)) {
      if (!this.meetsOn(placement, date) || !this.isFree(requirementId, date)) continue;
      const slot = this.session(placement, date);
      if (slot.booked < placement.capacity && !slot.open) return slot;
    }
    return null;
  }

  book(slot: SessionSlot, requirementId: string, extras: BookingExtras = {}): string {
    const id = this.rng.uuid();
    slot.booked += 1;
    const dates = this.datesByRequirement.get(requirementId) ?? new Set<IsoDate>();
    dates.add(slot.date);
    this.datesByRequirement.set(requirementId, dates);
    this.rows.allocations.push({
      id,
      sessionId: slot.id,
      requirementId,
      sessionDate: utcDateFromIsoDate(slot.date),
      status: "BOOKED",
      lateStartReason: extras.lateStartReason ?? null,
      lateStartNote: extras.lateStartNote ?? null,
      createdById: extras.createdById ?? null,
      consentRecorded: extras.consentRecorded ?? false,
    });
    return id;
  }

  /** Writes the session rows: past ones closed by their supervisor (or cancelled), the rest scheduled. */
  flush(): void {
    for (const slot of this.slots.values()) {
      if (slot.booked === 0 && slot.date < this.today) continue;
      const past = slot.date < this.today && !slot.open;
      this.rows.sessions.push({
        id: slot.id,
        placementId: slot.placement.id,
        date: utcDateFromIsoDate(slot.date),
        startTime: slot.placement.startTime,
        endTime: slot.placement.endTime,
        supervisorId: slot.supervisorId || null,
        capacity: slot.placement.capacity,
        pickUpPoint: slot.placement.pickUpPoint,
        pickUpTime: slot.placement.pickUpTime,
        status: slot.cancelled ? "CANCELLED" : past ? "CLOSED" : "SCHEDULED",
        closedAt: past && !slot.cancelled ? new Date(`${slot.date}T16:30:00Z`) : null,
        closedById: past && !slot.cancelled ? slot.supervisorId || null : null,
      });
    }
  }
}

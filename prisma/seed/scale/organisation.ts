// Staff, beneficiaries and placements for the scale seed, sized to the number of
// requirements each PDU will get, plus the session grid: one session per placement per
// day, created when the first person is booked on it, never more than its capacity, run by
// a supervisor of its PDU who has no other session at that time (SUPERVISOR_DOUBLE_BOOKED).
import type { PlacementType } from "@/generated/prisma/enums";
import type { Random } from "../demo/random";
import { pickName } from "../demo/names";
import { isoOf, weekdayOf, type DayNumber } from "./days";
import { IdSequence } from "./ids";
import type { ScaleTables } from "./tables";

export type ScaleRegion = {
  code: string;
  id: string;
  courts: readonly string[];
  pdus: { id: string; code: string; name: string; town: string; postcode: string }[];
};

export type ScalePlacement = {
  index: number;
  id: string;
  type: PlacementType;
  pduId: string;
  name: string;
  capacity: number;
  /** Days of the week it meets (0 = Sunday). */
  weekdays: ReadonlySet<number>;
  start: number;
  end: number;
  startTime: string;
  endTime: string;
  /** Its PDU's supervisors (indexes into Organisation.supervisorIds), its own first choice first. */
  supervisors: readonly number[];
};

export type PduStaff = { placementsByType: Map<PlacementType, ScalePlacement[]>; induction: ScalePlacement };
export type RegionStaff = { managerId: string; coordinatorIds: string[] };

/** Relative caseload of each region (London the largest, Wales and the North East the smallest). */
export const REGION_WEIGHTS: Record<string, number> = {
  KSS: 1,
  LON: 1.5,
  SC: 1,
  EOE: 1,
  SW: 0.9,
  WAL: 0.7,
  WM: 1.1,
  EM: 0.9,
  GM: 1,
  YH: 1,
  NW: 1.1,
  NE: 0.7,
};

export const SCALE_PASSWORD = "scale-password-1";
/** The sign-ins the benchmark uses: a London manager and a national lead. */
export const SCALE_SIGN_INS = { manager: "manager.lon@scale.test", national: "national@scale.test" } as const;

const time = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const GROUP_DAYS = [
  [2, 4, 6],
  [1, 3, 0],
  [5, 6, 0],
  [2, 3, 6],
  [1, 4, 0],
];
const BENEFICIARY_KINDS = [
  ["Charity shop", "British Heart Foundation shop"],
  ["Charity shop", "Oxfam shop"],
  ["Food bank", "Trussell food bank"],
  ["Community garden", "Allotment society"],
  ["Park", "Friends of the park"],
] as const;

export class Organisation {
  readonly placements: ScalePlacement[] = [];
  readonly pduStaff = new Map<string, PduStaff>();
  readonly regionStaff = new Map<string, RegionStaff>();
  nationalLeadId = "";
  /** Every supervisor's user id; placements and the session grid refer to them by index. */
  readonly supervisorIds: string[] = [];
  private readonly userIds = new IdSequence("user");
  private readonly placementIds = new IdSequence("placement");
  private readonly beneficiaryIds = new IdSequence("beneficiary");

  constructor(
    private readonly rng: Random,
    private readonly tables: ScaleTables,
    private readonly passwordHash: string,
    private readonly stamp: string,
  ) {}

  private user(
    email: string,
    name: string,
    role: string,
    regionId: string | null,
    pduId: string | null,
    gender: string,
  ): string {
    const id = this.userIds.take();
    this.tables.users.add([id, email, name, this.passwordHash, role, regionId, pduId, gender, this.stamp]);
    return id;
  }

  private person(regionCode: string): { name: string; gender: string } {
    const gender = this.rng.chance(0.5) ? "MALE" : "FEMALE";
    const n = pickName(this.rng, regionCode, gender);
    return { name: `${n.firstName} ${n.lastName}`, gender };
  }

  build(regions: ScaleRegion[], requirementsByPdu: Map<string, number>): void {
    this.nationalLeadId = this.user(
      SCALE_SIGN_INS.national,
      "National lead (scale data)",
      "NATIONAL_LEAD",
      null,
      null,
      "FEMALE",
    );
    for (const region of regions) {
      const code = region.code.toLowerCase();
      const m = this.person(region.code);
      const managerId = this.user(`manager.${code}@scale.test`, m.name, "MANAGER", region.id, null, m.gender);
      const coordinatorIds = [1, 2, 3].map((i) => {
        const c = this.person(region.code);
        return this.user(
          `coordinator${i}.${code}@scale.test`,
          c.name,
          "COORDINATOR",
          region.id,
          region.pdus[i % region.pdus.length]?.id ?? null,
          c.gender,
        );
      });
      this.regionStaff.set(region.code, { managerId, coordinatorIds });
      region.pdus.forEach((pdu, p) => {
        const expected = requirementsByPdu.get(pdu.id) ?? 0;
        const individual = Math.max(2, Math.ceil(expected / 45));
        const groups = Math.max(1, Math.ceil(expected / 180));
        // Enough supervisors for every session the PDU can run at once: its work parties (09:00–15:00)
        // and half its individual placements (10:00–12:00) with the induction, or the other half (18:00–20:00).
        const supervisors = Array.from({ length: Math.max(3, groups + Math.ceil(individual / 2) + 1) }, (_, i) => {
          const s = this.person(region.code);
          this.supervisorIds.push(
            this.user(
              `supervisor${p + 1}-${i + 1}.${code}@scale.test`,
              s.name,
              "SUPERVISOR",
              region.id,
              pdu.id,
              s.gender,
            ),
          );
          return this.supervisorIds.length - 1;
        });
        const byType = new Map<PlacementType, ScalePlacement[]>([
          ["INDIVIDUAL", []],
          ["GROUP", []],
        ]);
        const add = (
          type: PlacementType,
          name: string,
          capacity: number,
          weekdays: number[],
          start: number,
          end: number,
          features: string[],
          i: number,
        ) => {
          const beneficiaryId = type === "INDIVIDUAL" ? this.beneficiaryIds.take() : null;
          const kind = BENEFICIARY_KINDS[i % BENEFICIARY_KINDS.length] ?? BENEFICIARY_KINDS[0];
          if (beneficiaryId)
            this.tables.beneficiaries.add([beneficiaryId, region.id, `${pdu.town} ${kind[1]} ${i + 1}`, kind[0]]);
          const placement: ScalePlacement = {
            index: this.placements.length,
            id: this.placementIds.take(),
            type,
            pduId: pdu.id,
            name,
            capacity,
            weekdays: new Set(weekdays),
            start,
            end,
            startTime: time(start),
            endTime: time(end),
            supervisors: supervisors.map((_, k) => supervisors[(i + k) % supervisors.length] ?? 0),
          };
          this.placements.push(placement);
          this.tables.placements.add([
            placement.id,
            name,
            type,
            region.id,
            pdu.id,
            beneficiaryId,
            `${i + 1} High Street, ${pdu.town}`,
            pdu.postcode,
            capacity,
            `{${features.join(",")}}`,
            type === "GROUP",
            true,
          ]);
          byType.get(type)?.push(placement);
          return placement;
        };
        const induction = add(
          "INDUCTION",
          `${pdu.name} induction`,
          12,
          [1, 2, 3, 4, 5],
          600,
          720,
          ["WELFARE_FACILITIES"],
          0,
        );
        for (let i = 0; i < individual; i++) {
          // Half mornings, half evenings (for people in work): two-hour shifts.
          const start = i % 2 === 0 ? 600 : 1080;
          add(
            "INDIVIDUAL",
            `${pdu.town} ${BENEFICIARY_KINDS[i % BENEFICIARY_KINDS.length]?.[1]} ${i + 1} (${i % 2 === 0 ? "mornings" : "evenings"})`,
            4,
            [1, 2, 3, 4, 5, 6],
            start,
            start + 120,
            ["WELFARE_FACILITIES"],
            i,
          );
        }
        for (let i = 0; i < groups; i++) {
          add(
            "GROUP",
            `${pdu.town} work party ${i + 1}`,
            10,
            GROUP_DAYS[i % GROUP_DAYS.length] ?? [6],
            540,
            900,
            ["TOOLS", "WELFARE_FACILITIES"],
            i,
          );
        }
        add("ETE", `${pdu.town} adult learning centre`, 20, [], 540, 960, ["WELFARE_FACILITIES"], 0);
        this.pduStaff.set(pdu.id, { placementsByType: byType, induction });
      });
    }
  }
}

/** Sessions made as people are booked: counts and ids in flat arrays (placement × day). */
export class SessionGrid {
  private readonly booked: Uint8Array;
  private readonly sessionNumber: Int32Array;
  private readonly cancelled: Uint8Array;
  /** Each session's supervisor (index + 1; 0 for none). */
  private readonly supervisor: Int32Array;
  /** The hours each supervisor is taken on each day, one bit an hour. */
  private readonly busyHours: Uint32Array;
  private readonly ids = new IdSequence("session");

  constructor(
    private readonly rng: Random,
    private readonly placements: ScalePlacement[],
    private readonly supervisorIds: readonly string[],
    private readonly firstDay: DayNumber,
    private readonly days: number,
    private readonly today: DayNumber,
    private readonly bankHolidays: ReadonlySet<DayNumber>,
  ) {
    this.booked = new Uint8Array(placements.length * days);
    this.sessionNumber = new Int32Array(placements.length * days);
    this.cancelled = new Uint8Array(placements.length * days);
    this.supervisor = new Int32Array(placements.length * days);
    this.busyHours = new Uint32Array(supervisorIds.length * days);
  }

  /** The first of the placement's supervisors with no session overlapping it that day (taken for it); -1 if none. */
  private takeSupervisor(placement: ScalePlacement, day: DayNumber): number {
    // Whole hours, rounded outwards, so two sessions that overlap always share a bit.
    let hours = 0;
    for (let h = Math.floor(placement.start / 60); h < Math.ceil(placement.end / 60); h++) hours |= 1 << h;
    for (const s of placement.supervisors) {
      const cell = s * this.days + (day - this.firstDay);
      if (((this.busyHours[cell] ?? 0) & hours) === 0) {
        this.busyHours[cell] = (this.busyHours[cell] ?? 0) | hours;
        return s;
      }
    }
    return -1;
  }

  /** Who runs the placement's session that day (null if no one could, or there is no session). */
  supervisorOf(placement: ScalePlacement, day: DayNumber): string | null {
    const s = (this.supervisor[this.cell(placement, day)] ?? 0) - 1;
    return s >= 0 ? (this.supervisorIds[s] ?? null) : null;
  }

  private cell(placement: ScalePlacement, day: DayNumber): number {
    return placement.index * this.days + (day - this.firstDay);
  }

  meetsOn(placement: ScalePlacement, day: DayNumber): boolean {
    return (
      day >= this.firstDay &&
      day < this.firstDay + this.days &&
      placement.weekdays.has(weekdayOf(day)) &&
      !this.bankHolidays.has(day)
    );
  }

  /** The first day in [from, before) the placement meets with room; null if none. */
  findDay(placement: ScalePlacement, from: DayNumber, before: DayNumber): DayNumber | null {
    for (let day = from; day < before; day++) {
      if (this.meetsOn(placement, day) && (this.booked[this.cell(placement, day)] ?? 0) < placement.capacity)
        return day;
    }
    return null;
  }

  /** Books a place; returns the session id and whether it was cancelled in advance (past group sessions, 2.5 %). */
  book(placement: ScalePlacement, day: DayNumber): { sessionId: string; cancelled: boolean } {
    const cell = this.cell(placement, day);
    if (this.sessionNumber[cell] === 0) {
      this.ids.take();
      this.sessionNumber[cell] = this.ids.count;
      this.cancelled[cell] = placement.type === "GROUP" && day < this.today && this.rng.chance(0.025) ? 1 : 0;
      this.supervisor[cell] = this.takeSupervisor(placement, day) + 1;
    }
    this.booked[cell] = (this.booked[cell] ?? 0) + 1;
    return { sessionId: sessionIdOf(this.sessionNumber[cell] ?? 0), cancelled: this.cancelled[cell] === 1 };
  }

  /** Writes every session that has bookings: past ones closed by their supervisor (or cancelled), the rest scheduled. */
  flush(tables: ScaleTables): void {
    // Day by day, as a live system would have created them.
    for (let offset = 0; offset < this.days; offset++) {
      for (const placement of this.placements) {
        const cell = placement.index * this.days + offset;
        const n = this.sessionNumber[cell] ?? 0;
        if (n === 0) continue;
        const day = this.firstDay + offset;
        const iso = isoOf(day);
        const cancelled = this.cancelled[cell] === 1;
        const past = day < this.today;
        const supervisorId = this.supervisorOf(placement, day);
        tables.sessions.add([
          sessionIdOf(n),
          placement.id,
          iso,
          placement.startTime,
          placement.endTime,
          supervisorId,
          placement.capacity,
          cancelled ? "CANCELLED" : past ? "CLOSED" : "SCHEDULED",
          past && !cancelled ? `${iso} 16:30:00+00` : null,
          past && !cancelled ? supervisorId : null,
        ]);
      }
    }
  }
}

const sessionIdOf = (n: number) => `5ca1e004-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

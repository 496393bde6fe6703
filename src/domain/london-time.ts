// A London wall-clock time on a calendar date as an instant, and back. Incidents are told
// as "on the session's day at 13:40"; the database stores the instant (timestamptz).

import type { IsoDate } from "./dates";
import type { TimeOfDay } from "./time-of-day";

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function partsOf(instant: Date): { date: IsoDate; time: TimeOfDay; asUtcMs: number } {
  const parts = londonParts.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "00";
  const date = `${part("year")}-${part("month")}-${part("day")}`;
  const time = `${part("hour")}:${part("minute")}`;
  return { date, time, asUtcMs: Date.parse(`${date}T${time}:00Z`) };
}

/** The instant at which London clocks show `time` on `date` (the earlier one when clocks go back). */
export function londonInstant(date: IsoDate, time: TimeOfDay): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // London is UTC+0 or UTC+1: try both offsets and keep the one whose wall clock matches.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    if (partsOf(candidate).asUtcMs === wall) return candidate;
  }
  // A time skipped when clocks go forward (01:30 on the last Sunday of March): read as GMT.
  return new Date(wall);
}

/** London's calendar date and HH:MM at an instant. */
export function londonDateAndTime(instant: Date): { date: IsoDate; time: TimeOfDay } {
  const { date, time } = partsOf(instant);
  return { date, time };
}

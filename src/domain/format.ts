// Wording helpers so refusal messages read as plain English to a probation coordinator
// (GOV.UK style: "19 December 2025", "1,860 minutes", "30 hours 15 minutes").

import { dayOfWeek, isoDateFromUtcDate, type IsoDate } from "./dates";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** 1860 → "1,860". Done by hand so the output does not depend on the server's ICU data. */
export function formatCount(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A number of minutes as it is: 90 → "90 minutes" (formatHoursAndMinutes writes "1 hour 30 minutes"). */
export function formatMinuteCount(minutes: number): string {
  return plural(minutes, "minute", "minutes");
}

export function formatHours(hours: number): string {
  return plural(hours, "hour", "hours");
}

/** 1815 → "30 hours 15 minutes"; 60 → "1 hour"; 45 → "45 minutes"; -90 → "minus 1 hour 30 minutes". */
export function formatHoursAndMinutes(totalMinutes: number): string {
  if (totalMinutes < 0) return `minus ${formatHoursAndMinutes(-totalMinutes)}`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return formatMinuteCount(minutes);
  if (minutes === 0) return formatHours(hours);
  return `${formatHours(hours)} ${formatMinuteCount(minutes)}`;
}

/**
 * '2025-12-19' → "19 December 2025". Also takes a `@db.Date` value (UTC midnight), and writes
 * "Not set" for a date that is missing, as the screens show it.
 */
export function formatDate(value: IsoDate | Date | null | undefined): string {
  if (!value) return "Not set";
  const d = typeof value === "string" ? value : isoDateFromUtcDate(value);
  const [year, month, day] = d.split("-").map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** '2025-12-19' → "Friday 19 December 2025". */
export function formatDateWithDay(d: IsoDate): string {
  return `${DAYS[dayOfWeek(d)]} ${formatDate(d)}`;
}

export function dayName(dow: number): string {
  return DAYS[dow] ?? "";
}

/** A percentage rounded to one decimal place, as docs/api.md asks; 0 when there is nothing to divide by. */
export function roundedPercent(numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  return Math.round((numerator * 1000) / denominator) / 10;
}

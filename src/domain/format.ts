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

export { formatCount, formatMinuteCount, formatHours, formatHoursAndMinutes } from "./format-duration";

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

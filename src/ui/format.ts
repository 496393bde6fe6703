// How dates, hours and labels are written on screen (GOV.UK style: "23 November 2026").

const SHORT_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const WEEKDAY_DATE = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

/** Accepts an IsoDate string ('YYYY-MM-DD') or a Date from a `@db.Date` column (UTC midnight). */
function toUtcDate(value: string | Date): Date {
  return typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
}

/** "19 December 2025", or "Not set" (one definition, in the domain). */
export { formatDate } from "@/domain/format";
export const formatShortDate = (value: string | Date | null | undefined): string =>
  value ? SHORT_DATE.format(toUtcDate(value)) : "—";
export const formatWeekdayDate = (value: string | Date): string => WEEKDAY_DATE.format(toUtcDate(value));

/** Minutes as hours and minutes: 90 → "1 hour 30 minutes", 600 → "10 hours" (one definition, in the domain). */
export { formatHoursAndMinutes } from "@/domain/format";

/** Compact hours for tables: 754 minutes → "12h 34m". */
export function formatHoursShort(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

export const formatPercent = (value: number | null): string => (value === null ? "—" : `${value.toFixed(1)}%`);

export const formatNumber = (value: number): string => value.toLocaleString("en-GB");

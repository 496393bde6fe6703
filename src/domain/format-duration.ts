// Counts, minutes and hours in words ("1,860 minutes", "30 hours 15 minutes"). Its own module so that
// the supervisor's phone downloads these few lines, not the date wording beside them in ./format.

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

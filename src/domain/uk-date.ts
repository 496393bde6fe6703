// Dates as people type them in the UK (issue 13: the CSV import takes dd/mm/yyyy as well as
// YYYY-MM-DD). Day first, always: 03/04/2026 is 3 April.

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "27/03/1990" or "7/3/1990" → "1990-03-27" / "1990-03-07"; anything else is returned unchanged (the ISO check then judges it). */
export function isoFromUkDate(text: string): string {
  const match = UK_DATE.exec(text.trim());
  if (!match) return text;
  const [, day = "", month = "", year = ""] = match;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

// Bank holidays from GOV.UK's published file (https://www.gov.uk/bank-holidays.json): one object per
// division ("england-and-wales", "scotland", "northern-ireland"), each with `events` of
// { title, date, notes, bunting }. Unpaid work in England and Wales uses that division only.

import { isIsoDate, type IsoDate } from "./dates";

export interface ImportedBankHoliday {
  date: IsoDate;
  name: string;
}

export type BankHolidayFileResult = { ok: true; holidays: ImportedBankHoliday[] } | { ok: false; message: string };

/** The England and Wales dates in a GOV.UK bank-holidays.json text, in date order, or why it cannot be read. */
export function parseGovUkBankHolidays(text: string): BankHolidayFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "The file is not a GOV.UK bank holidays file: it is not JSON." };
  }
  const division = (json as Record<string, unknown> | null)?.["england-and-wales"] as { events?: unknown } | undefined;
  if (!division || !Array.isArray(division.events)) {
    return {
      ok: false,
      message:
        "The file has no England and Wales bank holidays. Download bank-holidays.json from GOV.UK and choose it again.",
    };
  }
  const byDate = new Map<IsoDate, string>();
  for (const event of division.events as unknown[]) {
    const { date, title } = (event ?? {}) as { date?: unknown; title?: unknown };
    if (typeof date !== "string" || !isIsoDate(date) || typeof title !== "string" || title.trim() === "") {
      return {
        ok: false,
        message: `The file has an event that is not a date with a name (${JSON.stringify(event).slice(0, 80)}).`,
      };
    }
    byDate.set(date, title.trim().slice(0, 100));
  }
  return {
    ok: true,
    holidays: [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name })),
  };
}

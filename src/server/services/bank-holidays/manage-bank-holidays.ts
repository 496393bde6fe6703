import "server-only";
import { formatDate, isoDateFromUtcDate, parseGovUkBankHolidays, utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { todayFor, type ServiceOptions } from "../context";
import { invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import {
  addBankHolidayInput,
  importBankHolidaysInput,
  removeBankHolidayInput,
  type AddBankHolidayInput,
  type ImportBankHolidaysInput,
  type RemoveBankHolidayInput,
} from "./manage-bank-holidays.types";

// Administrators keep the bank holidays that working-day rules (R2's start deadline) skip. Only
// future dates change: a past date would move deadlines that people have already been held to.

/** Adds a proclaimed bank holiday (a future date), audited. */
export async function addBankHoliday(
  actor: AppUser,
  raw: AddBankHolidayInput,
  options?: ServiceOptions,
): Promise<CommandResult<{ date: string; name: string }>> {
  assertCan(actor, "admin.reference");
  const input = addBankHolidayInput.parse(raw);
  const today = todayFor(options);
  if (input.date <= today)
    return invalidInput("date", "Only a future date can be added: past deadlines are not moved.");
  return inTransaction(options, async (tx) => {
    const existing = await tx.bankHoliday.findUnique({
      where: { date: utcDateFromIsoDate(input.date) },
      select: { name: true },
    });
    if (existing)
      return invalidInput("date", `${formatDate(input.date)} is already a bank holiday (${existing.name}).`);
    await tx.bankHoliday.create({ data: { date: utcDateFromIsoDate(input.date), name: input.name, source: "ADMIN" } });
    await audit(tx, actor, {
      action: "bank-holiday.add",
      entityType: "BankHoliday",
      entityId: input.date,
      before: null,
      after: input,
    });
    return success(input);
  });
}

/** Removes a future bank holiday (e.g. one added by mistake), audited with what it was. */
export async function removeBankHoliday(
  actor: AppUser,
  raw: RemoveBankHolidayInput,
  options?: ServiceOptions,
): Promise<CommandResult<{ date: string; name: string }>> {
  assertCan(actor, "admin.reference");
  const input = removeBankHolidayInput.parse(raw);
  const today = todayFor(options);
  if (input.date <= today)
    return invalidInput("date", "Only a future date can be removed: past deadlines are not moved.");
  return inTransaction(options, async (tx) => {
    const existing = await tx.bankHoliday.findUnique({
      where: { date: utcDateFromIsoDate(input.date) },
      select: { name: true, source: true },
    });
    if (!existing) return invalidInput("date", `${formatDate(input.date)} is not a bank holiday.`);
    await tx.bankHoliday.delete({ where: { date: utcDateFromIsoDate(input.date) } });
    await audit(tx, actor, {
      action: "bank-holiday.remove",
      entityType: "BankHoliday",
      entityId: input.date,
      before: { date: input.date, ...existing },
      after: null,
    });
    return success({ date: input.date, name: existing.name });
  });
}

/** Imports GOV.UK's bank-holidays.json: adds the England and Wales dates after today that are not recorded yet. */
export async function importBankHolidays(
  actor: AppUser,
  raw: ImportBankHolidaysInput,
  options?: ServiceOptions,
): Promise<CommandResult<{ added: { date: string; name: string }[]; alreadyRecorded: number; pastSkipped: number }>> {
  assertCan(actor, "admin.reference");
  const input = importBankHolidaysInput.parse(raw);
  const parsed = parseGovUkBankHolidays(input.file);
  if (!parsed.ok) return invalidInput("file", parsed.message);
  const today = todayFor(options);
  const future = parsed.holidays.filter((h) => h.date > today);
  return inTransaction(options, async (tx) => {
    const recorded = new Set(
      (
        await tx.bankHoliday.findMany({ where: { date: { gt: utcDateFromIsoDate(today) } }, select: { date: true } })
      ).map((r) => isoDateFromUtcDate(r.date)),
    );
    const added = future.filter((h) => !recorded.has(h.date));
    if (added.length > 0) {
      await tx.bankHoliday.createMany({
        data: added.map((h) => ({ date: utcDateFromIsoDate(h.date), name: h.name, source: "ADMIN" as const })),
      });
      await audit(tx, actor, {
        action: "bank-holiday.import",
        entityType: "BankHoliday",
        entityId: "gov-uk-import",
        before: null,
        after: { added },
      });
    }
    return success({
      added,
      alreadyRecorded: future.length - added.length,
      pastSkipped: parsed.holidays.length - future.length,
    });
  });
}

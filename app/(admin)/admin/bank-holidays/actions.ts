"use server";

import { formAction } from "@/server/actions/form-action";
import {
  addBankHoliday,
  importBankHolidays,
  removeBankHoliday,
} from "@/server/services/bank-holidays/manage-bank-holidays";
import {
  addBankHolidayInput,
  importBankHolidaysInput,
  removeBankHolidayInput,
} from "@/server/services/bank-holidays/manage-bank-holidays.types";
import type { FormState } from "@/ui/form/form-state";
import { formatDate } from "@/ui/format";

const revalidate = ["/admin/bank-holidays"];

const submitAdd = formAction({
  permission: "admin.reference",
  schema: addBankHolidayInput,
  // Empty fields stay "not given", so the messages below say what is missing.
  fromForm: (form) => ({ date: form.text("date"), name: form.text("name") }),
  messages: { date: "Enter the date of the holiday", name: "Enter the name of the holiday" },
  run: (user, input) => addBankHoliday(user, input),
  onSuccess: (added) => ({
    redirectTo: `/admin/bank-holidays?year=${added.date.slice(0, 4)}`,
    notice: `${added.name} on ${formatDate(added.date)} added. Working days now skip it.`,
    revalidate,
  }),
});

export async function addBankHolidayAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitAdd(previous, form);
}

const submitRemove = formAction({
  permission: "admin.reference",
  schema: removeBankHolidayInput,
  fromForm: (form) => ({ date: form.text("date") ?? "" }),
  run: (user, input) => removeBankHoliday(user, input),
  onSuccess: (removed) => ({
    redirectTo: `/admin/bank-holidays?year=${removed.date.slice(0, 4)}`,
    notice: `${removed.name} on ${formatDate(removed.date)} removed. It is a working day again.`,
    revalidate,
  }),
});

export async function removeBankHolidayAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitRemove(previous, form);
}

const submitImport = formAction({
  permission: "admin.reference",
  schema: importBankHolidaysInput,
  fromForm: (form) => ({ file: form.text("fileText") ?? "" }),
  fieldNames: { file: "file" },
  messages: { file: "Choose the bank-holidays.json file from GOV.UK" },
  run: (user, input) => importBankHolidays(user, input),
  onSuccess: (result) => ({
    redirectTo: "/admin/bank-holidays",
    notice:
      result.added.length === 0
        ? `No new dates: the file's future dates are already recorded (${result.alreadyRecorded}).`
        : `${result.added.length} ${result.added.length === 1 ? "bank holiday" : "bank holidays"} added from the file (${result.alreadyRecorded} already recorded; past dates are never changed).`,
    revalidate,
  }),
});

export async function importBankHolidaysAction(previous: FormState, form: FormData): Promise<FormState> {
  // The uploaded file travels on as its text, so the service reads what the administrator chose.
  const file = form.get("file");
  if (file instanceof File && file.size > 0) form.set("fileText", await file.text());
  form.delete("file");
  return submitImport(previous, form);
}
